import { lint } from '../engine/lint.js';
import { writeJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import { summarize } from '../report/summary.js';
import { UsageError } from '../discover/discover.js';
import { parseArgs } from 'node:util';
import type { Io } from './main.js';

const FORMATS = ['stylish', 'json'] as const;

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    environment: { type: 'string', short: 'e' },
    'env-file': { type: 'string', multiple: true },
    'max-warnings': { type: 'string' },
    'no-color': { type: 'boolean' },
    color: { type: 'boolean' },
    },
  });
  const format = (values.format as string | undefined) ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected one of: ${FORMATS.join(', ')})`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new UsageError(`--max-warnings needs a whole number, got "${String(values['max-warnings'])}"`);
  }

  const result = await lint({
    cwd: io.cwd,
    paths: positionals.length ? positionals : ['.'],
    configPath: values.config as string | undefined,
    environment: values.environment as string | undefined,
    envFiles: values['env-file'] as string[] | undefined,
  });
  const files = result.files;
  if (format === 'json') writeJson(result.diagnostics, files, io.stdout);
  else {
    // chalk is loaded only for people: machine formats start faster without it.
    const { makeChalk } = await import('./colour.js');
    io.stdout(formatStylish(result.diagnostics, result.sources, makeChalk({ noColor: values['no-color'] === true, isTTY: io.isTTY, env: io.env })));
  }

  const s = summarize(result.diagnostics);
  if (s.errors > 0) return 1;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) {
    if (format !== 'json') io.stderr(`ragcheck: ${s.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
