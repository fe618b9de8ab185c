import { appendPairEdit, replaceScalarEdit } from '../../src/compose/map-edits.js';
import type { ComposeStack, Service } from '../../src/compose/model.js';
import { get, isScalar, type YNode } from '../../src/compose/ynode.js';
import { defineRule, type Edit, type Fix } from '../../src/engine/types.js';
import { oneShotJobs, restartPolicy } from '../../src/stack/one-shot.js';

/** Policies that never restart: `restart: "no"` and `deploy.restart_policy.condition: none`. */
const NEVER = new Set(['no', 'none']);

/** What replaces a policy that never restarts, by where it is written. */
const RESTARTING = { restart: 'unless-stopped', condition: 'any' } as const;

/**
 * A long-running service must come back after a crash or a host reboot. One-shot jobs that
 * others await with `service_completed_successfully` are meant to stay exited.
 */
export default defineRule({
  meta: {
    id: 'restart-policy',
    category: 'ops',
    summary: 'Long-running production services have a restart policy',
    severity: 'warning',
    environments: ['prod'],
    fixable: 'unsafe',
  },
  check({ stack, report }) {
    const jobs = oneShotJobs(stack.services);
    for (const service of stack.services) {
      if (jobs.has(service.name)) continue;
      const policy = restartPolicy(service);
      if (policy && !NEVER.has(policy.value)) continue;
      const fix = restartFix(stack, service, policy?.node);
      report({
        span: policy ? policy.node.span : service.keySpan,
        message: policy
          ? `${service.name} is never restarted (${policy.value}), so it stays down after a crash or a host reboot; use restart: unless-stopped, or on-failure for a job that must end`
          : `${service.name} has no restart policy, so it stays down after a crash or a host reboot; add restart: unless-stopped`,
        ...(fix && { fix }),
      });
    }
  },
});

/** `restart: unless-stopped` added, or the never-restarting value replaced; it changes what runs. */
function restartFix(stack: ComposeStack, service: Service, never: YNode | undefined): Fix | undefined {
  let edit: Edit | undefined;
  if (!never) {
    const file = stack.sources.get(service.node.span.file);
    edit = file && appendPairEdit(service.node, 'restart', RESTARTING.restart, file);
  } else if (isScalar(never)) {
    const file = stack.sources.get(never.span.file);
    edit = file && replaceScalarEdit(never, get(service.node, 'restart') === never ? RESTARTING.restart : RESTARTING.condition, file);
  }
  if (!edit) return undefined;
  return { title: `Restart ${service.name} unless stopped`, safe: false, edits: [edit] };
}
