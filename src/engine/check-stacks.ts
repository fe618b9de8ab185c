import { allRules } from '../../rules/index.js';
import { FileCache } from '../compose/file-cache.js';
import { loadStack, type LoadContext } from '../compose/load-stack.js';
import type { RuleSetting } from '../config/rule-settings.js';
import type { StackPlan } from '../discover/types.js';
import type { SourceFile } from '../source/source-file.js';
import { milder, runComposeRules } from './run-rules.js';
import type { Diagnostic } from './types.js';

/** What checking one stack produced. */
export interface StackOutcome {
  /** Findings to report as they are (load problems and rule findings). */
  diagnostics: Diagnostic[];
  /** `everyStack` findings, kept only if every stack with their file agrees; absent if the stack did not load. */
  everyStack?: Diagnostic[];
  /** Relative paths of the files the stack read. */
  files: string[];
}

export interface CheckResult {
  outcomes: StackOutcome[];
  sources: SourceFile[];
  /** Relative paths of the env files among the sources (not counted as linted files). */
  envFiles: string[];
}

/**
 * Loads and checks stacks one after another. Stacks come grouped by folder, so a file's tree
 * is freed after the last stack that reads it.
 */
export async function checkStacks(
  plans: readonly StackPlan[],
  settings: ReadonlyMap<string, RuleSetting>,
  cwd: string,
  knownTexts?: ReadonlyMap<string, string>,
): Promise<CheckResult> {
  const cache = new FileCache(cwd, knownTexts);
  const interpolated: LoadContext['interpolated'] = new Map();
  const lastUse = new Map<string, number>();
  plans.forEach((plan, i) => plan.files.forEach((f) => lastUse.set(f, i)));
  const sources = new Map<string, SourceFile>();
  const envFiles = new Set<string>();
  const outcomes: StackOutcome[] = [];
  for (const [i, plan] of plans.entries()) {
    const loaded = await loadStack(plan, { cwd, files: cache, interpolated });
    for (const f of plan.files) {
      if (lastUse.get(f) !== i) continue;
      cache.forget(f);
      interpolated.delete(f);
    }
    for (const s of loaded.sources) sources.set(s.path, s);
    for (const e of loaded.envFiles) envFiles.add(e);
    const diagnostics = withConfiguredSeverity(loaded.diagnostics, settings);
    const files = loaded.sources.map((s) => s.path);
    if (!loaded.stack) {
      outcomes.push({ diagnostics, files });
      continue;
    }
    const found = runComposeRules(loaded.stack, allRules, settings);
    diagnostics.push(...found.filter((d) => !d.everyStack));
    outcomes.push({ diagnostics, everyStack: found.filter((d) => d.everyStack), files });
  }
  return { outcomes, sources: [...sources.values()], envFiles: [...envFiles] };
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
