import { getPair } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'no-develop-watch',
    category: 'runtime',
    summary: 'Production stacks have no develop (watch) sections, which sync and rebuild from the host',
    severity: 'warning',
    environments: ['prod'],
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const develop = getPair(service.node, 'develop');
      if (!develop) continue;
      report({
        span: develop.keySpan,
        message: `${service.name} has a develop section, which syncs files from the host or rebuilds the image under compose watch; move it to a dev overlay`,
      });
    }
  },
});
