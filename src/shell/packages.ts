import { mapArray } from '../arrays.js';
import { basename } from './simple-command.js';
import type { SimpleCommand, Word } from './types.js';

/**
 * Package-manager operations found in shell commands (Dockerfile RUN bodies, compose
 * commands): which manager does what, with which packages, versions and options, each with
 * its offsets. What is recognised is data (`MANAGERS`, `CACHES`, `CACHE_COMMANDS`,
 * `NO_CACHE_FLAGS`); rules read the results through the helpers at the end.
 */

export type Manager = 'apt' | 'apk' | 'dnf' | 'pip' | 'uv' | 'poetry' | 'pipenv' | 'conda' | 'npm' | 'yarn' | 'pnpm' | 'gem' | 'go';

export type PackageAction =
  | 'install'
  /** Adds a dependency to the project's manifest, and installs it (`uv add`, `yarn add`). */
  | 'add'
  /** Installs exactly what a lockfile says (`npm ci`). */
  | 'ci'
  /** Makes an environment match a lockfile (`uv sync`, `pipenv sync`). */
  | 'sync'
  | 'update'
  | 'upgrade'
  | 'remove'
  /** Empties a download cache (`apt-get clean`, `pip cache purge`, `npm cache clean`). */
  | 'clean'
  | 'download'
  /** Builds wheels (`pip wheel`). */
  | 'wheel'
  /** Builds the project (`npm run build`, `go build`). */
  | 'build'
  /** Writes a lockfile or requirements file (`uv export`, `poetry lock`). */
  | 'lock';

/** An operand naming a package. Offsets are those of the commands given (file offsets after `analyzeScript`). */
export interface PackageSpec {
  /** The package name, without version, extras, architecture or repository tag. */
  name: string;
  /** The version text after `constraint` (`1.2`, `1.2-1`, `^4`, `latest`). */
  version?: string;
  /** How `version` applies: `==`, `>=`, `=`, `@`, `~>`, `/` (an apt release)… */
  constraint?: string;
  /** Exactly one version is allowed. */
  pinned: boolean;
  /** A registry name, a local path (`.`, `./x.whl`, `/wheels/*`) or a URL / VCS reference. */
  source: 'registry' | 'path' | 'url';
  /** The operand word as written, after quote removal. */
  text: string;
  start: number;
  end: number;
}

/** An option word, with its value when it takes one (`--omit=dev`, `-r requirements.txt`). */
export interface PackageFlag {
  /** The option name: `--no-cache-dir`, `-y`, `--omit`. */
  name: string;
  value?: string;
  /** The option word as written, after quote removal. */
  text: string;
  /** From the option word to the end of its value. */
  start: number;
  end: number;
}

export interface PackageOp {
  manager: Manager;
  /** The tool as run: `apt-get`, `pip3`, `python3 -m pip`, `uv pip`. */
  tool: string;
  action: PackageAction;
  /** The subcommand words (`install`, `pip install`, `cache clean`; none for a bare `yarn`). */
  subcommand: Word[];
  packages: PackageSpec[];
  /** Every option, before and after the subcommand, in order. */
  flags: PackageFlag[];
  command: SimpleCommand;
}

type VersionSyntax = 'pip' | 'apt' | 'apk' | 'npm' | 'gem' | 'go' | 'conda' | 'poetry';

interface ManagerSpec {
  manager: Manager;
  /** Command names, compared after dropping a version suffix (`pip3.12` → `pip`). */
  names: readonly string[];
  /** A module run by an interpreter: `python -m pip`. */
  module?: string;
  /** Subcommands (space-separated words) → action. The longest match wins. */
  actions: Readonly<Record<string, PackageAction>>;
  /** The action of the bare command (`yarn` alone installs). */
  bare?: PackageAction;
  /** Options that take a separate value, so that value is not read as a package or subcommand. */
  valueOptions: readonly string[];
  versions: VersionSyntax;
}

