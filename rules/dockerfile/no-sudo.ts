import { runCommands } from '../../src/dockerfile/commands.js';
import { defineRule } from '../../src/engine/types.js';

const SUDO = /(?:^|[\s;&|(`/'"])sudo(?=[\s;&|)`'"]|$)/g;

export default defineRule({
  meta: {
    id: 'no-sudo',
    category: 'users',
    summary: 'RUN does not use sudo; switch users with USER',
    severity: 'error',
    peers: { hadolint: ['DL3004'], trivy: ['AVD-DS-0010'], checkov: ['CKV2_DOCKER_1'] },
  },
  checkDockerfile({ dockerfile, report }) {
    const text = dockerfile.file.text;
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        for (const c of runCommands(run)) {
          if (c.name !== 'sudo' && !c.wrappers.includes('sudo')) continue;
          // The command is reported from its own word; a `sudo` wrapper stands just before it.
          const start = c.name === 'sudo' ? c.start : lastSudo(text, run.instruction.span.start, c.start);
          report({
            span: dockerfile.file.span(start, start + 4),
            message: 'sudo in a RUN behaves unpredictably (TTY, environment, signals) and keeps sudo in the image; RUN already runs as the current USER, so put USER root before this step and USER <app> after it',
          });
        }
      }
    }
  },
});

/** Offset of the `sudo` word nearest before `end`, not before `from`. */
function lastSudo(text: string, from: number, end: number): number {
  let found = -1;
  SUDO.lastIndex = from;
  for (let m = SUDO.exec(text); m && m.index < end; m = SUDO.exec(text)) found = m.index + m[0].length - 4;
  return found < 0 ? from : found;
}
