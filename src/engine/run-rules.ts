import type { ComposeStack } from '../compose/model.js';
import type { RuleSetting } from '../config/rule-settings.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { EffectiveImage } from '../stack/effective-image.js';
import type { Diagnostic, Report, Rule, RuleMeta, Severity } from './types.js';

/** Runs every enabled rule's stack check that applies to the stack's environment. */
export function runComposeRules(
  stack: ComposeStack,
  effective: ReadonlyMap<string, EffectiveImage>,
  rules: readonly Rule[],
  settings: ReadonlyMap<string, RuleSetting>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const run = enabled(rule.meta, settings, stack.environment);
    if (!run || !rule.check) continue;
    rule.check({ stack, environment: stack.environment, effective, options: run.options, report: reporter(rule.meta, run.severity, out) });
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
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const run = enabled(rule.meta, settings, environment);
    if (!run || !rule.checkDockerfile) continue;
    rule.checkDockerfile({ dockerfile, runtimeStages, siblings, options: run.options, report: reporter(rule.meta, run.severity, out) });
  }
  return out;
}

function enabled(meta: RuleMeta, settings: ReadonlyMap<string, RuleSetting>, environment: string): { severity: Severity; options: Record<string, unknown> } | undefined {
  const setting = settings.get(meta.id);
  const severity = setting?.severity ?? meta.severity;
  if (severity === 'off') return undefined;
  if (meta.environments && !meta.environments.includes(environment)) return undefined;
  return { severity, options: setting?.options ?? { ...meta.defaultOptions } };
}

function reporter(meta: RuleMeta, severity: Severity, out: Diagnostic[]): (r: Report) => void {
  return (r) =>
    out.push({
      ruleId: meta.id,
      severity: r.severity ? milder(r.severity, severity) : severity,
      message: r.message,
      span: r.span,
      ...(r.fix && { fix: r.fix }),
      ...(r.related && { related: r.related }),
      ...(r.everyStack && { everyStack: true }),
    });
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}
