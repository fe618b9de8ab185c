import { defineRule } from '../../src/engine/types.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';
import { DEV_ENVIRONMENT, DEV_SERVER_PREFILTER, findDevServers } from '../../src/shell/dev-servers.js';

/** Longest command quoted in a message. */
const MAX_SHOWN = 60;

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
      for (const entry of service.environment) {
        const setting = DEV_ENVIRONMENT.find((e) => e.name === entry.name);
        if (!setting || entry.value === null || !setting.on(entry.value)) continue;
        report({ span: entry.span, message: `${service.name} sets ${entry.name}=${entry.value}, which ${setting.what}; remove it` });
      }
    }
  },
});
