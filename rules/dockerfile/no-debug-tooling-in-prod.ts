import { shippedRuns } from '../../src/dockerfile/chain.js';
import { runPackageOps } from '../../src/dockerfile/commands.js';
import { defineRule } from '../../src/engine/types.js';
import type { SimpleCommand } from '../../src/shell/types.js';
import { envPairs } from '../../src/dockerfile/env-pairs.js';
import { startSites } from '../../src/dockerfile/start-commands.js';

/** Debuggers and remote-debug servers (pip names). */
const DEBUG_PACKAGES = new Set(['debugpy', 'ipdb', 'pdbpp', 'pudb', 'pydevd', 'pydevd-pycharm', 'remote-pdb', 'web-pdb']);
const PYTHON_INSTALLERS = new Set(['pip', 'uv', 'poetry', 'pipenv', 'conda']);

/** Start commands that run a debugger. */
const DEBUG_MODULES = new Set(['debugpy', 'pdb', 'ipdb', 'pudb']);
const INSPECT = /^--inspect(?:-brk|-wait)?(?:=|$)/;
const START_PREFILTER = /debugpy|pdb|pudb|--inspect/;

const TRUE = /^(?:1|true|yes|on)$/i;
/** Environment settings that turn on debuggers or development modes. */
const DEBUG_ENV: readonly { name: string; when: RegExp; what: string }[] = [
  { name: 'PYTHONBREAKPOINT', when: /^(?!0$)\S/, what: 'routes breakpoint() to a debugger' },
  { name: 'PYTHONDEVMODE', when: /^\S/, what: 'turns on Python development mode' },
  { name: 'FLASK_DEBUG', when: TRUE, what: 'turns on the Flask debugger, which runs code sent to it' },
  { name: 'FLASK_ENV', when: /^development$/i, what: 'turns on the Flask debugger, which runs code sent to it' },
  { name: 'DJANGO_DEBUG', when: TRUE, what: 'turns on Django debug pages' },
  { name: 'NODE_ENV', when: /^development$/i, what: 'runs Node libraries in development mode' },
  { name: 'NODE_OPTIONS', when: /--inspect/, what: 'opens the Node inspector' },
  // Dev containers' source mounts and monorepo library sources: prod installs them as packages.
  { name: 'PYTHONPATH', when: /(?:^|:)(?:\/workspaces?(?:\/|:|$)|\/mnt\/|[^:]*\/libs?\/[^/:]+\/src\/?(?::|$))/, what: 'imports code from source folders instead of installed packages' },
];

function debuggerStart(c: SimpleCommand): boolean {
  if (/^python[\d.]*$/.test(c.name)) {
    const m = c.args.findIndex((a) => a.text === '-m');
    return m !== -1 && DEBUG_MODULES.has(c.args[m + 1]?.text ?? '');
  }
  if (c.name === 'debugpy') return true;
  return (c.name === 'node' || c.name === 'nodemon') && c.args.some((a) => INSPECT.test(a.text));
}

export default defineRule({
  meta: {
    id: 'no-debug-tooling-in-prod',
    category: 'runtime',
    summary: 'Production images install and start no debuggers and set no development modes',
    severity: 'warning',
    environments: ['prod'],
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    const { file } = dockerfile;
    for (const { run } of shippedRuns(dockerfile, runtimeStages)) {
      for (const op of runPackageOps(run)) {
        if (!PYTHON_INSTALLERS.has(op.manager) || (op.action !== 'install' && op.action !== 'add')) continue;
        for (const p of op.packages) {
          if (DEBUG_PACKAGES.has(p.name.toLowerCase()))
            report({ span: file.span(p.start, p.end), message: `${p.name} is installed in the production image; install debuggers in Dockerfile.dev or a dev stage only` });
        }
      }
    }
    for (const site of startSites(runtimeStages, START_PREFILTER)) {
      for (const c of site.commands) {
        if (debuggerStart(c))
          report({ span: file.span(c.start, c.end), message: `${site.instruction.keyword} starts a debugger in the production image; start the app itself and attach debuggers in development only` });
      }
    }
    // What the running container sees: the effective ENV of each runtime stage, reported where it is set.
    const seen = new Set<string>();
    for (const stage of runtimeStages) {
      for (const setting of DEBUG_ENV) {
        const entry = stage.effective.env.get(setting.name);
        const key = `${entry?.instruction.span.start} ${setting.name}`;
        if (!entry || !setting.when.test(entry.value) || seen.has(key)) continue;
        seen.add(key);
        const pair = envPairs(dockerfile, entry.instruction).filter((p) => p.name === setting.name).at(-1);
        if (pair) report({ span: pair.valueSpan, message: `ENV ${setting.name}=${entry.value} ${setting.what}; set it in Dockerfile.dev or a dev overlay, not in the production image` });
      }
    }
  },
});
