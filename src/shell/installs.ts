import { mapArray } from '../arrays.js';
import { basename } from './simple-command.js';
import type { SimpleCommand } from './types.js';

/** Dev servers are src/shell/dev-servers.ts's to find. */
export type InstallKind = 'install' | 'build';

/** A command that installs packages or builds an app. */
export interface PackageInstall {
  kind: InstallKind;
  /** `pip`, `uv`, `npm`, `apt-get`, … */
  manager: string;
  command: SimpleCommand;
  /** Option words as written (`--no-cache-dir`, `-r`, `--index-url=…`), outside the matched subcommand. */
  flags: string[];
  /** Operands after the subcommand that are not option values: packages, paths, script names. */
  packages: string[];
}

type Step = string | RegExp;

interface Pattern {
  kind: InstallKind;
  /** Default: the command name. */
  manager?: string;
  /** Command names, compared after dropping a version suffix (`pip3.12` → `pip`). */
  names: readonly string[];
  /** Alternative word sequences that must follow the name, after leading options. */
  sub?: readonly (readonly Step[])[];
  /** Also matches with no operand at all (`yarn`). */
  bare?: boolean;
  /** Matches only when one of these options is present (`npx -y`). */
  flag?: readonly string[];
  /** Options that take a separate value, so that value is not read as a package. */
  valueOptions?: readonly string[];
  /** Words that must appear in a text for this pattern to possibly match (default: names). */
  hints?: readonly string[];
}

const PIP_VALUES = ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--python', '-p', '--group', '--extra'];
const NPM_VALUES = ['--prefix', '-w', '--workspace', '--registry', '--omit', '--include', '--cache'];
const APT_VALUES = ['-o', '-t', '--target-release', '-c'];
const BUILD = /^build(:.*)?$/;