const PIP_VALUES = ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--python', '-p', '--platform', '--python-version', '--implementation', '--abi', '--src', '--cache-dir', '--log', '--proxy', '--timeout', '--retries', '--trusted-host', '--cert', '--client-cert', '--progress-bar', '--upgrade-strategy', '-w', '--wheel-dir', '-d', '--dest', '--no-binary', '--only-binary', '--group', '--extra', '--config-settings', '-C'];
const UV_VALUES = [...PIP_VALUES, '--python', '--index', '--default-index', '--index-strategy', '--extra', '--group', '--only-group', '--no-group', '--package', '--project', '--directory', '-o', '--output-file', '--format', '--cache-dir', '--compile-bytecode-timeout', '--link-mode', '--resolution', '--prerelease', '--exclude-newer', '--dev-dependency', '--optional', '--with', '--from', '--tag', '--rev', '--branch', '--path', '--environment', '--index-url', '--torch-backend'];
const NPM_VALUES = ['--only', '--prefix', '-w', '--workspace', '--registry', '--omit', '--include', '--cache', '--userconfig', '--loglevel', '--tag', '--install-strategy'];
const APT_VALUES = ['-o', '--option', '-t', '--target-release', '--default-release', '-c', '--config-file', '-a', '--host-architecture'];
/** `run build`, `run build:prod`: a key word ending in `*` also matches `word:anything`. */
const BUILD_SCRIPT: Record<string, PackageAction> = { 'run build*': 'build', 'run-script build*': 'build' };

/** What each package manager's subcommands do. */
export const MANAGERS: readonly ManagerSpec[] = [
  {
    manager: 'apt',
    names: ['apt-get', 'apt', 'aptitude'],
    actions: { install: 'install', reinstall: 'install', 'build-dep': 'install', update: 'update', upgrade: 'upgrade', 'dist-upgrade': 'upgrade', 'full-upgrade': 'upgrade', remove: 'remove', purge: 'remove', autoremove: 'remove', clean: 'clean', autoclean: 'clean', download: 'download' },
    valueOptions: APT_VALUES,
    versions: 'apt',
  },
  {
    manager: 'apk',
    names: ['apk'],
    actions: { add: 'install', del: 'remove', update: 'update', upgrade: 'upgrade', fetch: 'download', 'cache clean': 'clean', 'cache purge': 'clean', 'cache sync': 'update' },
    valueOptions: ['-X', '--repository', '-t', '--virtual', '--root', '-p', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '-o', '--output'],
    versions: 'apk',
  },
  {
    manager: 'dnf',
    names: ['dnf', 'yum', 'microdnf', 'tdnf'],
    actions: { install: 'install', update: 'update', upgrade: 'upgrade', remove: 'remove', erase: 'remove', autoremove: 'remove', 'clean all': 'clean', clean: 'clean', makecache: 'update' },
    valueOptions: ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude'],
    versions: 'apt',
  },
  {
    manager: 'pip',
    names: ['pip'],
    actions: { install: 'install', uninstall: 'remove', download: 'download', wheel: 'wheel', 'cache purge': 'clean', 'cache remove': 'clean' },
    valueOptions: PIP_VALUES,
    versions: 'pip',
  },
  {
    manager: 'pip',
    names: ['python', 'py'],
    module: 'pip',
    actions: { install: 'install', uninstall: 'remove', download: 'download', wheel: 'wheel', 'cache purge': 'clean', 'cache remove': 'clean' },
    valueOptions: PIP_VALUES,
    versions: 'pip',
  },
  {
    manager: 'uv',
    names: ['uv'],
    actions: { 'pip install': 'install', 'pip sync': 'sync', 'pip uninstall': 'remove', 'pip compile': 'lock', sync: 'sync', add: 'add', remove: 'remove', lock: 'lock', export: 'lock', 'tool install': 'install', 'python install': 'install', 'cache clean': 'clean', 'cache prune': 'clean' },
    valueOptions: UV_VALUES,
    versions: 'pip',
  },
  {
    manager: 'poetry',
    names: ['poetry'],
    actions: { install: 'install', add: 'add', remove: 'remove', update: 'update', lock: 'lock', export: 'lock', 'cache clear': 'clean', sync: 'sync' },
    valueOptions: ['--with', '--without', '--only', '-E', '--extras', '-C', '--directory', '-G', '--group', '--source', '-f', '--format', '-o', '--output', '-P', '--project'],
    versions: 'poetry',
  },
  {
    manager: 'pipenv',
    names: ['pipenv'],
    actions: { install: 'install', sync: 'sync', uninstall: 'remove', update: 'update', lock: 'lock', requirements: 'lock' },
    valueOptions: ['--python', '-r', '--requirements', '--categories', '--extra-pip-args'],
    versions: 'pip',
  },
  {
    manager: 'conda',
    names: ['conda', 'mamba', 'micromamba'],
    actions: { install: 'install', create: 'install', 'env create': 'install', 'env update': 'update', update: 'update', remove: 'remove', uninstall: 'remove', clean: 'clean' },
    valueOptions: ['-c', '--channel', '-n', '--name', '-p', '--prefix', '-f', '--file', '--override-channels-file', '-r', '--root-prefix'],
    versions: 'conda',
  },
  {
    manager: 'npm',
    names: ['npm'],
    actions: { install: 'install', i: 'install', add: 'install', in: 'install', isntall: 'install', ci: 'ci', 'clean-install': 'ci', uninstall: 'remove', remove: 'remove', rm: 'remove', un: 'remove', unlink: 'remove', update: 'update', up: 'update', upgrade: 'update', prune: 'remove', 'cache clean': 'clean', ...BUILD_SCRIPT },
    valueOptions: NPM_VALUES,
    versions: 'npm',
  },
  {
    manager: 'yarn',
    names: ['yarn', 'yarnpkg'],
    actions: { install: 'install', add: 'add', remove: 'remove', upgrade: 'upgrade', up: 'upgrade', 'workspaces focus': 'install', 'cache clean': 'clean', 'build*': 'build', ...BUILD_SCRIPT },
    bare: 'install',
    valueOptions: ['--cwd', '--network-timeout', '--modules-folder', '--cache-folder', '--mutex', '--registry'],
    versions: 'npm',
  },
  {
    manager: 'pnpm',
    names: ['pnpm'],
    actions: { install: 'install', i: 'install', add: 'add', remove: 'remove', rm: 'remove', uninstall: 'remove', update: 'update', up: 'update', upgrade: 'update', fetch: 'download', 'store prune': 'clean', 'build*': 'build', ...BUILD_SCRIPT },
    valueOptions: ['-C', '--dir', '--filter', '-F', '--store-dir', '--registry', '--reporter'],
    versions: 'npm',
  },
  {
    manager: 'gem',
    names: ['gem'],
    actions: { install: 'install', i: 'install', uninstall: 'remove', update: 'update', cleanup: 'clean' },
    valueOptions: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-g', '--file'],
    versions: 'gem',
  },
  {
    manager: 'go',
    names: ['go'],
    actions: { install: 'install', get: 'install', 'mod download': 'download', build: 'build' },
    valueOptions: ['-o', '-C', '-tags', '-ldflags', '-gcflags', '-mod', '-modfile', '-p', '-pkgdir', '-overlay'],
    versions: 'go',
  },
];

