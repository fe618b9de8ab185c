import { defineRule } from '../../src/engine/types.js';
import { oneShotJobs, restartPolicy } from '../../src/stack/one-shot.js';

/** Policies that never restart: `restart: "no"` and `deploy.restart_policy.condition: none`. */
const NEVER = new Set(['no', 'none']);

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
  },
  check({ stack, report }) {
    const jobs = oneShotJobs(stack.services);
    for (const service of stack.services) {
      if (jobs.has(service.name)) continue;
      const policy = restartPolicy(service);
      if (policy && !NEVER.has(policy.value)) continue;
      report({
        span: policy ? policy.node.span : service.keySpan,
        message: policy
          ? `${service.name} is never restarted (${policy.value}), so it stays down after a crash or a host reboot; use restart: unless-stopped, or on-failure for a job that must end`
          : `${service.name} has no restart policy, so it stays down after a crash or a host reboot; add restart: unless-stopped`,
      });
    }
  },
});
