import { allRules } from '../../rules/index.js';
import { Budgets } from '../budget/budgets.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSettings, withRuleOptions } from '../config/rule-settings.js';
import { discover } from '../discover/discover.js';
import type { SourceFile } from '../source/source-file.js';
import { checkStacks, type StackOutcome } from './check-stacks.js';
import { summarizeStacks, type StackSummary } from './stack-summary.js';
import { applySuppressions, ruleIndex } from './suppressions.js';
import type { Diagnostic } from './types.js';

export interface LintOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
  environment?: string;
  envFiles?: string[];
  /** Texts to lint in place of the files on disk, by absolute path (`fix` checks its edits with them). */
  overrides?: ReadonlyMap<string, string>;
  /** Rule options that win over the config's, turning the rule on if it is off. */
  ruleOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Also say which service each finding is on (the scorecard's input): a cost most runs skip. */
  summaries?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Every file read, by its relative path (for code frames). */
  sources: Map<string, SourceFile>;
  /** How many files were linted (compose files; env files are read, not linted). */
  files: number;
  /** Each stack with its services and the rules that found something on them; only when asked for (`summaries`). */
  stacks?: StackSummary[];
}

const METAS = allRules.map((r) => r.meta);
const RULES = ruleIndex(METAS);

/** discover → load → check → suppress: the whole `ragcheck lint` minus output. */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const config = await loadConfig(opts.cwd, opts.configPath);
  const settings = withRuleOptions(resolveRuleSettings(config, METAS), opts.ruleOptions ?? {}, METAS);
  const found = await discover(opts.paths, { cwd: opts.cwd, config, environment: opts.environment, envFiles: opts.envFiles });
  const budgets = Budgets.fromConfig(config);
  const checked = await checkStacks({ plans: found.stacks, ...(!budgets.empty && { budgets }), shapes: opts.summaries === true, dockerfiles: found.dockerfiles, settings, cwd: opts.cwd, knownTexts: opts.overrides?.size ? new Map([...(found.composeTexts ?? []), ...opts.overrides]) : found.composeTexts, environment: opts.environment, listings: found.listings });

  const sources = new Map(checked.sources.map((s) => [s.path, s]));
  const diagnostics = checked.outcomes.flatMap((o) => o.diagnostics);
  diagnostics.push(...agreedByEveryStack(checked.outcomes));
  const { kept, unused } = applySuppressions(dedupe(diagnostics), sources.values(), RULES);
  const unusedSetting = settings.get('unused-disable');
  const reported = unusedSetting?.severity === 'off' ? kept : [...kept, ...unused.map((d) => ({ ...d, severity: unusedSetting?.severity ?? d.severity }) as Diagnostic)];
  const envFiles = new Set(checked.envFiles);
  return {
    diagnostics: reported.sort(byPosition),
    sources,
    files: [...sources.keys()].filter((f) => !envFiles.has(f)).length,
    ...(opts.summaries && { stacks: summarize(checked.outcomes, reported) }),
  };
}

/** The stacks and their services' findings, counting only findings that were reported. */
function summarize(outcomes: readonly StackOutcome[], reported: readonly Diagnostic[]): StackSummary[] {
  const index = new FindingIndex<Diagnostic>();
  for (const d of reported) index.intern(d, d);
  return summarizeStacks(outcomes, (d) => index.get(d));
}

/** Keeps an `everyStack` finding only when each stack that includes its file reported it. */
function agreedByEveryStack(outcomes: readonly StackOutcome[]): Diagnostic[] {
  const votes = new FindingIndex<{ d: Diagnostic; n: number }>();
  const stacksWith = new Map<string, number>();
  for (const o of outcomes) {
    if (!o.everyStack) continue;
    for (const f of o.files) stacksWith.set(f, (stacksWith.get(f) ?? 0) + 1);
    for (const d of dedupe(o.everyStack)) votes.intern(d, { d, n: 0 }).n++;
  }
  const out: Diagnostic[] = [];
  for (const { d, n } of votes.values()) {
    if (n === stacksWith.get(d.span.file)) {
      const { everyStack: _, ...rest } = d;
      out.push(rest);
    }
  }
  return out;
}

/**
 * Findings by file, then start offset; a finding equals another with the same rule, span and
 * message. Cheaper than a string key per finding: tens of thousands of keys, each holding the
 * whole message, cost more to build and hash than the few findings that share a start.
 */
class FindingIndex<V> {
  private readonly byFile = new Map<string, Map<number, { d: Diagnostic; v: V }[]>>();
  private readonly order: V[] = [];

  get(d: Diagnostic): V | undefined {
    const bucket = this.byFile.get(d.span.file)?.get(d.span.start);
    return bucket && equalIn(bucket, d)?.v;
  }

  /** The value of the finding equal to `d`; when there is none, `d` goes in with `v`. */
  intern(d: Diagnostic, v: V): V {
    let byStart = this.byFile.get(d.span.file);
    if (!byStart) this.byFile.set(d.span.file, (byStart = new Map()));
    let bucket = byStart.get(d.span.start);
    if (!bucket) byStart.set(d.span.start, (bucket = []));
    const found = equalIn(bucket, d);
    if (found) return found.v;
    bucket.push({ d, v });
    this.order.push(v);
    return v;
  }

  /** Values in the order they were added. */
  values(): readonly V[] {
    return this.order;
  }
}

/** The entry of findings that start where `d` does which equals it: same rule, end and message. */
function equalIn<E extends { d: Diagnostic }>(bucket: readonly E[], d: Diagnostic): E | undefined {
  for (const x of bucket) if (x.d.span.end === d.span.end && x.d.ruleId === d.ruleId && x.d.message === d.message) return x;
  return undefined;
}

/** A base file shared by several stacks yields each finding once. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new FindingIndex<Diagnostic>();
  return ds.filter((d) => seen.intern(d, d) === d);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
