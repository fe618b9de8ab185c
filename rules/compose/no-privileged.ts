import { get, isScalar, isSeq, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

/**
 * Capabilities that hand the container the host, each with why: the milder cousins of
 * `privileged`, reported as warnings.
 */
const HOST_CAPABILITIES: ReadonlyMap<string, string> = new Map([
  ['ALL', 'every capability'],
  ['SYS_ADMIN', 'mount, namespace and device control, enough to escape'],
  ['SYS_MODULE', 'loading kernel modules into the host kernel'],
  ['SYS_RAWIO', 'raw access to host memory and devices'],
  ['DAC_READ_SEARCH', 'reading any host file by handle'],
]);

const capability = (name: string): string => name.toUpperCase().replace(/^CAP_/, '');

export default defineRule({
  meta: {
    id: 'no-privileged',
    category: 'users',
    summary: 'No service runs privileged or adds capabilities that reach the host',
    severity: 'error',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const privileged = get(service.node, 'privileged');
      if (str(privileged) === 'true') {
        report({
          span: privileged!.span,
          message: `${service.name} runs privileged: every capability and every host device, so a compromise of it is a compromise of the host; drop privileged and add only the capabilities or devices it needs`,
        });
      }
      const added = get(service.node, 'cap_add');
      if (!isSeq(added)) continue;
      for (const item of added.items) {
        const name = isScalar(item) ? str(item) : undefined;
        const why = name && HOST_CAPABILITIES.get(capability(name));
        if (!why) continue;
        report({
          span: item.span,
          severity: 'warning',
          message: `${service.name} adds ${name} (${why}); add only the narrow capabilities it needs`,
        });
      }
    }
  },
});