/** Drops a version suffix: `pip3.12` → `pip`, `python3` → `python`. */
const family = (name: string): string => basename(name).replace(/[\d.]+$/, '') || name;
/** `family` of command names, which repeat across a run's thousands of commands. */
const families = new Map<string, string>();
const familyOf = (name: string): string => {
  let f = families.get(name);
  if (f === undefined) {
    f = family(name);
    if (families.size < 4096) families.set(name, f);
  }
  return f;
};
const isOption = (w: string): boolean => w.length > 1 && w.startsWith('-');

const BY_NAME: ReadonlyMap<string, readonly ManagerSpec[]> = (() => {
  const m = new Map<string, ManagerSpec[]>();
  for (const spec of MANAGERS) for (const n of spec.names) m.set(n, [...(m.get(n) ?? []), spec]);
  return m;
})();

interface SubcommandKey {
  words: string[];
  action: PackageAction;
}

/** Subcommand keys per manager, longest first, split into words. */
const KEYS = new Map<ManagerSpec, SubcommandKey[]>(
  MANAGERS.map((s) => [s, Object.entries(s.actions).map(([k, action]) => ({ words: k.split(' '), action })).sort((a, b) => b.words.length - a.words.length)]),
);
/** `valueOptions` as sets: every option word of every operation is looked up. */
const VALUE_OPTIONS = new Map<ManagerSpec, ReadonlySet<string>>(MANAGERS.map((s) => [s, new Set(s.valueOptions)]));

