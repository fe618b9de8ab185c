import { defineRule } from '../../src/engine/types.js';
import { hasHealthcheck, healthcheckDisabled } from '../../src/stack/health.js';
import { knownHealthcheckFix } from '../../src/stack/healthcheck-fix.js';
import { showProbe } from '../../src/stack/healthcheck-probe.js';
import { oneShotJobs } from '../../src/stack/one-shot.js';

/**
 * A service with a healthcheck from compose, its Dockerfile stage or its image passes. One-shot
 * jobs (migrations, model pulls) that another service awaits with
 * `service_completed_successfully` and that are not restarted are exempt.
 */
export default defineRule({
  meta: {
    id: 'healthcheck-required',
    category: 'health',
    summary: 'Long-running production services have a healthcheck, from compose or from their image',
    severity: 'warning',
    peers: { hadolint: ['DL3057'], trivy: ['AVD-DS-0026'], checkov: ['CKV_DOCKER_2'] },
    environments: ['prod'],
    fixable: 'unsafe',
  },
  check({ stack, effective, report }) {
    const jobs = oneShotJobs(stack.services);
    for (const service of stack.services) {
      const image = effective.get(service.name);
      if (!image || hasHealthcheck(image) === 'yes' || jobs.has(service.name)) continue;
      const probe = image.facts?.healthcheck?.test;
      const example = probe ? `; for ${image.facts!.id}, ${showProbe(probe, false)} works` : '';
      const what = healthcheckDisabled(image) ? 'has its healthcheck disabled' : 'has no healthcheck';
      const fix = knownHealthcheckFix(stack, service, image);
      report({ span: service.keySpan, message: `${service.name} ${what}, so nothing notices when it hangs and depends_on cannot wait for it${example}`, ...(fix && { fix }) });
    }
  },
});
