import { instructionSpan } from '../../src/dockerfile/op-span.js';
import type { Instruction } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';

/** Instructions of which only the last in a stage takes effect. */
const LAST_WINS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  meta: {
    id: 'single-cmd-entrypoint-healthcheck',
    category: 'runtime',
    summary: 'A stage has at most one CMD, one ENTRYPOINT and one HEALTHCHECK',
    severity: 'warning',
    peers: { hadolint: ['DL4003', 'DL4004', 'DL3012'], trivy: ['AVD-DS-0016', 'AVD-DS-0007', 'AVD-DS-0023'] },
  },
  checkDockerfile({ dockerfile, report }) {
    for (const stage of dockerfile.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.instructions) if (LAST_WINS.has(ins.keyword)) last.set(ins.keyword, ins);
      for (const ins of stage.instructions) {
        const winner = last.get(ins.keyword);
        if (!winner || winner === ins) continue;
        report({
          span: instructionSpan(ins),
          message: `This ${ins.keyword} has no effect: the ${ins.keyword} on line ${winner.span.line} replaces it; remove one of them`,
          related: [winner.keywordSpan],
        });
      }
    }
  },
});
