import { runPackageOps } from '../../src/dockerfile/commands.js';
import { envBefore, stageChain } from '../../src/dockerfile/chain.js';
import { commandSpan } from '../../src/dockerfile/op-span.js';
import type { Stage } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';
import { flagValues, omitsDevDependencies, type PackageOp } from '../../src/shell/packages.js';

const NODE = new Set(['npm', 'yarn', 'pnpm']);
const INSTALLS = new Set(['install', 'ci']);

export default defineRule({
  meta: {
    id: 'dev-deps-then-build',
    category: 'runtime',
    summary: 'A Node build does not run after an install that left out dev dependencies',
    severity: 'error',
  },
  checkDockerfile({ dockerfile, report }) {
    const file = dockerfile.file;
    // Index loops: every RUN of every Dockerfile, mostly before this is optimised, where
    // for…of allocates an iterator result per step.
    const { stages } = dockerfile;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      // The last install before each build decides what node_modules holds; inherited ones count.
      let install: { op: PackageOp; omits: boolean } | undefined;
      const chain = stageChain(dockerfile, stage);
      for (let c = 0; c < chain.length; c++) {
        const s = chain[c]!;
        for (let r = 0; r < s.runs.length; r++) {
          const run = s.runs[r]!;
          const ops = runPackageOps(run);
          for (let o = 0; o < ops.length; o++) {
            const op = ops[o]!;
            if (!NODE.has(op.manager)) continue;
            if (INSTALLS.has(op.action) && op.packages.length === 0) {
              install = { op, omits: omitsDevDependencies(op) || (productionEnv(stage, run.instruction) && !includesDev(op)) };
            } else if (op.action === 'build' && s === stage && install?.omits) {
              report({
                span: commandSpan(file, op),
                message: `${op.command.words.map((w) => w.text).join(' ')} runs after ${install.op.command.words.map((w) => w.text).join(' ')} left out dev dependencies, where build tools live; install everything, build, then prune (\`npm prune --omit=dev\`) or copy the output to a clean stage`,
                related: [commandSpan(file, install.op)],
              });
            }
          }
        }
      }
    }
  },
});

/** `NODE_ENV=production` makes npm, yarn and pnpm skip dev dependencies too. */
function productionEnv(stage: Stage, at: Stage['runs'][number]['instruction']): boolean {
  return envBefore(stage, 'NODE_ENV', at) === 'production';
}

function includesDev(op: PackageOp): boolean {
  return flagValues(op, '--include').includes('dev') || op.flags.some((f) => (f.name === '--production' || f.name === '--prod') && f.value === 'false');
}
