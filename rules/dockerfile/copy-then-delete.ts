import { mapArray } from '../../src/arrays.js';
import { runCommands } from '../../src/dockerfile/commands.js';
import { resolvePath, shippedStages, stageChain, workdirAt } from '../../src/dockerfile/chain.js';
import { instructionSpan } from '../../src/dockerfile/op-span.js';
import type { CopyInstruction, DockerfileModel, Stage } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';
import { removedPaths } from '../../src/shell/removed-paths.js';

export default defineRule({
  meta: {
    id: 'copy-then-delete',
    category: 'size',
    summary: 'Files are not COPYed in one layer and deleted in a later one, where they still take space',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    const reported = new Set<CopyInstruction>();
    for (const stage of shippedStages(dockerfile, runtimeStages)) {
      // Worked out at the first RUN that removes anything: most stages have none.
      let copies: { copy: CopyInstruction; paths: string[] }[] | undefined;
      for (const run of stage.runs) {
        const removals = removedPaths(runCommands(run));
        if (removals.length === 0) continue;
        copies ??= stageChain(dockerfile, stage).flatMap((s) => mapArray(s.copies, (copy) => ({ copy, paths: copiedPaths(dockerfile, s, copy) })));
        const cwd = workdirAt(dockerfile, stage, run.instruction);
        for (const removed of removals) {
          const gone = resolvePath(cwd, removed.text.replace(/(?:\/\*)+$/, ''));
          for (const { copy, paths } of copies) {
            if (reported.has(copy) || copy.instruction.span.start > run.instruction.span.start) continue;
            const target = paths.find((p) => p === gone || p.startsWith(gone === '/' ? '/' : `${gone}/`));
            if (!target) continue;
            reported.add(copy);
            report({
              span: instructionSpan(copy.instruction),
              message: `${copy.sources.map((x) => x.text).join(', ')} is copied here and deleted by a later RUN (line ${dockerfile.file.position(removed.start).line}), but its bytes stay in this layer; ${instead(dockerfile, copy, target)}`,
              related: [dockerfile.file.span(removed.start, removed.end)],
            });
          }
        }
      }
    }
  },
});

/** Where the copy can land: the destination itself, or each source's name inside it. */
function copiedPaths(model: DockerfileModel, stage: Stage, copy: CopyInstruction): string[] {
  const dest = resolvePath(workdirAt(model, stage, copy.instruction), copy.dest.text);
  const named = copy.sources.map((s) => s.text.replace(/\/+$/, '').split('/').pop()!).filter((n) => n && !/[*?[]/.test(n) && !n.startsWith('<<'));
  return [dest, ...named.map((n) => `${dest === '/' ? '' : dest}/${n}`)];
}

function instead(model: DockerfileModel, copy: CopyInstruction, target: string): string {
  const source = copy.sources[0]?.text ?? '…';
  const from = copy.from?.kind === 'stage' ? (model.stages[copy.from.stage]?.name ?? String(copy.from.stage)) : copy.from?.text;
  const mount = `mount it for that RUN instead (\`RUN --mount=type=bind,${from ? `from=${from},` : ''}source=${source},target=${target} …\`)`;
  return from ? mount : `${mount} or do the work in a builder stage and COPY --from only the result`;
}
