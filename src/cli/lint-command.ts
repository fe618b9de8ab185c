import { parseArgs } from 'node:util';
import { UsageError } from '../discover/discover.js';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import { writeJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { summarize } from '../report/summary.js';
import type { Io } from './main.js';

const FORMATS = ['stylish', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** The options lint and fix share: what to check, and how to show what is found. */
export const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  environment: { type: 'string', short: 'e' },
  'env-file': { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
} as const;

interface CheckValues {
  format?: string;
  config?: string;
  environment?: string;
  'env-file'?: string[];
  'no-color'?: boolean;
}

export function outputFormat(values: CheckValues): Format {
  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected one of: ${FORMATS.join(', ')})`);
  return format as Format;
}

export function lintOptions(values: CheckValues, positionals: string[], io: Io): LintOptions {
  return { cwd: io.cwd, paths: positionals.length ? positionals : ['.'], configPath: values.config, environment: values.environment, envFiles: values['env-file'] };
}

export async function printFindings(result: LintResult, format: Format, values: CheckValues, io: Io): Promise<void> {
  if (format === 'json') return writeJson(result.diagnostics, result.files, io.stdout);
  // chalk is loaded only for people: machine formats start faster without it.
  const { makeChalk } = await import('./colour.js');
  io.stdout(formatStylish(result.diagnostics, result.sources, makeChalk({ noColor: values['no-color'] === true, isTTY: io.isTTY, env: io.env })));
}

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...CHECK_OPTIONS, 'max-warnings': { type: 'string' } } });
  const format = outputFormat(values);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings needs a whole number, got "${String(values['max-warnings'])}"`);
  }

  const result = await lint(lintOptions(values, positionals, io));
  await printFindings(result, format, values, io);

  const s = summarize(result.diagnostics);
  if (s.errors > 0) return 1;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    if (format !== 'json') io.stderr(`ragcheck: ${s.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
