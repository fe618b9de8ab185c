import { mapArray } from '../../src/arrays.js';
import { shellAt } from '../../src/dockerfile/chain.js';
import { runCommands } from '../../src/dockerfile/commands.js';
import { runPipes } from '../../src/dockerfile/pipes.js';
import type { RunInstruction } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';

/** Shells without POSIX pipelines: hadolint skips them too. */
const NON_POSIX = /(?:^|[\\/])(?:pwsh|powershell|cmd)(?:\.exe)?$/i;
/** A heredoc script with its own interpreter that is a POSIX shell. */
const SHELL_SHEBANG = /^#!\s*\S*?(?:\/|\benv\s+)(?:ba|da|z|k|mk|a)?sh\b/;

/** `-o pipefail`, also inside an option cluster (`-euo pipefail`). */
const setsPipefail = (args: readonly string[]): boolean => args.some((a, k) => /^-[a-zA-Z]*o$/.test(a) && args[k + 1] === 'pipefail');

export default defineRule({
  meta: {
    id: 'shell-pipefail',
    category: 'runtime',
    summary: 'A RUN with a pipe runs with pipefail, so a failing command before the pipe fails the build',
    severity: 'warning',
    peers: { hadolint: ['DL4006'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        const pipe = runPipes(run)[0];
        if (!pipe || (run.shebang && !SHELL_SHEBANG.test(run.shebang))) continue;
        const shell = shellAt(dockerfile, stage, run.instruction);
        if (shell && (NON_POSIX.test(shell[0]!) || setsPipefail(shell))) continue;
        if (setBefore(run, pipe.start)) continue;
        report({
          span: dockerfile.file.span(pipe.from, pipe.to),
          message: `This pipe hides a failure of the command before it: the RUN succeeds if the last command does; add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it, or start the RUN with set -o pipefail && (bash, ash)`,
        });
      }
    }
  },
});

/** `set -o pipefail` in the RUN before the pipe. */
function setBefore(run: RunInstruction, at: number): boolean {
  return runCommands(run).some((c) => c.name === 'set' && c.start < at && setsPipefail(mapArray(c.args, (a) => a.text)));
}
