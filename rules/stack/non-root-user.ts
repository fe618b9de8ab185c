import { defineRule } from '../../src/engine/types.js';
import { STEPS_DOWN } from '../../src/images/privilege-drop.js';
import { stageLabel } from '../../src/stack/stage-image.js';
import { isRootUser, rootStage } from '../../src/stack/users.js';

/**
 * A service is judged here when compose decides its user (`user:`) or when it pulls a known
 * image; a service that builds is judged through its Dockerfile stage (`checkDockerfile`, which
 * sees every stage a service runs), so a USER line is reported once, not once per service.
 */
export default defineRule({
  meta: {
    id: 'non-root-user',
    category: 'users',
    summary: 'Services and the Dockerfile stages they run do not run as root',
    severity: 'error',
    peers: { hadolint: ['DL3002'], trivy: ['AVD-DS-0002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'] },
  },
  check({ stack, effective, report }) {
    for (const service of stack.services) {
      const image = effective.get(service.name);
      const user = image?.user;
      if (!image || !user || !isRootUser(user.value)) continue;
      if (user.source === 'compose') {
        report({ span: user.span, severity: 'warning', message: `${service.name} runs as root (user: ${user.value}); set a non-root uid the image can run as` });
      } else if (image.origin === 'pull' && service.image) {
        if (image.facts && STEPS_DOWN.has(image.facts.id) && !service.entrypoint) continue;
        report({
          span: user.span,
          severity: 'warning',
          message: `${service.name} runs as root, the default user of ${service.image.text}; set user: to a non-root uid or use a non-root variant of the image`,
        });
      }
    }
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const stage of runtimeStages) {
      const root = rootStage(dockerfile, stage);
      if (!root) continue;
      const why = root.decidedBy.kind === 'user' ? `USER ${root.decidedBy.value}` : `no USER, and ${root.decidedBy.image} defaults to root`;
      report({ span: root.span, message: `${stageLabel(dockerfile, stage)} runs as root (${why}); add a non-root USER before CMD` });
    }
  },
});
