import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type * as AjvLib from 'ajv';

/**
 * `yaml` and `ajv`, loaded on first use. Most runs need neither: block-style Compose files are
 * read by src/compose/block-reader.ts and valid ones are checked by the generated validator,
 * so the two packages (about 50 ms to load) wait until a file, a config or an error asks.
 */
const require = createRequire(import.meta.url);

let yaml: typeof YamlLib | undefined;
let ajv: typeof AjvLib | undefined;

export const yamlLib = (): typeof YamlLib => (yaml ??= require('yaml') as typeof YamlLib);
export const ajvLib = (): typeof AjvLib => (ajv ??= require('ajv') as typeof AjvLib);
