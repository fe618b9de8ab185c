import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvLib, yamlLib } from '../source/lazy-libs.js';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { SourceFile } from '../source/source-file.js';
import { describeAjvError, dottedPath, firstError } from './ajv-message.js';
import type { ConfigPath } from './config-source.js';
import { ConfigSource } from './config-source.js';

/** A config problem; the message starts with `file:line:col` where known. The CLI exits 2. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(file === undefined ? message : `${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${message}`);
    this.name = 'ConfigError';
  }

  /** A ConfigError pointing at a key or value of the loaded config (or just the file when positions are unknown). */
  static at(loaded: LoadedConfig, where: ConfigPath, part: 'key' | 'value', message: string): ConfigError {
    if (loaded.source) {
      const p = loaded.source.position(where, part);
      return new ConfigError(message, loaded.source.displayPath, p.line, p.column);
    }
    return new ConfigError(message, loaded.path);
  }
}

export interface StackConfig {
  files: string[];
  environment?: string;
  envFile?: string | string[];
  projectDirectory?: string;
}

export interface RagcheckConfig {
  extends: 'recommended' | 'strict';
  stacks: Record<string, StackConfig>;
  /** Raw settings, checked against the rule registry by resolveRuleSettings. */
  rules: Record<string, unknown>;
  ignore: string[];
  include: string[];
  /** Extra overlay names and their environment: `{ qa: test }` makes `compose.qa.yaml` a test overlay. */
  environments?: Record<string, string>;
  budgets?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: RagcheckConfig;
  /** Absolute path of the config file; absent when none was found. */
  path?: string;
  /** Absolute folder that relative paths and globs in the config resolve against. */
  dir: string;
  /** Positions of keys and values, for errors found after loading; absent for built-in defaults. */
  source?: ConfigSource;
}

export const CONFIG_NAMES = ['.ragcheck.yaml', '.ragcheck.yml'] as const;

/** Larger than any sensible config; stops a stray huge file from being parsed. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export function defaultConfig(): RagcheckConfig {
  return { extends: 'recommended', stacks: {}, rules: {}, ignore: [], include: [] };
}

/**
 * Loads `explicitPath` (a missing file is an error), or else the nearest `.ragcheck.yaml` /
 * `.ragcheck.yml` found from `cwd` upwards. The search stops at the first folder holding `.git`
 * (the repository root) or at the filesystem root, so a config outside the project never leaks
 * in. With no config, the defaults apply and paths resolve against `cwd`.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const absCwd = path.resolve(cwd);
  const file = explicitPath === undefined ? await findConfig(absCwd) : path.resolve(absCwd, explicitPath);
  if (file === undefined) return { config: defaultConfig(), dir: absCwd };

  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new ConfigError(`Config path ${displayPath(file, absCwd)} is not a file`);
    if (stat.size > MAX_CONFIG_BYTES) throw new ConfigError(`Config file ${displayPath(file, absCwd)} is larger than 1 MB`);
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`;
    throw new ConfigError(`Config file ${displayPath(file, absCwd)} ${why}`);
  }
  return parseConfig(text, file, displayPath(file, absCwd));
}

/** Parses and validates config text; exported for tests and for editors that hold unsaved text. */
export function parseConfig(text: string, absPath: string, shownPath = absPath): LoadedConfig {
  const sourceFile = new SourceFile(shownPath, text, absPath);
  const fail = (message: string, offset: number): ConfigError => {
    const p = sourceFile.position(offset);
    return new ConfigError(message, shownPath, p.line, p.column);
  };

  const { parseDocument, LineCounter } = yamlLib();
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) throw fail(yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), yamlError.pos[0]);

  const source = new ConfigSource(shownPath, sourceFile, doc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw fail(`Config cannot be read: ${(e as Error).message.split('\n')[0]}`, 0);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw fail('The config must be a mapping of settings', doc.contents?.range?.[0] ?? 0);

  // `rules:` with every entry commented out is common; an empty section means "nothing set".
  const raw = Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== null));
  const validate = configValidator();
  if (!validate(raw)) {
    const err = firstError(validate.errors)!;
    const d = describeConfigError(err);
    const p = source.position(d.path, d.part);
    throw new ConfigError(d.message, shownPath, p.line, p.column);
  }

  const config: RagcheckConfig = { ...defaultConfig(), ...(raw as Partial<RagcheckConfig>) };
  return { config, path: absPath, dir: path.dirname(absPath), source };
}

function describeConfigError(err: ErrorObject) {
  const d = describeAjvError(err, (p) => (p.length === 0 ? 'the config' : dottedPath(p)));
  // A rule setting can take four shapes; name them all rather than the last branch tried.
  const isRuleShape = d.path.length === 2 && d.path[0] === 'rules' && err.keyword !== 'enum' && err.keyword !== 'additionalProperties';
  if (isRuleShape) {
    d.message = `${dottedPath(d.path)} must be a severity (off, info, warning, error), [severity], [severity, options] or an options mapping`;
  }
  return d;
}

let compiled: ValidateFunction | undefined;
function configValidator(): ValidateFunction {
  compiled ??= new (ajvLib().Ajv)({ allErrors: false, verbose: true, strict: false }).compile(schema);
  return compiled;
}

async function findConfig(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
  }
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

/** Relative to the working directory when inside it, so messages stay short. */
function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
