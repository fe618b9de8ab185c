import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ruleMetas } from '../../rules/index.js';
import { applyBaseline, BaselineError, baselineText, makeBaseline, readBaseline, type Baseline } from '../baseline/baseline.js';
import { UsageError } from '../discover/discover.js';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { Diagnostic } from '../engine/types.js';
import { writeFileAtomic } from '../fix/write-file.js';
import { packageVersion } from '../package-root.js';
import type { FormatContext } from '../report/format.js';
import type { FormatName } from '../report/formatters.js';
import { writeJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { plural, summarize } from '../report/summary.js';
import type { Io } from './main.js';

// The formatter table's names, repeated so the table loads only when used.
const FORMATS: Record<FormatName, true> = { stylish: true, json: true, sarif: true, github: true, junit: true, codeclimate: true, checkstyle: true };

/** The options lint and fix share: what to check, and how to show what is found. */
export const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  environment: { type: 'string', short: 'e' },
  'env-file': { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
} as const;

interface CheckValues {
  format?: string;
  'output-file'?: string;
  config?: string;
  environment?: string;
  'env-file'?: string[];
  'no-color'?: boolean;
}

export function outputFormat(values: CheckValues): FormatName {
  const format = values.format ?? 'stylish';
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`unknown format "${format}" (expected one of: ${Object.keys(FORMATS).join(', ')})`);
  return format as FormatName;
}

export function lintOptions(values: CheckValues, positionals: string[], io: Io): LintOptions {
  return { cwd: io.cwd, paths: positionals.length ? positionals : ['.'], configPath: values.config, environment: values.environment, envFiles: values['env-file'] };
}

/** What the report shows: by default the lint result as it is. */
export interface Shown {
  diagnostics: readonly Diagnostic[];
  /** Fingerprints counted over the findings before a baseline held some back. */
  fingerprints?: ReadonlyMap<Diagnostic, string>;
}

/**
 * Prints the report in `format`; with --output-file the report goes to that file and people
 * still get stylish on the terminal. Returns false when the file could not be written (the
 * reason is on stderr): the caller exits 2.
 */
export async function printFindings(result: LintResult, format: FormatName, values: CheckValues, io: Io, shown: Shown = result): Promise<boolean> {
  const outputFile = values['output-file'];
  if (outputFile === undefined && format === 'json') {
    writeJson(shown.diagnostics, result.files, io.stdout);
    return true;
  }
  if (outputFile === undefined && format !== 'stylish') {
    io.stdout(await render(format, result, shown));
    return true;
  }
  // chalk is loaded only for people: machine formats start faster without it.
  const { makeChalk } = await import('./colour.js');
  io.stdout(formatStylish(shown.diagnostics, result.sources, makeChalk({ noColor: values['no-color'] === true, isTTY: io.isTTY, env: io.env })));
  return outputFile === undefined || writeOutput(outputFile, await render(format, result, shown), io);
}

/** Writes a file named on the command line; false when it cannot (the reason is on stderr). */
function writeOutput(path: string, text: string, io: Io): boolean {
  try {
    writeFileAtomic(resolve(io.cwd, path), text);
    return true;
  } catch (e) {
    io.stderr(`ragcheck: cannot write ${path}: ${ioReason(e as NodeJS.ErrnoException, path)}\n`);
    return false;
  }
}

async function render(format: FormatName, result: LintResult, shown: Shown): Promise<string> {
  const { FORMATTERS } = await import('../report/formatters.js');
  const ctx: FormatContext = {
    files: result.files,
    sources: result.sources,
    rules: ruleMetas,
    version: packageVersion(),
    ...(shown.fingerprints && { fingerprints: shown.fingerprints }),
  };
  return FORMATTERS[format](shown.diagnostics, ctx);
}

const IO_REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: (path) => `${dirname(path)} is not a folder`,
  EISDIR: () => 'it is a folder',
  EACCES: () => 'permission denied',
  EPERM: () => 'permission denied',
  EROFS: () => 'the file system is read-only',
  ENOSPC: () => 'no space left on the device',
};

function ioReason(e: NodeJS.ErrnoException, path: string): string {
  return IO_REASONS[e.code ?? '']?.(path) ?? e.message;
}


export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CHECK_OPTIONS, 'max-warnings': { type: 'string' }, baseline: { type: 'string' }, 'baseline-write': { type: 'string' } },
  });
  const format = outputFormat(values);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings needs a whole number, got "${String(values['max-warnings'])}"`);
  }
  if (values.baseline !== undefined && values['baseline-write'] !== undefined) {
    throw new UsageError('--baseline and --baseline-write do not go together: --baseline-write records every finding');
  }

  // The baseline is read before linting: a bad one fails at once, not after the whole run.
  let recorded: Baseline | undefined;
  if (values.baseline !== undefined) {
    try {
      recorded = readBaseline(resolve(io.cwd, values.baseline), values.baseline);
    } catch (e) {
      if (!(e instanceof BaselineError)) throw e;
      io.stderr(`ragcheck: ${e.message}\n`);
      return 2;
    }
  }

  const result = await lint(lintOptions(values, positionals, io));
  if (values['baseline-write'] !== undefined) return writeBaselineFile(result, values['baseline-write'], io);

  let shown: Shown = result;
  if (recorded) {
    const outcome = applyBaseline(result.diagnostics, result.sources, recorded);
    shown = { diagnostics: outcome.kept, fingerprints: outcome.fingerprints };
    io.stderr(`ragcheck: ${outcome.baselined === 1 ? '1 finding is' : `${outcome.baselined} findings are`} in the baseline\n`);
    if (outcome.gone > 0) io.stderr(`ragcheck: ${outcome.gone} baseline ${outcome.gone === 1 ? 'entry no longer occurs' : 'entries no longer occur'} (--baseline-write records the findings anew)\n`);
  }
  if (!(await printFindings(result, format, values, io, shown))) return 2;

  const s = summarize(shown.diagnostics);
  if (s.errors > 0) return 1;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    if (format !== 'json') io.stderr(`ragcheck: ${s.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function writeBaselineFile(result: LintResult, path: string, io: Io): number {
  const baseline = makeBaseline(result.diagnostics, result.sources);
  if (!writeOutput(path, baselineText(baseline), io)) return 2;
  io.stderr(`ragcheck: recorded ${plural(baseline.findings.length, 'finding')} in ${path}\n`);
  return 0;
}
