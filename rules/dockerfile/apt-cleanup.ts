import { runCommands, runPackageOps } from '../../src/dockerfile/commands.js';
import { mountCovers, shippedRuns } from '../../src/dockerfile/chain.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import { cleansAptLists, type PackageOp } from '../../src/shell/packages.js';

const APT_LISTS = '/var/lib/apt/lists';

const isAptInstall = (op: PackageOp): boolean => op.manager === 'apt' && op.action === 'install';

export default defineRule({
  meta: {
    id: 'apt-cleanup',
    category: 'size',
    summary: 'A RUN that installs with apt removes /var/lib/apt/lists in the same RUN',
    severity: 'warning',
    peers: { hadolint: ['DL3009'] },
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const { run } of shippedRuns(dockerfile, runtimeStages)) {
      const ops = runPackageOps(run);
      if (!ops.some(isAptInstall)) continue;
      // Lists removed, or never written into the layer because a mount holds them.
      if (cleansAptLists(runCommands(run)) || mountCovers(run, APT_LISTS)) continue;
      for (const op of ops) {
        if (!isAptInstall(op)) continue;
        report({
          span: opSpan(dockerfile.file, op),
          message: `${op.tool} install leaves apt's package lists (tens of MB) in this layer; end the same RUN with \`rm -rf /var/lib/apt/lists/*\``,
        });
      }
    }
  },
});
