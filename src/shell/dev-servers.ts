import { mapArray } from '../arrays.js';
import { basename } from './simple-command.js';
import type { SimpleCommand } from './types.js';

type Step = string | RegExp;

/** A development server: what starts one, how messages name it, and what to run instead. */
interface DevServer {
  /** Command names, compared after dropping a version suffix (`python3` → `python`). */
  names: readonly string[];
  /** Alternative word sequences that must follow the name, after leading options. */
  sub?: readonly (readonly Step[])[];
  /** Matches unless the first operand is one of these (`vite build`). */
  unless?: readonly string[];
  /** Matches only with one of these options (`--reload`), and `value` when given. */
  flags?: readonly string[];
  value?: RegExp;
  /** Options that take a separate value, so that value is not read as an operand. */
  valueOptions?: readonly string[];
  /** Words one of which a text must hold to possibly match (default: names). */
  hints?: readonly string[];
  what: string;
  instead: string;
}

const DEV = /^dev(:.*)?$/;
const MANAGE_PY = /(^|\/)manage\.py$/;
const BUNDLE = 'build the app into the image and serve the build';

/** What counts as a dev server. First match wins. */
export const DEV_SERVERS: readonly DevServer[] = [
  { names: ['uvicorn', 'gunicorn', 'hypercorn', 'granian'], flags: ['--reload'], hints: ['--reload'], what: 'a server that reloads on file changes', instead: 'drop --reload and set workers' },
  { names: ['flask'], sub: [['run']], valueOptions: ['--app', '-A', '-e', '--env-file'], what: "Flask's development server", instead: 'serve the app with gunicorn or waitress' },
  { names: ['fastapi'], sub: [['dev']], what: "FastAPI's development server", instead: 'use fastapi run' },
  { names: ['python'], sub: [[MANAGE_PY, 'runserver']], hints: ['runserver'], what: "Django's development server", instead: 'serve the app with gunicorn or uvicorn' },
  { names: ['manage.py'], sub: [['runserver']], hints: ['runserver'], what: "Django's development server", instead: 'serve the app with gunicorn or uvicorn' },
  { names: ['django-admin'], sub: [['runserver']], hints: ['runserver'], what: "Django's development server", instead: 'serve the app with gunicorn or uvicorn' },
  { names: ['streamlit'], flags: ['--server.runOnSave'], value: /^true$/i, hints: ['runOnSave'], what: 'Streamlit rerunning on file changes', instead: 'drop --server.runOnSave' },
  { names: ['npm'], sub: [['run', DEV], ['run-script', DEV]], valueOptions: ['--prefix', '-w', '--workspace'], hints: ['dev'], what: 'the dev script', instead: BUNDLE },
  { names: ['yarn', 'pnpm', 'bun'], sub: [['run', DEV], [DEV]], valueOptions: ['--cwd', '-C', '--dir', '--filter', '-F'], hints: ['dev'], what: 'the dev script', instead: BUNDLE },
  { names: ['next', 'nuxt', 'nuxi', 'astro', 'remix'], sub: [['dev']], hints: ['dev'], what: 'a framework development server', instead: BUNDLE },
  { names: ['vite'], unless: ['build', 'preview', 'optimize'], valueOptions: ['--config', '-c', '--mode', '-m', '--host', '--port', '--base'], what: "Vite's development server", instead: BUNDLE },
  { names: ['ng', 'vue-cli-service', 'webpack'], sub: [['serve']], hints: ['serve'], what: 'a bundler development server', instead: BUNDLE },
  { names: ['webpack-dev-server'], what: 'a bundler development server', instead: BUNDLE },
  { names: ['react-scripts'], sub: [['start']], what: "Create React App's development server", instead: BUNDLE },
  { names: ['nodemon'], what: 'nodemon, which restarts on file changes', instead: 'run node directly' },
];

