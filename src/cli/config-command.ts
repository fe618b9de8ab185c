import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../rules/index.js';
import { CONFIG_NAMES } from '../config/load-config.js';
import { importHadolint, parseHadolintConfig } from '../config/import-hadolint.js';
import { UsageError } from '../discover/discover.js';
import type { Io } from './main.js';

const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/**
 * `ragcheck config import-hadolint [file] [--write]`: prints the `.ragcheck.yaml` settings
 * that carry a hadolint config over, or writes them to a new `.ragcheck.yaml`.
 */
export function configCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub !== 'import-hadolint') throw new UsageError(sub ? `unknown config command "${sub}" (import-hadolint)` : 'config takes a command: import-hadolint');
  const { values, positionals } = parseArgs({ args: rest, options: { write: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new UsageError('import-hadolint takes at most one file');
  const file = positionals[0] ?? HADOLINT_NAMES.find((n) => existsSync(path.join(io.cwd, n)));
  if (!file) throw new UsageError('no .hadolint.yaml here; name the file: ragcheck config import-hadolint <file>');
  const abs = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let config;
  try {
    config = parseHadolintConfig(text);
  } catch (e) {
    throw new UsageError(`${file} ${(e as Error).message}`);
  }
  const out = importHadolint(config, allRules.map((r) => r.meta), path.basename(file));
  if (!values.write) {
    io.stdout(out);
    return 0;
  }
  const existing = CONFIG_NAMES.find((n) => existsSync(path.join(io.cwd, n)));
  if (existing) throw new UsageError(`${existing} already exists; run without --write and merge the settings by hand`);
  const target = path.join(io.cwd, CONFIG_NAMES[0]);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, target);
  io.stdout(`wrote ${CONFIG_NAMES[0]}\n`);
  return 0;
}
