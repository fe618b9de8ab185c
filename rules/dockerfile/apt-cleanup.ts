import { runCommands, runPackageOps } from '../../src/dockerfile/commands.js';
import { mountCovers, shippedRuns } from '../../src/dockerfile/chain.js';
import { appendToRun } from '../../src/dockerfile/edits.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import type { DockerfileModel, RunInstruction } from '../../src/dockerfile/types.js';
import { defineRule, type Fix } from '../../src/engine/types.js';
import { cleansAptLists, type PackageOp } from '../../src/shell/packages.js';

const APT_LISTS = '/var/lib/apt/lists';
const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

const isAptInstall = (op: PackageOp): boolean => op.manager === 'apt' && op.action === 'install';
const isAptUpdate = (op: PackageOp): boolean => op.manager === 'apt' && op.action === 'update';

export default defineRule({
  meta: {
    id: 'apt-cleanup',
    category: 'size',
    summary: 'A RUN that installs with apt removes /var/lib/apt/lists in the same RUN',
    severity: 'warning',
    peers: { hadolint: ['DL3009'] },
    fixable: 'safe',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const { run } of shippedRuns(dockerfile, runtimeStages)) {
      const ops = runPackageOps(run);
      if (!ops.some(isAptInstall)) continue;
      // Lists removed, or never written into the layer because a mount holds them.
      if (cleansAptLists(runCommands(run)) || mountCovers(run, APT_LISTS)) continue;
      const installs = ops.filter(isAptInstall);
      // One fix per RUN: every install in it carries the same edit.
      const fix = cleanupFix(dockerfile, run, installs.at(-1)!);
      for (const op of installs) {
        report({
          span: opSpan(dockerfile.file, op),
          message: `${op.tool} install leaves apt's package lists (tens of MB) in this layer; end the same RUN with \`rm -rf /var/lib/apt/lists/*\``,
          ...(fix && { fix }),
        });
      }
    }
  },
});

function cleanupFix(dockerfile: DockerfileModel, run: RunInstruction, last: PackageOp): Fix | undefined {
  const edit = appendToRun(dockerfile.file, run, dockerfile.directives.escape, last.command.start, CLEANUP);
  if (!edit) return undefined;
  // A later RUN that installs without `apt-get update` reads the lists this one leaves: removing them breaks it.
  const readsLater = dockerfile.stages.some((s) =>
    s.runs.some((r) => r.instruction.span.start > run.instruction.span.start && runPackageOps(r).some(isAptInstall) && !runPackageOps(r).some(isAptUpdate)),
  );
  return { title: 'Remove the apt lists at the end of the RUN', safe: !readsLater, edits: [edit] };
}
