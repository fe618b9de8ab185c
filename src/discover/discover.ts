import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { configStacks } from './config-stacks.js';
import { GitIgnoreIndex } from './gitignore.js';
import { GlobSet } from './globs.js';
import { groupByConvention, uniqueNames } from './group.js';
import { BASE_FOLDER_NAMES, environmentOfName, environmentWords } from './patterns.js';
import { includeTargets, looksLikeCompose, looksLikeDockerfile, readHead } from './sniff.js';
import { DirListings } from '../source/dir-listings.js';
import { displayPath, isInside } from '../source/display-path.js';
import type { Discovery, StackPlan } from './types.js';
import { emptyFound, kindOfFile, walk } from './walk.js';
import type { Found, WalkContext } from './walk.js';

/** A bad command line (a path that does not exist); the CLI exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface DiscoverOptions {
  cwd: string;
  config: LoadedConfig;
  /** `--environment`: forces every stack's environment. */
  environment?: string;
  /** `--env-file` (repeatable), relative to `cwd`: appended to every stack's env files, so they win. */
  envFiles?: string[];
}

/**
 * Finds Compose files and Dockerfiles under `paths` (default `.`) and groups the Compose files
 * into stacks: the config's `stacks:` first, then the naming convention (see groupByConvention).
 *
 * Folders are walked honouring .gitignore files and the config's `ignore:` globs. Files named
 * on the command line (pre-commit and lint-staged pass changed files) are taken as named — only
 * `ignore:` globs apply to them, not .gitignore — if they are Compose files by name, by an
 * `include:` glob or by a Compose top level, or Dockerfiles by name or by content; anything else
 * is skipped quietly. A named Compose file is linted in the stack it belongs to: its folder (and
 * a `base/` folder beside or above it) is scanned so an overlay comes with its base, and a file
 * pulled in by another's `include:` comes with the file that includes it. A named Dockerfile
 * comes with the stacks in its folder and the folders above it that build it. A named symbolic
 * link whose target lies outside the working directory is skipped.
 */
export async function discover(paths: string[], opts: DiscoverOptions): Promise<Discovery> {
  const cwd = path.resolve(opts.cwd);
  const loaded = opts.config;
  const words = environmentWords(loaded.config.environments);
  const listings = new DirListings();
  const ctx: WalkContext = {
    gitignore: new GitIgnoreIndex(),
    ignore: new GlobSet(loaded.config.ignore ?? [], loaded.dir),
    include: new GlobSet(loaded.config.include ?? [], loaded.dir),
    listings,
  };
  const display = (abs: string) => displayPath(cwd, abs);

  const { roots, files: named } = await classifyArguments(paths.length > 0 ? paths : ['.'], cwd);
  const cliEnvFiles = await resolveEnvFiles(opts.envFiles ?? [], cwd);

  const found = emptyFound();
  // A folder named on the command line is linted even if a .gitignore above it excludes it:
  // the user asked for it. Only .gitignore files inside it apply then.
  const ignoredRoots = new Set(roots.filter((r) => ctx.gitignore.isIgnored(r, true)));
  const asked: WalkContext = { ...ctx, gitignore: new GitIgnoreIndex(ignoredRoots) };
  for (const r of roots) walk(r, ignoredRoots.has(r) ? asked : ctx, found);
  const explicitCompose = classifyNamedFiles(named, ctx, found);

  const around = emptyFound();
  for (const d of neighbourFolders(explicitCompose)) walk(d, ctx, around, 0);
  // A named Dockerfile is linted with the stack that builds it: look for one in its folder and
  // each folder above it, up to the working directory.
  const namedDockerfiles = named.filter((f) => found.dockerfiles.has(f));
  const nearDockerfiles = emptyFound();
  for (const d of ancestorFolders(namedDockerfiles, cwd)) walk(d, ctx, nearDockerfiles, 0);
  for (const f of nearDockerfiles.compose) around.compose.add(f);
  for (const f of nearDockerfiles.yaml) around.yaml.add(f);

  const { compose, includes, texts, definesServices } = readComposeHeads(found, around, explicitCompose);

  const fromConfig = await configStacks(loaded, words);
  const covered = new Set(fromConfig.flatMap((s) => s.files));
  const included = new Set([...includes.values()].flat());
  // Files in config stacks still serve as bases for overlays the config does not mention; a
  // stack made only of them would repeat the config's, so it is dropped.
  const groupable = [...compose].filter((f) => !included.has(f));
  const byConvention: StackPlan[] = groupByConvention(groupable, words, display, (f) => definesServices.has(f))
    .filter((s) => s.files.some((f) => !covered.has(f)))
    .map((s) => ({ ...s, envFiles: [], projectDir: path.dirname(s.files[0]!) }));

  const inRoots = (f: string) => roots.some((r) => isInside(r, f));
  const touchesNamed = (f: string) => explicitCompose.has(f) || (includes.get(f) ?? []).some((t) => explicitCompose.has(t));
  const selected = [...fromConfig, ...byConvention].filter((s) => s.files.some((f) => inRoots(f) || touchesNamed(f)));
  // Stacks beside or above a named Dockerfile, kept later only if they build it.
  for (const s of [...fromConfig, ...byConvention]) {
    if (selected.includes(s)) continue;
    const ifBuilding = namedDockerfiles.filter((d) => isInside(s.projectDir, d));
    if (ifBuilding.length && s.files.some((f) => compose.has(f))) selected.push({ ...s, ifBuilding });
  }
  // A named file whose includer was not found still gets linted, on its own.
  const inSelected = new Set(selected.filter((s) => !s.ifBuilding).flatMap((s) => s.files));
  for (const f of explicitCompose) {
    if (inSelected.has(f) || selected.some((s) => s.files.some((g) => includes.get(g)?.includes(f)))) continue;
    const environment = environmentOfName(path.basename(f), words);
    selected.push({ name: `${display(f)}#${environment}`, environment, files: [f], envFiles: [], projectDir: path.dirname(f) });
  }

  const stacks = uniqueNames(
    selected
      .map((s) => ({ ...s, environment: opts.environment ?? s.environment, envFiles: [...s.envFiles, ...cliEnvFiles] }))
      .sort((a, b) => compare(a.name, b.name)),
  );
  const composeFiles = new Set([...compose].filter((f) => inRoots(f) || explicitCompose.has(f)));
  for (const s of stacks) for (const f of s.files) composeFiles.add(f);
  const composeTexts = new Map<string, string>();
  for (const f of composeFiles) {
    const text = texts.get(f);
    if (text !== undefined) composeTexts.set(f, text);
  }
  return {
    stacks,
    dockerfiles: [...found.dockerfiles].sort(compare),
    composeFiles: [...composeFiles].sort(compare),
    composeTexts,
    listings,
  };
}