/** Several rules and the stage facts ask for the same RUN's operations: read once per command list. */
const opsOf = new WeakMap<readonly SimpleCommand[], PackageOp[]>();

/** Every recognised package operation among `commands`, in order. The result is shared: do not change it. */
export function packageOps(commands: readonly SimpleCommand[]): PackageOp[] {
  let out = opsOf.get(commands);
  if (out) return out;
  out = [];
  for (const command of commands) {
    const specs = BY_NAME.get(familyOf(command.name));
    if (!specs) continue;
    for (const spec of specs) {
      const op = readOp(spec, command);
      if (op) {
        out.push(op);
        break;
      }
    }
  }
  opsOf.set(commands, out);
  return out;
}

/** The longest subcommand key written at `args[k…]`. */
function subcommandAt(keys: readonly SubcommandKey[], args: readonly Word[], k: number): SubcommandKey | undefined {
  for (const key of keys) {
    let n = 0;
    while (n < key.words.length && keyMatches(key.words[n]!, args[k + n]?.text)) n++;
    if (n === key.words.length) return key;
  }
  return undefined;
}

function readOp(spec: ManagerSpec, command: SimpleCommand): PackageOp | undefined {
  const args = command.args;
  let k = 0;
  const flags: PackageFlag[] = [];
  let tool = command.name;
  if (spec.module) {
    // `python3 -u -m pip …`: interpreter options, then `-m pip`.
    while (k < args.length && args[k]!.text !== '-m' && isOption(args[k]!.text)) k++;
    if (args[k]?.text !== '-m' || familyOf(args[k + 1]?.text ?? '') !== spec.module) return undefined;
    tool = `${command.name} -m ${args[k + 1]!.text}`;
    k += 2;
  }
  // Options before the subcommand (`apt-get -y install`, `npm --prefix x ci`).
  while (k < args.length && isOption(args[k]!.text) && args[k]!.text !== '--') k = readFlag(spec, args, k, flags);
  const found = subcommandAt(KEYS.get(spec)!, args, k);
  let action: PackageAction;
  let subcommand: Word[] = [];
  if (found) {
    action = found.action;
    subcommand = args.slice(k, k + found.words.length);
    k += found.words.length;
  } else if (spec.bare && (k >= args.length || isOption(args[k]!.text)) && !flags.some((f) => INFO_OPTIONS.has(f.name))) {
    action = spec.bare;
  } else {
    return undefined;
  }
  if (spec.manager === 'uv' && subcommand[0]?.text === 'pip') tool = `${command.name} pip`;
  const packages: PackageSpec[] = [];
  const takesPackages = action !== 'build' && action !== 'clean';
  for (; k < args.length; ) {
    const w = args[k]!;
    if (w.text === '--') break;
    if (isOption(w.text)) k = readFlag(spec, args, k, flags);
    else {
      if (takesPackages) packages.push(readPackage(spec.versions, w));
      k++;
    }
  }
  if (spec.versions === 'gem') applyGemVersion(packages, flags);
  return { manager: spec.manager, tool, action, subcommand, packages, flags, command };
}

const keyMatches = (key: string, text: string | undefined): boolean =>
  text !== undefined && (key === text || (key.endsWith('*') && (text === key.slice(0, -1) || text.startsWith(`${key.slice(0, -1)}:`))));

/** `yarn --version` runs nothing. */
const INFO_OPTIONS = new Set(['-v', '--version', '-h', '--help']);

/** Reads the option at `k` (and its value) into `flags`; returns the index after it. */
function readFlag(spec: ManagerSpec, args: readonly Word[], k: number, flags: PackageFlag[]): number {
  const w = args[k]!;
  const eq = w.text.startsWith('--') ? w.text.indexOf('=') : -1;
  if (eq !== -1) {
    flags.push({ name: w.text.slice(0, eq), value: w.text.slice(eq + 1), text: w.text, start: w.start, end: w.end });
    return k + 1;
  }
  const value = VALUE_OPTIONS.get(spec)!.has(w.text) ? args[k + 1] : undefined;
  if (value) {
    flags.push({ name: w.text, value: value.text, text: w.text, start: w.start, end: value.end });
    return k + 2;
  }
  flags.push({ name: w.text, text: w.text, start: w.start, end: w.end });
  return k + 1;
}

