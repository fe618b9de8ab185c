import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule } from '../../src/engine/types.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';
import { findPackageInstalls, INSTALL_PREFILTER, type InstallKind } from '../../src/shell/installs.js';
import { startSites } from '../../src/dockerfile/start-commands.js';
import type { SimpleCommand } from '../../src/shell/types.js';

/** The Dockerfile counterpart of ADVICE: the same work, done once in a RUN step. */
const RUN_INSTEAD: Readonly<Record<InstallKind, string>> = {
  install: 'install in a RUN step so the image ships with it',
  build: 'build in a RUN step (or a builder stage) so the image ships built',
};

/** What to do instead (dev servers are no-dev-server's to judge). */
const ADVICE: Readonly<Record<InstallKind, string>> = {
  install: 'install dependencies in the image instead',
  build: 'build the app into the image instead',
};

/** Longest command quoted in a message. */
const MAX_SHOWN = 60;

export default defineRule({
  meta: {
    id: 'no-runtime-install',
    category: 'runtime',
    summary: 'Production services start from a built image: no installs or builds in command / entrypoint',
    severity: 'error',
    environments: ['prod'],
    ...allowOption,
  },
  check({ stack, options, report }) {
    const allowed = allowMatcher(options, { bash: true });
    for (const service of stack.services) {
      for (const site of serviceCommandSites(service, stack.sources, INSTALL_PREFILTER)) {
        for (const found of findPackageInstalls(site.commands)) {
          const line = commandLine(found.command);
          if (allowed(line)) continue;
          report({ span: site.span(found.command.start, found.command.end), message: `${service.name} runs "${shown(line)}" at start; ${ADVICE[found.kind]}` });
        }
      }
    }
  },
  checkDockerfile({ dockerfile, runtimeStages, options, report }) {
    const allowed = allowMatcher(options, { bash: true });
    for (const site of startSites(runtimeStages, INSTALL_PREFILTER)) {
      for (const found of findPackageInstalls(site.commands)) {
        const line = commandLine(found.command);
        if (allowed(line)) continue;
        report({
          span: dockerfile.file.span(found.command.start, found.command.end),
          message: `${site.instruction.keyword} runs "${shown(line)}" each time the container starts; ${RUN_INSTEAD[found.kind]}`,
        });
      }
    }
  },
});

const commandLine = (command: SimpleCommand): string => command.words.map((w) => w.text).join(' ');
const shown = (line: string): string => (line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line);
