import { runCommands } from '../../src/dockerfile/commands.js';
import { defineRule } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'no-cd-in-run',
    category: 'runtime',
    summary: 'RUN does not cd into a directory; WORKDIR sets it for every later instruction',
    severity: 'warning',
    peers: { hadolint: ['DL3003'], trivy: ['AVD-DS-0013'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      for (const run of stage.runs) {
        for (const c of runCommands(run)) {
          if (c.name !== 'cd') continue;
          const dir = c.args.find((a) => !a.text.startsWith('-'))?.text;
          report({
            span: dockerfile.file.span(c.start, c.end),
            message: `cd${dir ? ` ${dir}` : ''} lasts only until the end of this RUN and hides where the next commands run; use WORKDIR${dir && dir.startsWith('/') ? ` ${dir}` : ' <absolute path>'} before the RUN instead`,
          });
        }
      }
    }
  },
});
