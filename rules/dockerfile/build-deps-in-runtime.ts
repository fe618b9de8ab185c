import { runPackageOps } from '../../src/dockerfile/commands.js';
import { isBuildPackage } from '../../src/dockerfile/build-packages.js';
import { runtimeStagesOf, shippedRuns } from '../../src/dockerfile/chain.js';
import type { Stage } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';
import { flagValues, type PackageOp } from '../../src/shell/packages.js';

const SYSTEM = new Set(['apt', 'apk', 'dnf']);

export default defineRule({
  meta: {
    id: 'build-deps-in-runtime',
    category: 'size',
    summary: 'Compilers, headers and git are installed in a builder stage, not in the image that runs',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const { stage, run } of shippedRuns(dockerfile, runtimeStages)) {
      const ops = runPackageOps(run);
      const removed = removedNames(ops);
      for (const op of ops) {
        if (!SYSTEM.has(op.manager) || op.action !== 'install') continue;
        // `apk add --virtual .build-deps gcc … && apk del .build-deps`: gone in the same layer.
        if (flagValues(op, '-t', '--virtual').some((v) => removed.has(v))) continue;
        for (const p of op.packages) {
          if (p.source !== 'registry' || !isBuildPackage(p.name) || removed.has(p.name)) continue;
          report({
            span: dockerfile.file.span(p.start, p.end),
            message: `${p.name} is installed in ${where(stage, runtimeStagesOf(dockerfile, stage, runtimeStages))}, so it ships in the running image; install it in a builder stage and COPY --from the result`,
          });
        }
      }
    }
  },
});

/** Packages (and apk virtual names) removed in the same RUN: they do not stay in the layer. */
function removedNames(ops: readonly PackageOp[]): Set<string> {
  return new Set(ops.filter((op) => SYSTEM.has(op.manager) && op.action === 'remove').flatMap((op) => op.packages.map((p) => p.name)));
}

const label = (s: Stage): string => (s.name ? `stage "${s.name}"` : `stage ${s.index} (line ${s.from.span.line})`);

function where(stage: Stage, runtime: readonly Stage[]): string {
  if (runtime.includes(stage)) return `the runtime ${label(stage)}`;
  return `${label(stage)}, which the runtime ${runtime.map(label).join(' and ')} ${runtime.length > 1 ? 'are' : 'is'} built from`;
}
