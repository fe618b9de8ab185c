import { stageChain } from '../../src/dockerfile/chain.js';
import { insertLinesAfter, insertLinesBefore } from '../../src/dockerfile/edits.js';
import type { DockerfileModel, Stage } from '../../src/dockerfile/types.js';
import { defineRule, type Fix } from '../../src/engine/types.js';
import { STEPS_DOWN } from '../../src/images/privilege-drop.js';
import { stageImage, stageLabel } from '../../src/stack/stage-image.js';
import { isRootUser, rootStage } from '../../src/stack/users.js';

/**
 * How to get a non-root user on the base images whose family is known: the user an image
 * already has, or the command that creates one. Images without a shell (distroless, scratch)
 * and unknown bases get no fix.
 */
const USERS: readonly { image: string; tag?: RegExp; user: string; create?: string }[] = [
  // Matches the Windows variants too: they get no fix.
  { image: 'python', tag: /windows|nanoserver/, user: '' },
  { image: 'node', tag: /windows|nanoserver/, user: '' },
  // The image creates `node` (uid 1000) but does not switch to it.
  { image: 'node', user: 'node' },
  { image: 'python', tag: /(?:^|-)alpine/, user: 'app', create: 'adduser -D -u 10001 app' },
  { image: 'python', user: 'app', create: 'useradd --create-home --uid 10001 app' },
  { image: 'debian', user: 'app', create: 'useradd --create-home --uid 10001 app' },
  { image: 'ubuntu', user: 'app', create: 'useradd --create-home --uid 10001 app' },
  { image: 'alpine', user: 'app', create: 'adduser -D -u 10001 app' },
  { image: 'busybox', user: 'app', create: 'adduser -D -u 10001 app' },
];

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
    fixable: 'unsafe',
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
    const roots = runtimeStages.flatMap((stage) => {
      const root = rootStage(dockerfile, stage);
      return root ? [{ stage, root }] : [];
    });
    for (const { stage, root } of roots) {
      const why = root.decidedBy.kind === 'user' ? `USER ${root.decidedBy.value}` : `no USER, and ${root.decidedBy.image} defaults to root`;
      const chain = stageChain(dockerfile, stage);
      const fix = roots.every((other) => other.stage === stage || !chain.includes(other.stage)) ? userFix(dockerfile, stage) : undefined;
      report({ span: root.span, message: `${stageLabel(dockerfile, stage)} runs as root (${why}); add a non-root USER before CMD`, ...(fix && { fix }) });
    }
  },
});

/**
 * Creates the user (where the image lacks one) and switches to it before the stage's CMD or
 * ENTRYPOINT, else at its end. A runtime stage built FROM another root runtime stage waits for
 * that one's fix (its USER is inherited, and a useradd after it would run as that user).
 */
function userFix(dockerfile: DockerfileModel, stage: Stage): Fix | undefined {
  const { facts } = stageImage(dockerfile, stage);
  const base = stageChain(dockerfile, stage)[0]!.base;
  if (!facts || base.kind !== 'image') return undefined;
  const entry = USERS.find((u) => u.image === facts.id && (!u.tag || u.tag.test(base.ref.tag ?? '')));
  if (!entry?.user) return undefined;
  const lines = [...(entry.create ? [`RUN ${entry.create}`] : []), `USER ${entry.user}`];
  const own = stage.instructions;
  let lastUser = -1;
  own.forEach((i, k) => { if (i.keyword === 'USER') lastUser = k; });
  const start = own.findIndex((i, k) => k > lastUser && (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
  const edit = start >= 0 ? insertLinesBefore(dockerfile.file, own[start]!, lines) : insertLinesAfter(dockerfile.file, own.at(-1) ?? stage.from, lines);
  return { title: `Run as ${entry.user}`, safe: false, edits: [edit] };
}