async function classifyArguments(paths: string[], cwd: string): Promise<{ roots: string[]; files: string[] }> {
  const realCwd = await fs.realpath(cwd).catch(() => cwd);
  const kinds = await Promise.all(
    paths.map(async (p) => {
      const abs = path.resolve(cwd, p);
      const stat = await fs.stat(abs).catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(e.code === 'ENOENT' || e.code === 'ENOTDIR' ? `Path ${p} does not exist` : `Path ${p} cannot be read (${e.code ?? 'error'})`);
      });
      if (stat.isDirectory()) return { abs, kind: 'dir' as const };
      if (!stat.isFile()) throw new UsageError(`Path ${p} is neither a file nor a folder`);
      const link = await fs.lstat(abs);
      if (link.isSymbolicLink() && !isInside(realCwd, await fs.realpath(abs))) return { abs, kind: 'skip' as const };
      return { abs, kind: 'file' as const };
    }),
  );
  return {
    roots: [...new Set(kinds.filter((k) => k.kind === 'dir').map((k) => k.abs))],
    files: [...new Set(kinds.filter((k) => k.kind === 'file').map((k) => k.abs))],
  };
}

async function resolveEnvFiles(envFiles: string[], cwd: string): Promise<string[]> {
  return Promise.all(
    envFiles.map(async (f) => {
      const abs = path.resolve(cwd, f);
      const ok = await fs.stat(abs).then((s) => s.isFile(), () => false);
      if (!ok) throw new UsageError(`Env file ${f} does not exist`);
      return abs;
    }),
  );
}

/** Sorts named files into Dockerfiles (recorded in `found`) and Compose files (returned). */
function classifyNamedFiles(files: string[], ctx: WalkContext, found: Found): Set<string> {
  const compose = new Set<string>();
  for (const abs of files) {
    if (ctx.ignore.matchesPathOrParent(abs)) continue;
    const kind = kindOfFile(path.basename(abs), abs, ctx);
    if (kind === 'dockerfile') found.dockerfiles.add(abs);
    else if (kind === 'compose') compose.add(abs);
    else {
      const head = readHead(abs);
      if (head === undefined) continue;
      if (kind === 'yaml' && looksLikeCompose(head.text)) compose.add(abs);
      else if (kind === undefined && looksLikeDockerfile(head.text)) found.dockerfiles.add(abs);
    }
  }
  return compose;
}

/** Each file's folder and the folders above it, up to `top` (only for files inside it). */
function ancestorFolders(files: Iterable<string>, top: string): Set<string> {
  const dirs = new Set<string>();
  for (const f of files) {
    if (!isInside(top, f)) continue;
    for (let dir = path.dirname(f); isInside(top, dir) && !dirs.has(dir); dir = path.dirname(dir)) {
      dirs.add(dir);
      if (dir === top) break;
    }
  }
  return dirs;
}

/** Folders that may hold the rest of a named file's stack: its own, `base/` below it, the folder above a `base/`. */
function neighbourFolders(files: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const f of files) {
    const dir = path.dirname(f);
    dirs.add(dir);
    for (const sub of BASE_FOLDER_NAMES) dirs.add(path.join(dir, sub));
    if ((BASE_FOLDER_NAMES as readonly string[]).includes(path.basename(dir))) dirs.add(path.dirname(dir));
  }
  return dirs;
}

/**
 * Reads the first bytes of every candidate once: other YAML files are kept if their top level
 * is Compose, and every Compose file's `include:` targets are noted.
 */
function readComposeHeads(found: Found, around: Found, named: Set<string>) {
  const known = new Set([...found.compose, ...around.compose, ...named]);
  const unknown = [...new Set([...found.yaml, ...around.yaml])].filter((f) => !known.has(f));
  const compose = new Set(known);
  const includes = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const definesServices = new Set<string>();
  for (const abs of [...known, ...unknown]) {
    const head = readHead(abs);
    if (head === undefined) continue;
    if (!known.has(abs)) {
      if (!looksLikeCompose(head.text)) continue;
      compose.add(abs);
    }
    if (head.complete) texts.set(abs, head.text);
    if (DEFINES_SERVICE.test(head.text)) definesServices.add(abs);
    // Only a file that mentions include at the top can have targets; skip the line scan otherwise.
    if (!head.text.includes('include')) continue;
    const targets = includeTargets(head.text);
    if (targets.length > 0) includes.set(abs, targets.map((t) => path.resolve(path.dirname(abs), t)));
  }
  return { compose, includes, texts, definesServices };
}

/** An indented `image:` or `build:` key: the file defines a service rather than patching one. */
const DEFINES_SERVICE = /^[ \t]+(image|build)[ \t]*:/m;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