/** Commands that run another tool named after them: `python -m`, `npx`, `uv run`, … */
const LAUNCHERS: Readonly<Record<string, { sub?: string; valueOptions?: readonly string[] }>> = {
  python: { sub: '-m' },
  npx: { valueOptions: ['-p', '--package'] },
  bunx: {},
  uv: { sub: 'run', valueOptions: ['--with', '--python', '-p', '--env-file', '--directory', '--project', '--group', '--extra', '--package'] },
  poetry: { sub: 'run', valueOptions: ['-C', '--directory', '-P', '--project'] },
  pipenv: { sub: 'run' },
  pnpm: { sub: 'exec' },
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cheap test over raw text: when it fails, no command in it can be a dev server. */
export const DEV_SERVER_PREFILTER: RegExp = (() => {
  const words = new Set<string>();
  const options = new Set<string>();
  for (const d of DEV_SERVERS) for (const h of d.hints ?? d.names) (h.startsWith('-') ? options : words).add(h);
  const alt = (s: Set<string>) => [...s].map(escape).join('|');
  return new RegExp(`\\b(?:${alt(words)})\\b|(?:${alt(options)})\\b`);
})();

export interface DevServerRun {
  command: SimpleCommand;
  what: string;
  instead: string;
}

/** Drops a version suffix: `python3.12` → `python`. */
const family = (name: string): string => basename(name).replace(/\d[\d.]*$/, '') || name;
const isOption = (w: string): boolean => w.length > 1 && w.startsWith('-');

/** The dev servers among `commands`, in order. */
export function findDevServers(commands: readonly SimpleCommand[]): DevServerRun[] {
  const out: DevServerRun[] = [];
  for (const command of commands) {
    const { name, args } = launched(family(command.name), mapArray(command.args, (a) => a.text));
    const found = DEV_SERVERS.find((d) => d.names.includes(name) && matches(d, args));
    if (found) out.push({ command, what: found.what, instead: found.instead });
  }
  return out;
}

/** The tool a launcher runs (`python -m uvicorn …` is uvicorn), else the command itself. */
function launched(name: string, args: readonly string[]): { name: string; args: readonly string[] } {
  for (let guard = 0; guard < 3; guard++) {
    const launcher = LAUNCHERS[name];
    if (!launcher) break;
    let k = 0;
    if (launcher.sub) {
      while (k < args.length && isOption(args[k]!) && args[k] !== launcher.sub) k++;
      if (args[k] !== launcher.sub) break;
      k++;
    }
    k = firstOperand(args, k, launcher.valueOptions);
    if (k >= args.length) break;
    name = family(args[k]!);
    args = args.slice(k + 1);
  }
  return { name, args };
}

function firstOperand(args: readonly string[], from: number, valueOptions: readonly string[] = []): number {
  let k = from;
  while (k < args.length && isOption(args[k]!)) k += valueOptions.includes(args[k]!) ? 2 : 1;
  return k;
}

function matches(d: DevServer, args: readonly string[]): boolean {
  const first = firstOperand(args, 0, d.valueOptions);
  if (d.sub && !d.sub.some((seq) => seq.every((step, n) => first + n < args.length && stepMatches(step, args[first + n]!)))) return false;
  if (d.unless && first < args.length && d.unless.includes(args[first]!)) return false;
  return !d.flags || args.some((a, k) => d.flags!.some((f) => flagMatches(d, f, a, args[k + 1])));
}

const stepMatches = (step: Step, word: string): boolean => (typeof step === 'string' ? step === word : step.test(word));

function flagMatches(d: DevServer, flag: string, word: string, next: string | undefined): boolean {
  if (word === flag) return !d.value || (next !== undefined && d.value.test(next));
  return word.startsWith(`${flag}=`) && (!d.value || d.value.test(word.slice(flag.length + 1)));
}

/** Environment settings that switch a framework into its development mode. */
export const DEV_ENVIRONMENT: ReadonlyArray<{ name: string; on: (value: string) => boolean; what: string }> = [
  // Flask's own reading: anything but empty, 0, false or no turns debug on.
  { name: 'FLASK_DEBUG', on: (v) => v !== '' && !['0', 'false', 'no'].includes(v.toLowerCase()), what: "turns on Flask's debug mode, whose debugger runs code sent from the browser" },
  { name: 'FLASK_ENV', on: (v) => v.toLowerCase() === 'development', what: "turns on Flask's debug mode (before Flask 2.3), whose debugger runs code sent from the browser" },
];
