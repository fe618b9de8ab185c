import { expandAt, resolvePath, stageChain } from '../../src/dockerfile/chain.js';
import type { DockerfileModel, Instruction, Stage } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';

/** POSIX, or Windows (`C:\app`, `\app`) for Windows base images. */
const ABSOLUTE = /^(?:\/|\\|[A-Za-z]:[\\/]?)/;

export default defineRule({
  meta: {
    id: 'workdir-absolute',
    category: 'runtime',
    summary: 'WORKDIR is an absolute path',
    severity: 'error',
    peers: { hadolint: ['DL3000'], trivy: ['AVD-DS-0009'], checkov: ['CKV_DOCKER_10'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR' || !ins.argsText.trim()) continue;
        const raw = ins.argsText.trim();
        const path = expandAt(dockerfile, stage, ins, raw);
        // `\app` with the default escape character is still meant as a Windows path.
        if (path === undefined || ABSOLUTE.test(path) || ABSOLUTE.test(raw)) continue;
        const before = workdirBefore(dockerfile, stage, ins);
        const where = before === null ? "the base image's WORKDIR" : `the WORKDIR before it (${before ?? 'not known here'})`;
        report({
          span: ins.argsSpan,
          message: `WORKDIR ${path} is relative, so where it lands depends on ${where}; write the absolute path${before === undefined ? '' : ` (${before === null ? 'e.g. ' : ''}${resolvePath(before ?? '/', path)})`}`,
        });
      }
    }
  },
});

/** The WORKDIR set along the stage chain before `at`: null when none is, undefined when it is not known. */
function workdirBefore(model: DockerfileModel, stage: Stage, at: Instruction): string | null | undefined {
  let dir: string | null | undefined = null;
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.span.start >= at.span.start) return dir;
      if (ins.keyword !== 'WORKDIR') continue;
      const path = expandAt(model, s, ins, ins.argsText.trim());
      dir = path === undefined || dir === undefined ? undefined : resolvePath(dir ?? '/', path);
    }
  return dir;
}
