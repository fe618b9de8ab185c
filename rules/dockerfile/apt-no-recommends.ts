import { runPackageOps } from '../../src/dockerfile/commands.js';
import { shippedRuns } from '../../src/dockerfile/chain.js';
import { addFlagFix } from '../../src/dockerfile/edits.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import { skipsRecommends } from '../../src/shell/packages.js';

export default defineRule({
  meta: {
    id: 'apt-no-recommends',
    category: 'size',
    summary: 'apt-get install in an image uses --no-install-recommends',
    severity: 'warning',
    peers: { hadolint: ['DL3015'], trivy: ['AVD-DS-0029'] },
    fixable: 'unsafe',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const { run } of shippedRuns(dockerfile, runtimeStages)) {
      for (const op of runPackageOps(run)) {
        // `build-dep` has no recommends to skip; `reinstall` does.
        if (op.manager !== 'apt' || op.action !== 'install' || op.subcommand[0]?.text === 'build-dep') continue;
        if (skipsRecommends(op)) continue;
        report({
          span: opSpan(dockerfile.file, op),
          message: `${op.tool} install without --no-install-recommends also installs every recommended package`,
          // Unsafe: a recommended package the image relied on goes away.
          fix: addFlagFix(dockerfile.file, op, '--no-install-recommends', false),
        });
      }
    }
  },
});
