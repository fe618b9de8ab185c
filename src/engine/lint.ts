import { allRules, ruleIds } from '../../rules/index.js';
import { FileCache } from '../compose/file-cache.js';
import { loadStack } from '../compose/load-stack.js';
import { loadConfig } from '../config/load-config.js';
import { resolveRuleSettings } from '../config/rule-settings.js';
import { discover } from '../discover/discover.js';
import type { SourceFile } from '../source/source-file.js';
import type { RuleSetting } from '../config/rule-settings.js';
import { milder, runComposeRules } from './run-rules.js';
import { applySuppressions } from './suppressions.js';
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
  /** Every file read, by its relative path (for code frames and counts). */
  sources: Map<string, SourceFile>;
}

/** discover → load → check → suppress: the whole `ragcheck lint` minus output. */
export async function lint(opts: LintOptions): Promise<LintResult> {
  const config = await loadConfig(opts.cwd, opts.configPath);
  const settings = resolveRuleSettings(config, allRules.map((r) => r.meta));
  const found = await discover(opts.paths, { cwd: opts.cwd, config, environment: opts.environment, envFiles: opts.envFiles });
  const cache = new FileCache(opts.cwd);
  const interpolated = new Map();
  const sources = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const perStack: Diagnostic[][] = [];
  const stackFiles: Set<string>[] = [];
  for (const plan of found.stacks) {
    const loaded = await loadStack(plan, { cwd: opts.cwd, files: cache, interpolated });
    for (const s of loaded.sources) sources.set(s.path, s);
    diagnostics.push(...withConfiguredSeverity(loaded.diagnostics, settings));
    if (!loaded.stack) continue;
    const found = runComposeRules(loaded.stack, allRules, settings);
    diagnostics.push(...found.filter((d) => !d.everyStack));
    perStack.push(found.filter((d) => d.everyStack));
    stackFiles.push(new Set(loaded.sources.map((s) => s.path)));
  }
  diagnostics.push(...agreedByEveryStack(perStack, stackFiles));
  const { kept, unused } = applySuppressions(dedupe(diagnostics), sources.values(), ruleIds);
  const unusedSetting = settings.get('unused-disable');
  const reported = unusedSetting?.severity === 'off' ? kept : [...kept, ...unused.map((d) => ({ ...d, severity: unusedSetting?.severity ?? d.severity }) as Diagnostic)];
  return { diagnostics: reported.sort(byPosition), sources };
}

/** Load-time findings (compose-schema) follow the rule's configured severity, as a cap. */
function withConfiguredSeverity(ds: Diagnostic[], settings: ReadonlyMap<string, RuleSetting>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const configured = settings.get(d.ruleId)?.severity;
    if (configured === 'off') continue;
    out.push(configured ? { ...d, severity: milder(d.severity, configured) } : d);
  }
  return out;
}

/** Keeps an `everyStack` finding only when each stack that includes its file reported it. */
function agreedByEveryStack(perStack: Diagnostic[][], stackFiles: Set<string>[]): Diagnostic[] {
  const votes = new Map<string, { d: Diagnostic; n: number }>();
  for (const ds of perStack) {
    for (const d of dedupe(ds)) {
      const k = key(d);
      const v = votes.get(k);
      if (v) v.n++;
      else votes.set(k, { d, n: 1 });
    }
  }
  const out: Diagnostic[] = [];
  for (const { d, n } of votes.values()) {
    if (n === stackFiles.filter((files) => files.has(d.span.file)).length) {
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
