import { defineRule } from '../../src/engine/types.js';

/** `--from=` values Docker pulls as images without ambiguity: a tag, digest or registry path. */
const IMAGE = /[:/@]/;

export default defineRule({
  meta: {
    id: 'copy-from-known-stage',
    category: 'images',
    summary: 'COPY --from names an earlier stage, or an image by a reference with a tag or path',
    severity: 'error',
    peers: { hadolint: ['DL3022', 'DL3023'], trivy: ['AVD-DS-0006'] },
  },
  checkDockerfile({ dockerfile, report }) {
    // The model already reports --from values that name a later stage or index.
    const { problems, stages } = dockerfile;
    for (const stage of stages) {
      for (const copy of stage.copies) {
        if (!copy.from) continue;
        const flag = copy.instruction.flags.find((f) => f.name === 'from');
        if (!flag || problems.some((p) => p.span.start === flag.span.start)) continue;
        if (copy.from.kind === 'stage') {
          if (copy.from.stage !== stage.index) continue;
          report({
            span: flag.span,
            message: `${copy.keyword} --from=${flag.value} names the stage it is in; a stage cannot copy from itself, so name an earlier stage`,
          });
        } else if (!IMAGE.test(copy.from.text) && !copy.from.text.includes('$')) {
          // Named only in the message: most COPY --from name a stage.
          const earlier = stages.slice(0, stage.index).map((s) => s.name ?? String(s.index));
          report({
            span: flag.span,
            message: `${copy.keyword} --from=${copy.from.text} names no earlier stage${earlier.length ? ` (${earlier.join(', ')})` : ''}, so Docker pulls an image called ${copy.from.text}; fix the stage name, or give the image with its tag (${copy.from.text}:<tag>)`,
          });
        }
      }
    }
  },
});
