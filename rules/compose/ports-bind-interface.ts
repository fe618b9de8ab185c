import { bindLocalhostAnyEdit } from '../../src/compose/port-edits.js';
import { formatRange, servicePorts } from '../../src/compose/ports.js';
import { defineRule } from '../../src/engine/types.js';
import { internalRole } from '../../src/stack/roles.js';

export default defineRule({
  meta: {
    id: 'ports-bind-interface',
    category: 'network',
    summary: 'Published ports name the host interface they listen on',
    severity: 'warning',
    environments: ['prod'],
    fixable: 'unsafe',
    peers: { dclint: ['no-unbound-port-interfaces'] },
  },
  check({ stack, effective, report }) {
    for (const service of stack.services) {
      // internal-service-not-published reports these services' ports, as errors.
      if (internalRole(effective.get(service.name))) continue;
      for (const port of servicePorts(service, stack.sources)) {
        if (port.hostIp !== undefined && port.hostIp !== '') continue;
        const what = port.published ? `port ${formatRange(port.published)}` : `container port ${formatRange(port.target)} on a random host port`;
        const edit = bindLocalhostAnyEdit(port, stack.sources);
        report({
          span: port.span,
          message: `${service.name} publishes ${what} without a host IP, so it listens on every interface; write 127.0.0.1: for local access (behind a proxy), or 0.0.0.0: to face the network on purpose`,
          ...(edit && { fix: { title: `Bind ${service.name}'s port to 127.0.0.1`, safe: false, edits: [edit] } }),
        });
      }
    }
  },
});