const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|git@|github:|gitlab:|bitbucket:|file:)/i;
const ARCHIVE = /\.(?:whl|tar\.gz|tgz|zip|deb|apk|rpm|gem)$/i;

function sourceOf(text: string, slashIsPath: boolean): PackageSpec['source'] {
  if (URL.test(text) || / @ /.test(text)) return 'url';
  if (/^[.~/]/.test(text) || ARCHIVE.test(text) || (slashIsPath && text.includes('/'))) return 'path';
  return 'registry';
}

const PIP_SPEC = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(===|==|~=|!=|<=|>=|<|>)?\s*([^;]*?)\s*(?:;.*)?$/;
const CONDA_SPEC = /^([^=<>!~\s]+)(==|=|>=|<=|>|<|!=|~=)?(.*)$/;
const APT_SPEC = /^([^=/]+?)(?::[a-z0-9-]+)?(?:(=)(.*)|(\/)(.*))?$/;
const APK_SPEC = /^([^=<>~@]+)(?:@[^=<>~]+)?(?:(=|~=?|>=?|<=?)(.*))?$/;
const EXACT_SEMVER = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** Name, version and constraint of one operand, per the manager's syntax. */
function readPackage(syntax: VersionSyntax, w: Word): PackageSpec {
  const text = w.text;
  // A `/` is a release for apt, a scope for npm, a module path for go: a path only for pip.
  const source = sourceOf(text, syntax === 'pip');
  if (source !== 'registry') return { text, start: w.start, end: w.end, name: text, pinned: false, source };
  switch (syntax) {
    case 'pip':
    case 'poetry': {
      if (syntax === 'poetry') {
        const a = text.indexOf('@');
        if (a > 0) return registrySpec(w, text.slice(0, a), text.slice(a + 1), '@', /^[\d.]+$/.test(text.slice(a + 1)));
      }
      const m = PIP_SPEC.exec(text);
      if (!m) return registrySpec(w, text, undefined, undefined, false);
      const [, name, , op, version] = m;
      return registrySpec(w, name!, version || undefined, op, (op === '==' || op === '===') && !/[*,]/.test(version ?? ''));
    }
    case 'conda': {
      const m = CONDA_SPEC.exec(text)!;
      return registrySpec(w, m[1]!, m[3] || undefined, m[2], (m[2] === '==' || m[2] === '=') && !/[*,|]/.test(m[3]!));
    }
    case 'apt': {
      const m = APT_SPEC.exec(text)!;
      const version = m[3] ?? m[5];
      const op = m[2] ?? m[4];
      return registrySpec(w, m[1]!, version || undefined, op, op === '=' && !/\*/.test(version ?? ''));
    }
    case 'apk': {
      const m = APK_SPEC.exec(text)!;
      return registrySpec(w, m[1]!, m[3] || undefined, m[2], m[2] === '=');
    }
    case 'npm': {
      const a = text.indexOf('@', 1);
      if (a === -1) return registrySpec(w, text, undefined, undefined, false);
      const version = text.slice(a + 1);
      return registrySpec(w, text.slice(0, a), version, '@', EXACT_SEMVER.test(version));
    }
    case 'gem': {
      const c = text.indexOf(':');
      if (c === -1) return registrySpec(w, text, undefined, undefined, false);
      const version = text.slice(c + 1);
      return registrySpec(w, text.slice(0, c), version, ':', /^\d[\w.]*$/.test(version));
    }
    case 'go': {
      const a = text.lastIndexOf('@');
      if (a <= 0) return registrySpec(w, text, undefined, undefined, false);
      const version = text.slice(a + 1);
      return registrySpec(w, text.slice(0, a), version, '@', !['latest', 'upgrade', 'patch', 'none'].includes(version));
    }
  }
}

/** A registry operand; object literals (not spreads) keep every spec one cheap shape. */
function registrySpec(w: Word, name: string, version: string | undefined, constraint: string | undefined, pinned: boolean): PackageSpec {
  const { text, start, end } = w;
  if (!version) return { text, start, end, name, pinned: false, source: 'registry' };
  return { text, start, end, name, version, constraint, pinned, source: 'registry' };
}

