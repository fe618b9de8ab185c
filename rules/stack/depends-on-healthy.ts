import type { Service } from '../../src/compose/model.js';
import { defineRule } from '../../src/engine/types.js';
import { dependencies } from '../../src/stack/depends-on.js';
import { dependsOnHealthyFix } from '../../src/stack/depends-on-fix.js';
import { hasHealthcheck, healthcheckDisabled } from '../../src/stack/health.js';

/**
 * Compose starts a dependant once its dependency is running, not ready, unless told to wait
 * for `service_healthy`; and `service_healthy` on a service with no healthcheck stops `up`.
 */
export default defineRule({
  meta: {
    id: 'depends-on-healthy',
    category: 'health',
    summary: 'depends_on waits for service_healthy when the dependency has a healthcheck, and only then',
    severity: 'error',
    fixable: 'unsafe',
  },
  check({ stack, effective, report }) {
    // Index loops and no Set of names: a stack has a handful of services, and most none of
    // them with depends_on; for…of allocates an iterator result per step while this is cold.
    const { services } = stack;
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      const deps = dependencies(service);
      for (let d = 0; d < deps.length; d++) {
        const dep = deps[d]!;
        if (!hasService(services, dep.service)) continue;
        const image = effective.get(dep.service);
        const health = hasHealthcheck(image);
        if (dep.condition === 'service_healthy' && health === 'no') {
          const why = healthcheckDisabled(image) ? 'its healthcheck is disabled' : 'it has no healthcheck';
          report({ span: dep.span, message: `${service.name} waits for ${dep.service} to be healthy, but ${why}, so docker compose up fails` });
        } else if (dep.condition === 'service_started' && health === 'yes') {
          const how = dep.short ? 'use the long form with condition: service_healthy' : 'set condition: service_healthy';
          const fix = dependsOnHealthyFix(stack, service, dep, (n) => hasService(services, n) && hasHealthcheck(effective.get(n)) === 'yes');
          report({
            span: dep.span,
            severity: 'warning',
            message: `${service.name} starts as soon as ${dep.service} is running, not when its healthcheck passes; ${how}`,
            ...(fix && { fix }),
          });
        }
      }
    }
  },
});

function hasService(services: readonly Service[], name: string): boolean {
  for (let i = 0; i < services.length; i++) if (services[i]!.name === name) return true;
  return false;
}