/** What counts as an install or a build. First match wins. */
export const INSTALL_PATTERNS: readonly Pattern[] = [
  { kind: 'install', manager: 'pip', names: ['pip'], sub: [['install']], valueOptions: PIP_VALUES },
  { kind: 'install', manager: 'pip', names: ['python'], sub: [['-m', 'pip', 'install']], valueOptions: PIP_VALUES, hints: ['pip'] },
  { kind: 'install', manager: 'uv', names: ['uv'], sub: [['pip', 'install'], ['pip', 'sync'], ['sync'], ['add']], valueOptions: PIP_VALUES },
  { kind: 'install', manager: 'poetry', names: ['poetry'], sub: [['install'], ['add']], valueOptions: ['--with', '--without', '--only', '-E', '--extras', '-C', '--directory'] },
  { kind: 'install', manager: 'pipenv', names: ['pipenv'], sub: [['install'], ['sync']] },
  { kind: 'install', manager: 'conda', names: ['conda', 'mamba', 'micromamba'], sub: [['install'], ['env', 'create']], valueOptions: ['-c', '--channel', '-n', '--name', '-p', '--prefix', '-f', '--file'] },
  { kind: 'install', manager: 'npm', names: ['npm'], sub: [['install'], ['i'], ['ci'], ['add']], valueOptions: NPM_VALUES },
  { kind: 'install', manager: 'yarn', names: ['yarn'], sub: [['install'], ['add']], bare: true, valueOptions: ['--cwd', '--network-timeout', '--modules-folder'] },
  { kind: 'install', manager: 'pnpm', names: ['pnpm'], sub: [['install'], ['i'], ['add']], valueOptions: ['-C', '--dir', '--filter', '-F'] },
  { kind: 'install', manager: 'npx', names: ['npx'], flag: ['-y', '--yes'], valueOptions: ['-p', '--package'] },
  { kind: 'install', manager: 'apt-get', names: ['apt-get', 'apt', 'aptitude'], sub: [['install']], valueOptions: APT_VALUES },
  { kind: 'install', manager: 'apk', names: ['apk'], sub: [['add']], valueOptions: ['-X', '--repository', '-t', '--virtual', '--root', '-p'] },
  { kind: 'install', manager: 'dnf', names: ['dnf', 'yum', 'microdnf'], sub: [['install']] },
  { kind: 'build', manager: 'npm', names: ['npm'], sub: [['run', BUILD], ['run-script', BUILD]], valueOptions: NPM_VALUES },
  { kind: 'build', manager: 'yarn', names: ['yarn'], sub: [['run', BUILD], [BUILD]] },
  { kind: 'build', manager: 'pnpm', names: ['pnpm'], sub: [['run', BUILD], [BUILD]] },
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A cheap test over raw text: when it fails, no command in the text can match a pattern, so
 * callers skip the (slow) shell parse.
 */
export const INSTALL_PREFILTER: RegExp = (() => {
  const words = new Set<string>();
  const options = new Set<string>();
  for (const p of INSTALL_PATTERNS) {
    for (const h of p.hints ?? p.names) (h.startsWith('-') ? options : words).add(h);
  }
  const alt = (s: Set<string>) => [...s].map(escape).join('|');
  const parts = [`\\b(?:${alt(words)})[\\d.]*\\b`, ...(options.size ? [`(?:${alt(options)})\\b`] : [])];
  return new RegExp(parts.join('|'));
})();

/** Whether a text may hold an install or a build at all. */
export const mayInstall = (text: string): boolean => INSTALL_PREFILTER.test(text);

/** Drops a version suffix: `pip3.12` → `pip`, `python3` → `python`. */
const family = (name: string): string => basename(name).replace(/[\d.]+$/, '') || name;

const stepMatches = (step: Step, word: string): boolean => (typeof step === 'string' ? step === word : step.test(word));
const isOption = (w: string): boolean => w.length > 1 && w.startsWith('-');

/** The installs and builds among `commands`, in order. */
export function findPackageInstalls(commands: readonly SimpleCommand[]): PackageInstall[] {
  const out: PackageInstall[] = [];
  for (const command of commands) {
    const name = family(command.name);
    for (const p of INSTALL_PATTERNS) {
      if (!p.names.includes(name)) continue;
      const found = match(p, command);
      if (found) {
        out.push(found);
        break;
      }
    }
  }
  return out;
}

function match(p: Pattern, command: SimpleCommand): PackageInstall | undefined {
  const args = mapArray(command.args, (a) => a.text);
  let matched: { at: number; length: number } | undefined;
  if (p.sub) {
    matched = subcommand(p, args);
    if (!matched) return undefined;
  } else if (!p.flag && !p.bare) return undefined;
  if (p.flag && !args.some((a) => p.flag!.some((f) => a === f || a.startsWith(`${f}=`)))) return undefined;
  const flags: string[] = [];
  const packages: string[] = [];
  for (let k = 0; k < args.length; k++) {
    if (matched && k >= matched.at && k < matched.at + matched.length) continue;
    const a = args[k]!;
    if (isOption(a)) {
      flags.push(a);
      if (p.valueOptions?.includes(a)) k++;
    } else if (matched ? k > matched.at : p.sub === undefined) packages.push(a);
  }
  const manager = p.manager ?? (matched?.length ? args[matched.at + matched.length - 1]! : family(command.name));
  return { kind: p.kind, manager, command, flags, packages };
}

/** Where one of `p.sub` (or, for `bare`, nothing) follows the leading options. */
function subcommand(p: Pattern, args: readonly string[]): { at: number; length: number } | undefined {
  let k = 0;
  for (;;) {
    for (const seq of p.sub!) {
      if (seq.every((step, n) => k + n < args.length && stepMatches(step, args[k + n]!))) return { at: k, length: seq.length };
    }
    if (k >= args.length) return p.bare ? { at: k, length: 0 } : undefined;
    if (!isOption(args[k]!)) return undefined;
    k += p.valueOptions?.includes(args[k]!) ? 2 : 1;
  }
}

/** `python -m venv /opt/venv`, `virtualenv /opt/venv`, `uv venv /opt/venv`: the virtualenv's directory as written. */
export function createdVenv(command: SimpleCommand): string | undefined {
  const words = mapArray(command.words, (w) => w.text);
  const at = words.findIndex((w, i) => (w === 'venv' && (words[i - 1] === '-m' || command.name === 'uv')) || (i === 0 && command.name === 'virtualenv'));
  if (at === -1) return undefined;
  return words.slice(at + 1).find((w) => !w.startsWith('-'));
}

/** Browsers `playwright install` fetches when none is named. */
const PLAYWRIGHT_DEFAULT = ['chromium', 'firefox', 'webkit', 'ffmpeg'];

/**
 * What `playwright install [browsers] [--with-deps]` or `playwright install-deps`, run directly,
 * by `npx` or `python -m`, installs: browser names, and `deps` for their system libraries.
 */
export function playwrightInstalls(command: SimpleCommand): string[] {
  const words = mapArray(command.words, (w) => w.text);
  const at = words.indexOf('playwright');
  if (at === -1 || (at > 0 && !['-m', 'npx', 'exec', 'dlx', 'bunx'].includes(words[at - 1]!))) return [];
  const sub = words[at + 1];
  if (sub === 'install-deps') return ['deps'];
  if (sub !== 'install') return [];
  const rest = words.slice(at + 2);
  const browsers = rest.filter((w) => !w.startsWith('-'));
  return [...(browsers.length ? browsers : PLAYWRIGHT_DEFAULT), ...(rest.includes('--with-deps') ? ['deps'] : [])];
}