/** `gem install rails -v '~> 7.1'`: the option gives the version of the packages named. */
function applyGemVersion(packages: PackageSpec[], flags: readonly PackageFlag[]): void {
  const v = flags.find((f) => (f.name === '-v' || f.name === '--version') && f.value)?.value?.trim();
  if (!v) return;
  const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.+)$/.exec(v)!;
  for (const p of packages) {
    if (p.version || p.source !== 'registry') continue;
    p.version = m[2]!;
    p.constraint = m[1] ?? '=';
    p.pinned = (m[1] ?? '=') === '=' && /^\d[\w.]*$/.test(m[2]!);
  }
}

// ---------------------------------------------------------------------------------------------
// Caches and their cleanups.

/** A cache or index a build leaves behind in its layer unless it cleans it up. */
export type CacheKind = 'apt-lists' | 'apt-archives' | 'apk' | 'dnf' | 'pip' | 'uv' | 'poetry' | 'npm' | 'yarn' | 'pnpm' | 'go';

/** Where each cache lives (for root, the user RUN commands usually run as). */
export const CACHES: readonly { dir: string; kind: CacheKind }[] = [
  { dir: '/var/lib/apt/lists', kind: 'apt-lists' },
  { dir: '/var/cache/apt', kind: 'apt-archives' },
  { dir: '/var/cache/apk', kind: 'apk' },
  { dir: '/var/cache/dnf', kind: 'dnf' },
  { dir: '/var/cache/yum', kind: 'dnf' },
  { dir: '/root/.cache/pip', kind: 'pip' },
  { dir: '/root/.cache/uv', kind: 'uv' },
  { dir: '/root/.cache/pypoetry', kind: 'poetry' },
  { dir: '/root/.npm', kind: 'npm' },
  { dir: '/usr/local/share/.cache/yarn', kind: 'yarn' },
  { dir: '/root/.cache/yarn', kind: 'yarn' },
  { dir: '/root/.local/share/pnpm/store', kind: 'pnpm' },
  { dir: '/root/.cache/go-build', kind: 'go' },
  { dir: '/go/pkg/mod', kind: 'go' },
];

/** Operations that empty a cache: manager + action (+ subcommand words) → what they clear. */
export const CACHE_COMMANDS: readonly { manager: Manager; subcommand: string; clears: readonly CacheKind[] }[] = [
  { manager: 'apt', subcommand: 'clean', clears: ['apt-archives'] },
  { manager: 'apt', subcommand: 'autoclean', clears: ['apt-archives'] },
  { manager: 'apk', subcommand: 'cache clean', clears: ['apk'] },
  { manager: 'apk', subcommand: 'cache purge', clears: ['apk'] },
  { manager: 'dnf', subcommand: 'clean all', clears: ['dnf'] },
  { manager: 'dnf', subcommand: 'clean', clears: ['dnf'] },
  { manager: 'pip', subcommand: 'cache purge', clears: ['pip'] },
  { manager: 'pip', subcommand: 'cache remove', clears: ['pip'] },
  { manager: 'uv', subcommand: 'cache clean', clears: ['uv'] },
  { manager: 'uv', subcommand: 'cache prune', clears: ['uv'] },
  { manager: 'poetry', subcommand: 'cache clear', clears: ['poetry'] },
  { manager: 'npm', subcommand: 'cache clean', clears: ['npm'] },
  { manager: 'yarn', subcommand: 'cache clean', clears: ['yarn'] },
  { manager: 'pnpm', subcommand: 'store prune', clears: ['pnpm'] },
];

/** Options that keep an operation from filling a cache in the first place. */
export const NO_CACHE_FLAGS: readonly { manager: Manager; flag: string; prevents: CacheKind }[] = [
  { manager: 'apk', flag: '--no-cache', prevents: 'apk' },
  { manager: 'pip', flag: '--no-cache-dir', prevents: 'pip' },
  { manager: 'pipenv', flag: '--no-cache-dir', prevents: 'pip' },
  { manager: 'uv', flag: '--no-cache', prevents: 'uv' },
  { manager: 'uv', flag: '-n', prevents: 'uv' },
  { manager: 'poetry', flag: '--no-cache', prevents: 'poetry' },
];

