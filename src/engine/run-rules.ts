import type { ComposeStack } from '../compose/model.js';
import type { RuleSetting } from '../config/rule-settings.js';
import type { ComposeRule, Diagnostic, Severity } from './types.js';

/** Runs every enabled compose rule that applies to the stack's environment. */
export function runComposeRules(stack: ComposeStack, rules: readonly ComposeRule[], settings: ReadonlyMap<string, RuleSetting>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const { meta } = rule;
    const setting = settings.get(meta.id);
    const severity = setting?.severity ?? meta.severity;
    if (severity === 'off' || !rule.check) continue;
    if (meta.environments && !meta.environments.includes(stack.environment)) continue;
    rule.check({
      stack,
      environment: stack.environment,
      options: setting?.options ?? { ...meta.defaultOptions },
      report: (r) =>
        out.push({
          ruleId: meta.id,
          severity: r.severity ? milder(r.severity, severity) : severity,
          message: r.message,
          span: r.span,
          ...(r.fix && { fix: r.fix }),
          ...(r.related && { related: r.related }),
          ...(r.everyStack && { everyStack: true }),
        }),
    });
  }
  return out;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}
