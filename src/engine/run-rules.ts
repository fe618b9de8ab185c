import type { Budgets } from '../budget/budgets.js';
import type { ComposeStack } from '../compose/model.js';
import type { RuleSetting } from '../config/rule-settings.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { EffectiveImage } from '../stack/effective-image.js';
import type { Diagnostic, Report, Rule, Severity } from './types.js';

/** Runs every enabled rule's stack check that applies to the stack's environment. */
export function runComposeRules(
  stack: ComposeStack,
  effective: ReadonlyMap<string, EffectiveImage>,
  rules: readonly Rule[],
  settings: ReadonlyMap<string, RuleSetting>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const run of enabledRules(rules, settings, stack.environment)) {
    if (!run.rule.check) continue;
    run.sink = out;
    run.rule.check({ stack, environment: stack.environment, effective, options: run.options(), report: run.report });
  }
  return out;
}

/** Runs every enabled rule's Dockerfile check, once per Dockerfile. */
export function runDockerfileRules(
  dockerfile: DockerfileModel,
  runtimeStages: readonly Stage[],
  environment: string,
  rules: readonly Rule[],
  settings: ReadonlyMap<string, RuleSetting>,
  siblings: readonly DockerfileModel[] = [],
  sizes: { budgets?: Budgets; services?: ReadonlyMap<number, readonly string[]> } = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const run of enabledRules(rules, settings, environment)) {
    if (!run.rule.checkDockerfile) continue;
    run.sink = out;
    run.rule.checkDockerfile({ dockerfile, runtimeStages, siblings, ...sizes, options: run.options(), report: run.report });
  }
  return out;
}

/** A rule that runs in an environment, with its configured severity and options. */
interface EnabledRule {
  rule: Rule;
  /** A fresh copy of the default options for each check, so no check sees another's changes. */
  options: () => Record<string, unknown>;
  /**
   * Reports into `sink`, which each run points at its own findings: one closure per rule
   * rather than one per rule and stack (checks are synchronous, so runs never interleave).
   */
  report: (r: Report) => void;
  sink: Diagnostic[];
}

/**
 * Which rules run, worked out once per rule list, settings and environment rather than for
 * each of thousands of stacks and Dockerfiles.
 */
const enabledCache = new WeakMap<readonly Rule[], WeakMap<ReadonlyMap<string, RuleSetting>, Map<string, EnabledRule[]>>>();

function enabledRules(rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, environment: string): EnabledRule[] {
  let bySettings = enabledCache.get(rules);
  if (!bySettings) enabledCache.set(rules, (bySettings = new WeakMap()));
  let byEnv = bySettings.get(settings);
  if (!byEnv) bySettings.set(settings, (byEnv = new Map()));
  let list = byEnv.get(environment);
  if (!list) byEnv.set(environment, (list = computeEnabled(rules, settings, environment)));
  return list;
}

function computeEnabled(rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>, environment: string): EnabledRule[] {
  const out: EnabledRule[] = [];
  for (const rule of rules) {
    const { meta } = rule;
    const setting = settings.get(meta.id);
    const severity = setting?.severity ?? meta.severity;
    if (severity === 'off') continue;
    if (meta.environments && !meta.environments.includes(environment)) continue;
    const configured = setting?.options;
    const enabled: EnabledRule = {
      rule,
      options: configured ? () => configured : () => ({ ...meta.defaultOptions }),
      report: (r) => enabled.sink.push(diagnostic(meta.id, severity, r)),
      sink: [],
    };
    out.push(enabled);
  }
  return out;
}

function diagnostic(ruleId: string, severity: Severity, r: Report): Diagnostic {
  // Assigned one by one, not spread: findings run to tens of thousands.
  const d: Diagnostic = { ruleId, severity: r.severity ? milder(r.severity, severity) : severity, message: r.message, span: r.span };
  if (r.fix) d.fix = r.fix;
  if (r.related) d.related = r.related;
  if (r.everyStack) d.everyStack = true;
  return d;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}