export interface Cleanup {
  /** The caches it empties (or keeps empty, for a `--no-cache` option). */
  clears: CacheKind[];
  how: 'rm' | 'command' | 'flag';
  command: SimpleCommand;
  /** The words that make it a cleanup: the removed path, the cache subcommand, the option. */
  start: number;
  end: number;
}

const HOME = /^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/;

/** `rm -rf` paths repeat across thousands of RUNs (`/var/lib/apt/lists/*`): judge each once. */
const cachesOf = new Map<string, CacheKind[]>();

/** The caches a path removed with `rm -r` covers: `/root/.cache` covers pip, uv, poetry… The result is shared: do not change it. */
export function cachesUnder(path: string): CacheKind[] {
  let kinds = cachesOf.get(path);
  if (!kinds) cachesOf.set(path, (kinds = computeCachesUnder(path)));
  return kinds;
}

function computeCachesUnder(path: string): CacheKind[] {
  let p = path.replace(HOME, '/root').replace(/\/+/g, '/');
  p = p.replace(/(?:\/\*{1,2}|\/\.\*|\/)+$/, '');
  if (p === '') return [];
  return [...new Set(CACHES.filter((c) => c.dir === p || c.dir.startsWith(`${p}/`)).map((c) => c.kind))];
}

const isRecursiveRm = (c: SimpleCommand): boolean =>
  c.name === 'rm' && c.args.some((a) => a.text === '--recursive' || /^-[a-zA-Z]*[rR]/.test(a.text));

/** apt-cleanup and pip-no-cache both ask about each shipped RUN's command list. */
const cleanupsOf = new WeakMap<readonly SimpleCommand[], Cleanup[]>();

/**
 * Every cleanup among `commands`: `rm -rf` of a cache directory, a cache-clean subcommand, a
 * no-cache option. Without `ops`, the result is memoised per command list and shared: do not change it.
 */
export function findCleanups(commands: readonly SimpleCommand[], ops?: readonly PackageOp[]): Cleanup[] {
  if (ops) return computeCleanups(commands, ops);
  let out = cleanupsOf.get(commands);
  if (!out) cleanupsOf.set(commands, (out = computeCleanups(commands, packageOps(commands))));
  return out;
}

