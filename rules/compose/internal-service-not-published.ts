import { bindLocalhostAnyEdit } from '../../src/compose/port-edits.js';
import { bindsAllInterfaces, formatRange, servicePorts } from '../../src/compose/ports.js';
import { defineRule } from '../../src/engine/types.js';
import type { ImageRole } from '../../src/images/facts.js';
import { internalRole } from '../../src/stack/roles.js';

/** How messages name each role. */
const ROLE_NAMES: Readonly<Record<ImageRole, string>> = {
  database: 'a database',
  'vector-store': 'a vector store',
  cache: 'a cache',
  search: 'a search engine',
  queue: 'a message queue',
  'object-store': 'an object store',
  coordination: 'a coordination store',
  'model-server': 'a model server',
  'document-parser': 'a document parser',
  gateway: 'a gateway',
  proxy: 'a proxy',
  app: 'an application',
};

export default defineRule({
  meta: {
    id: 'internal-service-not-published',
    category: 'network',
    summary: 'Databases, vector stores, caches and model servers are not published on every host interface in production',
    severity: 'error',
    environments: ['prod'],
    fixable: 'unsafe',
  },
  check({ stack, effective, report }) {
    for (const service of stack.services) {
      const image = effective.get(service.name);
      const role = internalRole(image);
      if (!role) continue;
      for (const port of servicePorts(service, stack.sources)) {
        if (!bindsAllInterfaces(port)) continue;
        const host = port.published ? `port ${formatRange(port.published)}` : `container port ${formatRange(port.target)} on a random host port`;
        const edit = bindLocalhostAnyEdit(port, stack.sources, true);
        report({
          span: port.span,
          message: `${service.name} (${image!.facts!.id}) publishes ${host} on every host interface, and ${ROLE_NAMES[role]} must not face the network; bind it to 127.0.0.1 or drop the port and reach it as ${service.name}:${port.target.start}`,
          ...(edit && { fix: { title: `Bind ${service.name}'s port to 127.0.0.1`, safe: false, edits: [edit] } }),
        });
      }
    }
  },
});
