import { allRules } from '../../rules/index.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSettings } from '../config/rule-settings.js';
import { discover } from '../discover/discover.js';
import type { SourceFile } from '../source/source-file.js';
import { checkStacks, type StackOutcome } from './check-stacks.js';
import { applySuppressions, ruleIndex } from './suppressions.js';
import type { Diagnostic } from './types.js';

export interface LintOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
  environment?: string;
  envFiles?: string[];
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Every file read, by its relative path (for code frames). */
  sources: Map<string, SourceFile>;
  /** How many files were linted (compose files; env files are read, not linted). */
  files: number;
}

const RULES = ruleIndex(allRules.map((r) => r.meta));

/** discover → load → check → suppress: the whole `ragcheck lint` minus output. */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const config = await loadConfig(opts.cwd, opts.configPath);
  const settings = resolveRuleSettings(config, allRules.map((r) => r.meta));
  const found = await discover(opts.paths, { cwd: opts.cwd, config, environment: opts.environment, envFiles: opts.envFiles });
  const checked = await checkStacks({ plans: found.stacks, dockerfiles: found.dockerfiles, settings, cwd: opts.cwd, knownTexts: found.composeTexts, environment: opts.environment });

  const sources = new Map(checked.sources.map((s) => [s.path, s]));
  const diagnostics = checked.outcomes.flatMap((o) => o.diagnostics);
  diagnostics.push(...agreedByEveryStack(checked.outcomes));
  const { kept, unused } = applySuppressions(dedupe(diagnostics), sources.values(), RULES);
  const unusedSetting = settings.get('unused-disable');
  const reported = unusedSetting?.severity === 'off' ? kept : [...kept, ...unused.map((d) => ({ ...d, severity: unusedSetting?.severity ?? d.severity }) as Diagnostic)];
  const envFiles = new Set(checked.envFiles);
  return { diagnostics: reported.sort(byPosition), sources, files: [...sources.keys()].filter((f) => !envFiles.has(f)).length };
}

/** Keeps an `everyStack` finding only when each stack that includes its file reported it. */
function agreedByEveryStack(outcomes: readonly StackOutcome[]): Diagnostic[] {
  const votes = new Map<string, { d: Diagnostic; n: number }>();
  const stacksWith = new Map<string, number>();
  for (const o of outcomes) {
    if (!o.everyStack) continue;
    for (const f of o.files) stacksWith.set(f, (stacksWith.get(f) ?? 0) + 1);
    for (const d of dedupe(o.everyStack)) {
      const k = key(d);
      const v = votes.get(k);
      if (v) v.n++;
      else votes.set(k, { d, n: 1 });
    }
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

const key = (d: Diagnostic) => `${d.ruleId}\0${d.span.file}\0${d.span.start}\0${d.span.end}\0${d.message}`;

/** A base file shared by several stacks yields each finding once. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = key(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
