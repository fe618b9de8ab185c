import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule } from '../../src/engine/types.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';
import { findPackageInstalls, INSTALL_PREFILTER, type InstallKind } from '../../src/shell/installs.js';

const ADVICE: Readonly<Record<InstallKind, string>> = {
  install: 'install dependencies in the image instead',
  build: 'build the app into the image instead',
  'dev-server': 'serve the built app without a reloading dev server',
};

/** Longest command quoted in a message. */
const MAX_SHOWN = 60;

export default defineRule({
  meta: {
    id: 'no-runtime-install',
    category: 'runtime',
    summary: 'Production services start from a built image: no installs, builds or reloading dev servers in command / entrypoint',
    severity: 'error',
    environments: ['prod'],
    ...allowOption,
  },
  check({ stack, options, report }) {
    const allowed = allowMatcher(options, { bash: true });
    for (const service of stack.services) {
      for (const site of serviceCommandSites(service, stack.sources, INSTALL_PREFILTER)) {
        for (const found of findPackageInstalls(site.commands)) {
          const line = found.command.words.map((w) => w.text).join(' ');
          if (allowed(line)) continue;
          const shown = line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
          report({
            span: site.span(found.command.start, found.command.end),
            message: `${service.name} runs "${shown}" at start; ${ADVICE[found.kind]}`,
          });
        }
      }
    }
  },
});
