import { promises as fs } from 'node:fs';
import path from 'node:path';
import { configStacks } from './config-stacks.js';
import { GitIgnoreIndex } from './gitignore.js';
import { GlobSet } from './globs.js';
import { groupByConvention, uniqueNames } from './group.js';
import { limiter } from './limit.js';
import { BASE_FOLDER_NAMES, environmentOfName, environmentWords } from './patterns.js';
import { includeTargets, looksLikeCompose, looksLikeDockerfile, readHead } from './sniff.js';
import { emptyFound, kindOfFile, walk } from './walk.js';
/** A bad command line (a path that does not exist); the CLI exits 2. */
export class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** Open files and folders at once; enough to keep the disk busy, few enough for any ulimit. */
const CONCURRENCY = 64;
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
 * pulled in by another's `include:` comes with the file that includes it. A named symbolic
 * link whose target lies outside the working directory is skipped.
 */
export async function discover(paths, opts) {
    const cwd = path.resolve(opts.cwd);
    const loaded = opts.config;
    const words = environmentWords(loaded.config.environments);
    const ctx = {
        gitignore: new GitIgnoreIndex(),
        ignore: new GlobSet(loaded.config.ignore ?? [], loaded.dir),
        include: new GlobSet(loaded.config.include ?? [], loaded.dir),
        limit: limiter(CONCURRENCY),
    };
    const display = (abs) => toDisplay(cwd, abs);
    const { roots, files: named } = await classifyArguments(paths.length > 0 ? paths : ['.'], cwd);
    const cliEnvFiles = await resolveEnvFiles(opts.envFiles ?? [], cwd);
    const found = emptyFound();
    await Promise.all(roots.map((r) => walk(r, ctx, found)));
    const explicitCompose = await classifyNamedFiles(named, ctx, found);
    const around = emptyFound();
    await Promise.all([...neighbourFolders(explicitCompose)].map((d) => walk(d, ctx, around, 0)));
    const { compose, includes } = await readComposeHeads(found, around, explicitCompose, ctx);
    const fromConfig = await configStacks(loaded, words);
    const covered = new Set(fromConfig.flatMap((s) => s.files));
    const included = new Set([...includes.values()].flat());
    const groupable = [...compose].filter((f) => !covered.has(f) && !included.has(f));
    const byConvention = groupByConvention(groupable, words, display).map((s) => ({
        ...s,
        envFiles: [],
        projectDir: path.dirname(s.files[0]),
    }));
    const inRoots = (f) => roots.some((r) => isInside(r, f));
    const touchesNamed = (f) => explicitCompose.has(f) || (includes.get(f) ?? []).some((t) => explicitCompose.has(t));
    const selected = [...fromConfig, ...byConvention].filter((s) => s.files.some((f) => inRoots(f) || touchesNamed(f)));
    // A named file whose includer was not found still gets linted, on its own.
    const inSelected = new Set(selected.flatMap((s) => s.files));
    for (const f of explicitCompose) {
        if (inSelected.has(f) || selected.some((s) => s.files.some((g) => includes.get(g)?.includes(f))))
            continue;
        const environment = environmentOfName(path.basename(f), words);
        selected.push({ name: `${display(f)}#${environment}`, environment, files: [f], envFiles: [], projectDir: path.dirname(f) });
    }
    const stacks = uniqueNames(selected
        .map((s) => ({ ...s, environment: opts.environment ?? s.environment, envFiles: [...s.envFiles, ...cliEnvFiles] }))
        .sort((a, b) => compare(a.name, b.name)));
    const composeFiles = new Set([...compose].filter((f) => inRoots(f) || explicitCompose.has(f)));
    for (const s of stacks)
        for (const f of s.files)
            composeFiles.add(f);
    return {
        stacks,
        dockerfiles: [...found.dockerfiles].sort(compare),
        composeFiles: [...composeFiles].sort(compare),
    };
}
async function classifyArguments(paths, cwd) {
    const realCwd = await fs.realpath(cwd).catch(() => cwd);
    const kinds = await Promise.all(paths.map(async (p) => {
        const abs = path.resolve(cwd, p);
        const stat = await fs.stat(abs).catch((e) => {
            throw new UsageError(e.code === 'ENOENT' || e.code === 'ENOTDIR' ? `Path ${p} does not exist` : `Path ${p} cannot be read (${e.code ?? 'error'})`);
        });
        if (stat.isDirectory())
            return { abs, kind: 'dir' };
        if (!stat.isFile())
            throw new UsageError(`Path ${p} is neither a file nor a folder`);
        const link = await fs.lstat(abs);
        if (link.isSymbolicLink() && !isInside(realCwd, await fs.realpath(abs)))
            return { abs, kind: 'skip' };
        return { abs, kind: 'file' };
    }));
    return {
        roots: [...new Set(kinds.filter((k) => k.kind === 'dir').map((k) => k.abs))],
        files: [...new Set(kinds.filter((k) => k.kind === 'file').map((k) => k.abs))],
    };
}
async function resolveEnvFiles(envFiles, cwd) {
    return Promise.all(envFiles.map(async (f) => {
        const abs = path.resolve(cwd, f);
        const ok = await fs.stat(abs).then((s) => s.isFile(), () => false);
        if (!ok)
            throw new UsageError(`Env file ${f} does not exist`);
        return abs;
    }));
}
/** Sorts named files into Dockerfiles (recorded in `found`) and Compose files (returned). */
async function classifyNamedFiles(files, ctx, found) {
    const compose = new Set();
    await Promise.all(files.map(async (abs) => {
        if (ctx.ignore.matchesPathOrParent(abs))
            return;
        const kind = kindOfFile(path.basename(abs), abs, ctx);
        if (kind === 'dockerfile')
            found.dockerfiles.add(abs);
        else if (kind === 'compose')
            compose.add(abs);
        else {
            const head = await ctx.limit(() => readHead(abs));
            if (head === undefined)
                return;
            if (kind === 'yaml' && looksLikeCompose(head))
                compose.add(abs);
            else if (kind === undefined && looksLikeDockerfile(head))
                found.dockerfiles.add(abs);
        }
    }));
    return compose;
}
/** Folders that may hold the rest of a named file's stack: its own, `base/` below it, the folder above a `base/`. */
function neighbourFolders(files) {
    const dirs = new Set();
    for (const f of files) {
        const dir = path.dirname(f);
        dirs.add(dir);
        for (const sub of BASE_FOLDER_NAMES)
            dirs.add(path.join(dir, sub));
        if (BASE_FOLDER_NAMES.includes(path.basename(dir)))
            dirs.add(path.dirname(dir));
    }
    return dirs;
}
/**
 * Reads the first bytes of every candidate once: other YAML files are kept if their top level
 * is Compose, and every Compose file's `include:` targets are noted.
 */
async function readComposeHeads(found, around, named, ctx) {
    const known = new Set([...found.compose, ...around.compose, ...named]);
    const unknown = [...new Set([...found.yaml, ...around.yaml])].filter((f) => !known.has(f));
    const compose = new Set(known);
    const includes = new Map();
    await Promise.all([...known, ...unknown].map((abs) => ctx.limit(async () => {
        const head = await readHead(abs);
        if (head === undefined)
            return;
        if (!known.has(abs)) {
            if (!looksLikeCompose(head))
                return;
            compose.add(abs);
        }
        const targets = includeTargets(head);
        if (targets.length > 0)
            includes.set(abs, targets.map((t) => path.resolve(path.dirname(abs), t)));
    })));
    return { compose, includes };
}
function isInside(dir, p) {
    const rel = path.relative(dir, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
function toDisplay(cwd, abs) {
    const rel = path.relative(cwd, abs);
    return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
