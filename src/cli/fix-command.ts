import { parseArgs } from 'node:util';
import { findRule } from '../../rules/index.js';
import { UsageError } from '../discover/discover.js';
import { lint, type LintResult } from '../engine/lint.js';
import { unifiedDiff } from '../fix/diff.js';
import { fixLoop, type FixOutcome } from '../fix/fix-loop.js';
import { PIN_OPTIONS, PIN_RULE, pinnableRefs, withPinFixes } from '../fix/pin-digests.js';
import { writeFileAtomic } from '../fix/write-file.js';
import { plural, summarize } from '../report/summary.js';
import { CHECK_OPTIONS, lintOptions, outputFormat, printFindings } from './lint-command.js';
import type { Io } from './main.js';

/** `ragcheck fix` (and `ragcheck lint --fix`): apply fixes, write the files, report what remains. */
export async function fixCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CHECK_OPTIONS,
      unsafe: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      rule: { type: 'string', multiple: true },
      'pin-digests': { type: 'boolean' },
      'insecure-registry': { type: 'string', multiple: true },
    },
  });
  const format = outputFormat(values);
  const rules = values.rule ? new Set(values.rule.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean)) : undefined;
  for (const id of rules ?? []) checkFixable(id);

  const pin = values['pin-digests'] === true;
  const base = { ...lintOptions(values, positionals, io), ...(pin && { ruleOptions: PIN_OPTIONS }) };
  const lintWith = (overrides: ReadonlyMap<string, string>) => lint({ ...base, overrides });
  const digests = pin ? await lookUpDigests(await lintWith(new Map()), values['insecure-registry'] ?? [], io) : undefined;
  if (pin && rules) rules.add(PIN_RULE);
  const outcome = await fixLoop({
    cwd: io.cwd,
    filter: { unsafe: values.unsafe === true, ...(rules && { rules }) },
    lint: digests ? async (overrides) => withPinFixes(await lintWith(overrides), digests) : lintWith,
  });

  if (values['dry-run']) {
    io.stdout(unifiedDiff(outcome.changes));
    io.stderr(summaryLines(outcome, true, values.unsafe === true));
    return outcome.changes.length > 0 ? 1 : 0;
  }

  const failed = writeChanges(outcome, io);
  const printed = await printFindings(outcome.result, format, values, io);
  io.stderr(summaryLines(outcome, false, values.unsafe === true));
  if (failed || !printed) return 2;
  return summarize(outcome.result.diagnostics).errors > 0 ? 1 : 0;
}

/** Each image's digest from its registry; an image that cannot be resolved is reported and left as it is. */
async function lookUpDigests(result: LintResult, insecureRegistries: string[], io: Io): Promise<Map<string, string>> {
  const { resolveDigests } = await import('../registry/index.js');
  const refs = pinnableRefs(result);
  const progress = io.isTTY && refs.length > 0 ? (done: number, total: number) => io.stderr(`\rLooking up digests: ${done}/${total}${done === total ? '\n' : ''}`) : undefined;
  const found = await resolveDigests(refs, { insecureRegistries, env: io.env, ...(progress && { onProgress: progress }) });
  const digests = new Map<string, string>();
  for (const [ref, r] of found) {
    if (r.ok) digests.set(ref, r.digest);
    else io.stderr(`ragcheck: cannot pin ${ref}: ${r.error}\n`);
  }
  return digests;
}

function checkFixable(id: string): void {
  const rule = findRule(id);
  if (!rule) throw new UsageError(`--rule: unknown rule "${id}" (\`ragcheck rules\` lists them)`);
  if (!rule.meta.fixable) throw new UsageError(`--rule: ${id} has no automatic fix`);
}

/** Writes each changed file atomically; a file that cannot be written is reported and the rest still written. */
function writeChanges(outcome: FixOutcome, io: Io): boolean {
  let failed = false;
  for (const c of outcome.changes) {
    try {
      writeFileAtomic(c.absPath, c.after);
    } catch (e) {
      failed = true;
      io.stderr(`ragcheck: cannot write ${c.path}: ${(e as Error).message}\n`);
    }
  }
  return failed;
}

function summaryLines(outcome: FixOutcome, dryRun: boolean, unsafe: boolean): string {
  const lines: string[] = [];
  for (const r of outcome.reverted) lines.push(`ragcheck: left ${r.file} as it was: ${r.reason} (${r.rules.join(', ')})`);
  if (outcome.unstable) lines.push(`ragcheck: fixing did not settle, ${outcome.unstable.reason}: ${outcome.unstable.rules.join(', ')}`);
  const files = outcome.changes.length;
  const remaining = outcome.result.diagnostics;
  const moreUnsafe = unsafe ? 0 : remaining.filter((d) => d.fix && !d.fix.safe).length;
  const verb = dryRun ? 'would fix' : 'fixed';
  const tail = moreUnsafe ? ` (${moreUnsafe} fixable with --unsafe)` : '';
  lines.push(`ragcheck: ${verb} ${plural(outcome.fixed, 'finding')} in ${plural(files, 'file')}; ${remaining.length} remain${remaining.length === 1 ? 's' : ''}${tail}`);
  return lines.map((l) => `${l}\n`).join('');
}
