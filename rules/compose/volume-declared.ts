import { defineRule } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'volume-declared',
    category: 'mounts',
    summary: 'Named volumes that services use are declared at the top level, and declared ones are used',
    severity: 'error',
  },
  check({ stack, report }) {
    const declared = new Set(stack.volumes.map((v) => v.name));
    const used = new Set<string>();
    for (const service of stack.services) {
      for (const mount of service.volumes) {
        if (mount.type !== 'volume' || !mount.source) continue;
        used.add(mount.source);
        if (!declared.has(mount.source)) {
          report({
            span: mount.sourceSpan,
            message: `${service.name} mounts volume "${mount.source}", which is not declared under the top-level volumes:`,
          });
        }
      }
    }
    for (const v of stack.volumes) {
      if (used.has(v.name)) continue;
      // An overlay of the same base file may be the one that uses it: only say so if none does.
      report({ span: v.keySpan, message: `Volume "${v.name}" is declared but no service mounts it`, severity: 'warning', everyStack: true });
    }
  },
});
