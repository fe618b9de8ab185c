import { at, get, str, type YNode } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

/** Where a service asks for more than one container. */
const SCALE_KEYS: ReadonlyArray<readonly string[]> = [['deploy', 'replicas'], ['scale']];

const count = (node: YNode | undefined): number => Number(str(node) ?? NaN);

export default defineRule({
  meta: {
    id: 'no-container-name-with-scale',
    category: 'ops',
    summary: 'A service with a fixed container_name runs one container, never several replicas',
    severity: 'error',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const name = get(service.node, 'container_name');
      if (!name) continue;
      for (const path of SCALE_KEYS) {
        const node = at(service.node, ...path);
        const n = count(node);
        if (!(n > 1)) continue;
        report({
          span: name.span,
          related: [node!.span],
          message: `${service.name} sets container_name ${str(name) ?? ''} and ${path.join('.')}: ${n}, but Compose cannot start two containers under one name; drop container_name`,
        });
        break;
      }
    }
  },
});
