import { defineRule } from '../../src/engine/types.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';
import { DEV_ENVIRONMENT, DEV_SERVER_PREFILTER, findDevServers } from '../../src/shell/dev-servers.js';

/** Longest command quoted in a message. */
const MAX_SHOWN = 60;

/** DEV_ENVIRONMENT by name; the first entry of a name wins, as `find` would pick. */
const BY_NAME = new Map<string, (typeof DEV_ENVIRONMENT)[number]>();
for (const e of DEV_ENVIRONMENT) if (!BY_NAME.has(e.name)) BY_NAME.set(e.name, e);

export default defineRule({
  meta: {
    id: 'no-dev-server',
    category: 'runtime',
    summary: 'Production services run a production server, not a reloading or debug dev server',
    severity: 'error',
    environments: ['prod'],
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      for (const site of serviceCommandSites(service, stack.sources, DEV_SERVER_PREFILTER)) {
        for (const found of findDevServers(site.commands)) {
          const line = found.command.words.map((w) => w.text).join(' ');
          const shown = line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
          report({
            span: site.span(found.command.start, found.command.end),
            message: `${service.name} runs "${shown}", ${found.what}, which is built for editing code, not for traffic; ${found.instead}`,
          });
        }
      }
      // An index loop and a map: every environment entry of every prod stack is looked up.
      for (let e = 0; e < service.environment.length; e++) {
        const entry = service.environment[e]!;
        const setting = BY_NAME.get(entry.name);
        if (!setting || entry.value === null || !setting.on(entry.value)) continue;
        report({ span: entry.span, message: `${service.name} sets ${entry.name}=${entry.value}, which ${setting.what}; remove it` });
      }
    }
  },
});
