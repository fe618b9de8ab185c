import { runPackageOps } from '../../src/dockerfile/commands.js';
import { shippedStages } from '../../src/dockerfile/chain.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import { skipsRecommends } from '../../src/shell/packages.js';

export default defineRule({
  meta: {
    id: 'apt-no-recommends',
    category: 'size',
    summary: 'apt-get install in an image uses --no-install-recommends',
    severity: 'warning',
    fixable: 'unsafe',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    const file = dockerfile.file;
    for (const stage of shippedStages(dockerfile, runtimeStages)) {
      for (const run of stage.runs) {
        for (const op of runPackageOps(run)) {
          // `build-dep` has no recommends to skip; `reinstall` does.
          if (op.manager !== 'apt' || op.action !== 'install' || op.subcommand[0]?.text === 'build-dep') continue;
          if (skipsRecommends(op)) continue;
          const at = op.subcommand.at(-1)!.end;
          report({
            span: opSpan(file, op),
            message: `${op.tool} install without --no-install-recommends also installs every recommended package`,
            // Unsafe: a recommended package the image relied on goes away.
            fix: { title: 'Add --no-install-recommends', safe: false, edits: [{ file: file.path, start: at, end: at, text: ' --no-install-recommends' }] },
          });
        }
      }
    }
  },
});
