import { mapArray } from '../../src/arrays.js';
import { formatSize, type Limit } from '../../src/budget/budgets.js';
import { estimateImage, type LayerEstimate, type Part } from '../../src/budget/estimate.js';
import { instructionSpan } from '../../src/dockerfile/op-span.js';
import type { Instruction, Stage } from '../../src/dockerfile/types.js';
import { defineRule, type Span } from '../../src/engine/types.js';

/** Contributors a message names before `…`. */
const SHOWN = 4;

export default defineRule({
  meta: {
    id: 'layer-budget',
    category: 'size',
    summary: 'Layers and images stay within the size budgets the config sets (a static estimate)',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, runtimeStages, budgets, services, report }) {
    // Opt-in by config: without budgets there is nothing to estimate against.
    if (!budgets || budgets.empty) return;
    const layers = new Map<Instruction, { layer: LayerEstimate; limit: Limit }>();
    const images: { stage: Stage; bytes: number; parts: Part[]; limit: Limit; related: Span[] }[] = [];
    for (const stage of runtimeStages) {
      const names = services?.get(stage.index) ?? [];
      const limits = (names.length ? names : [undefined]).map((service) => budgets.for({ ...(service !== undefined && { service }), dockerfile: dockerfile.file.absPath, ...(stage.name !== undefined && { stage: stage.name }) }));
      const image = tightest(limits.map((l) => l.image));
      const layer = tightest(limits.map((l) => l.layer));
      if (!image && !layer) continue;
      const estimate = estimateImage(dockerfile, stage);
      if (layer) {
        for (const l of estimate.layers) {
          const seen = layers.get(l.instruction);
          if (l.bytes > layer.bytes && (!seen || layer.bytes < seen.limit.bytes)) layers.set(l.instruction, { layer: l, limit: layer });
        }
      }
      if (image && estimate.bytes > image.bytes) {
        const heavy = estimate.layers.filter((l) => l.bytes > 0).sort((a, b) => b.bytes - a.bytes);
        const parts = [...(estimate.base ? [estimate.base] : []), ...heavy.map((l) => ({ label: `${l.instruction.keyword} line ${l.instruction.span.line}`, bytes: l.bytes, margin: 0 }))];
        images.push({ stage, bytes: estimate.bytes, parts, limit: image, related: mapArray(heavy.slice(0, SHOWN), (l) => l.instruction.keywordSpan) });
      }
    }
    for (const [instruction, { layer, limit }] of layers) {
      const more = layer.uncounted.length > SHOWN ? `, and ${layer.uncounted.length - SHOWN} more` : '';
      const uncounted = layer.uncounted.length ? ` (not in the size table, not counted: ${layer.uncounted.slice(0, SHOWN).join(', ')}${more})` : '';
      report({
        span: instructionSpan(instruction),
        message: `${instruction.keyword} adds ≈ ${formatSize(layer.bytes)} (estimate): ${contributors(layer.parts)}${uncounted}; over the ${formatSize(limit.bytes)} layer budget (budgets.${limit.key})`,
      });
    }
    for (const { stage, bytes, parts, limit, related } of images) {
      report({
        span: instructionSpan(stage.from),
        message: `Image ≈ ${formatSize(bytes)} (estimate): ${contributors(parts)}; over the ${formatSize(limit.bytes)} image budget (budgets.${limit.key})`,
        ...(related.length && { related }),
      });
    }
  },
});

/** The smallest limit set, the first of equals. */
function tightest(limits: readonly (Limit | undefined)[]): Limit | undefined {
  let out: Limit | undefined;
  for (const l of limits) if (l && (!out || l.bytes < out.bytes)) out = l;
  return out;
}

/** The largest parts, biggest first: `torch 2.4 (CUDA) 1.55 GB, nvidia-cudnn-cu12 9.1 900 MB, …`. */
function contributors(parts: readonly Part[]): string {
  const sorted = [...parts].filter((p) => p.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  const shown = mapArray(sorted.slice(0, SHOWN), (p) => `${p.label} ${formatSize(p.bytes)}`);
  return sorted.length > SHOWN ? `${shown.join(', ')}, …` : shown.join(', ');
}