function computeCleanups(commands: readonly SimpleCommand[], ops: readonly PackageOp[]): Cleanup[] {
  const out: Cleanup[] = [];
  // An index loop: every command of every shipped RUN, where for…of allocates while cold.
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    if (!isRecursiveRm(c)) continue;
    for (const a of c.args) {
      if (isOption(a.text)) continue;
      const clears = cachesUnder(a.text);
      if (clears.length) out.push({ clears, how: 'rm', command: c, start: a.start, end: a.end });
    }
  }
  for (const op of ops) {
    const sub = op.subcommand.map((w) => w.text).join(' ');
    const cmd = CACHE_COMMANDS.find((x) => x.manager === op.manager && x.subcommand === sub);
    if (cmd && op.subcommand.length) out.push({ clears: [...cmd.clears], how: 'command', command: op.command, start: op.subcommand[0]!.start, end: op.subcommand.at(-1)!.end });
    for (const f of op.flags) {
      const nc = NO_CACHE_FLAGS.find((x) => x.manager === op.manager && x.flag === f.name);
      if (nc) out.push({ clears: [nc.prevents], how: 'flag', command: op.command, start: f.start, end: f.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Helpers for rules.

/**
 * Whether `op` has one of the options `names`. Short names also match inside a cluster of
 * short options (`-qy` has `-y`) for the managers that allow clusters.
 */
export function hasFlag(op: PackageOp, ...names: string[]): boolean {
  return op.flags.some((f) => names.includes(f.name) || (CLUSTERS.has(op.manager) && /^-[A-Za-z]{2,}$/.test(f.name) && names.some((n) => /^-[A-Za-z]$/.test(n) && f.name.includes(n[1]!))));
}
const CLUSTERS = new Set<Manager>(['apt', 'apk', 'dnf', 'pip', 'conda']);

/** The values given to the options `names` (`-r a.txt -r b.txt` → both files). */
export function flagValues(op: PackageOp, ...names: string[]): string[] {
  const values: string[] = [];
  for (const f of op.flags) if (names.includes(f.name) && f.value !== undefined) values.push(f.value);
  return values;
}

const isInstall = (op: PackageOp): boolean => op.action === 'install' || op.action === 'add' || op.action === 'ci' || op.action === 'sync';

/** `apt-get install` / `apt install` operations. */
export const aptInstalls = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter((op) => op.manager === 'apt' && op.action === 'install');

/** `apk add` operations. */
export const apkAdds = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter((op) => op.manager === 'apk' && op.action === 'install');

/** `pip install` / `python -m pip install` operations (not `uv pip`: see `uvOps`). */
export const pipInstalls = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter((op) => op.manager === 'pip' && op.action === 'install');

/** Every uv operation (`uv pip install`, `uv sync`, `uv add`, `uv export`…). */
export const uvOps = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter((op) => op.manager === 'uv');

/** Every npm, yarn and pnpm operation. */
export const npmOps = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter((op) => op.manager === 'npm' || op.manager === 'yarn' || op.manager === 'pnpm');

/** Operations that install packages (install, add, ci, sync) of any manager. */
export const installOps = (commands: readonly SimpleCommand[]): PackageOp[] => packageOps(commands).filter(isInstall);

/** The cleanup that removes apt's package lists (`rm -rf /var/lib/apt/lists/*`), if any. */
export const cleansAptLists = (commands: readonly SimpleCommand[]): Cleanup | undefined => findCleanups(commands).find((c) => c.clears.includes('apt-lists'));

/** The first cleanup (or no-cache option) among `commands` that covers `kind`. */
export const cleansCache = (commands: readonly SimpleCommand[], kind: CacheKind): Cleanup | undefined => findCleanups(commands).find((c) => c.clears.includes(kind));

/** `apt-get install --no-install-recommends` (or `-o APT::Install-Recommends=false`). */
export const skipsRecommends = (op: PackageOp): boolean =>
  hasFlag(op, '--no-install-recommends') || flagValues(op, '-o', '--option').some((v) => /^APT::Install-Recommends=(?:false|0|no)$/i.test(v));

/** An npm / yarn / pnpm install that leaves dev dependencies out. */
export const omitsDevDependencies = (op: PackageOp): boolean =>
  op.flags.some((f) => (f.name === '--production' || f.name === '--prod') && f.value !== 'false') ||
  (op.manager === 'pnpm' && hasFlag(op, '-P')) ||
  flagValues(op, '--omit').includes('dev') ||
  flagValues(op, '--only').some((v) => v === 'production' || v === 'prod');

/** Options that say where a pip / uv install gets its wheels. */
const INDEX_FLAGS = ['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--index', '--default-index'];
/** Settings that do the same. */
const INDEX_ENV = ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS', 'UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_INDEX', 'UV_DEFAULT_INDEX', 'UV_FIND_LINKS'];
/** PyTorch's CPU wheel index (`…/whl/cpu`, `…/whl/nightly/cpu`) or a CPU local version (`2.3.1+cpu`). */
const CPU_WHEELS = /\/whl\/(?:nightly\/)?cpu\b|\+cpu\b/;

/** Reads a setting in effect where a command runs (a Dockerfile ENV or ARG). */
export type EnvLookup = (name: string) => string | undefined;

/**
 * What can name the wheel index or build a pip / uv install takes: its index options, the
 * versions of `packages`, and the index settings `env` finds.
 */
export function wheelSources(op: PackageOp, env: EnvLookup, packages: readonly PackageSpec[] = op.packages): string[] {
  return [...flagValues(op, ...INDEX_FLAGS), ...mapArray(packages, (p) => p.version ?? ''), ...mapArray(INDEX_ENV, (name) => env(name) ?? '')];
}

/**
 * A pip / uv install of torch's CPU build: uv's `--torch-backend` (or UV_TORCH_BACKEND) says
 * `cpu`, or, without a backend, an index or a version names the CPU wheels.
 */
export function usesCpuWheels(op: PackageOp, env: EnvLookup = () => undefined): boolean {
  const backend = op.flags.find((f) => f.name === '--torch-backend')?.value ?? env('UV_TORCH_BACKEND');
  if (backend !== undefined) return backend === 'cpu';
  return wheelSources(op, env).some((s) => CPU_WHEELS.test(s));
}
