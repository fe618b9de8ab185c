import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type * as AjvLib from 'ajv';
import type * as MvdanShLib from 'mvdan-sh';

/**
 * `yaml`, `ajv` and `mvdan-sh`, loaded on first use. Most runs need none: block-style Compose
 * files are read by src/compose/block-reader.ts, valid ones are checked by the generated
 * validator and plain RUN texts need no shell parser, so the packages (50–80 ms each to load)
 * wait until a file, a config, an error or a script asks.
 */
const require = createRequire(import.meta.url);

export interface Libs {
  yaml: typeof YamlLib;
  ajv: typeof AjvLib;
  mvdanSh: typeof MvdanShLib;
}

/**
 * Modules handed over by an entry point that bundles them (the GitHub Action runs without
 * node_modules, and a bundler cannot follow `createRequire`). The CLI provides none.
 */
const provided: Partial<Libs> = {};

export function provideLibs(libs: Partial<Libs>): void {
  Object.assign(provided, libs);
}

let yaml: typeof YamlLib | undefined;
let ajv: typeof AjvLib | undefined;

export const yamlLib = (): typeof YamlLib => (yaml ??= provided.yaml ?? (require('yaml') as typeof YamlLib));
export const ajvLib = (): typeof AjvLib => (ajv ??= provided.ajv ?? (require('ajv') as typeof AjvLib));
/** Load it inside `gopherJsGuard` (see there); src/shell/parser.ts keeps the one instance. */
export const mvdanShLib = (): typeof MvdanShLib => provided.mvdanSh ?? (require('mvdan-sh') as typeof MvdanShLib);

/**
 * mvdan-sh's GopherJS runtime sets `Error.stackTraceLimit = Infinity` and a global `require`
 * as it loads; neither is needed to parse, and the first makes every later Error costly. Call
 * before loading it, and call the result afterwards to put both back.
 */
export function gopherJsGuard(): () => void {
  const limit = Error.stackTraceLimit;
  const hadRequire = Object.hasOwn(globalThis, 'require');
  return () => {
    Error.stackTraceLimit = limit;
    if (!hadRequire) delete (globalThis as { require?: unknown }).require;
  };
}
