import { normalizePath } from '../source/container-path.js';
import type { DataDirRule, KnownImage, Layout } from './known-images.js';
import { majorInRange, parseVersion, type Version } from './version.js';

/**
 * Resolves a known image's data directories for one service: the layout its tag selects,
 * then the overrides its environment and command apply.
 */

/** The version the tag names, or what `latest` gives today, or undefined when neither is known. */
export function imageVersion(image: KnownImage, tag: string | undefined): Version | undefined {
  return atTag(image, tag).version;
}

/** The layout for this tag; undefined when it depends on a version that cannot be told. */
export function layoutFor(image: KnownImage, tag: string | undefined): Layout | undefined {
  return atTag(image, tag).layout;
}

interface AtTag {
  version: Version | undefined;
  layout: Layout | undefined;
  /** The data dirs with no environment or command applied, once asked for. */
  defaults?: DataDir[];
}

/** Stacks name the same few image:tag pairs over and over: each is worked out once (read-only). */
const atTags = new WeakMap<KnownImage, Map<string | undefined, AtTag>>();

function atTag(image: KnownImage, tag: string | undefined): AtTag {
  let byTag = atTags.get(image);
  if (!byTag) atTags.set(image, (byTag = new Map()));
  let at = byTag.get(tag);
  if (!at) {
    const version = parseVersion(tag, image.versionPattern) ?? image.latest;
    const versioned = image.layouts.some((l) => l.since !== undefined || l.until !== undefined);
    const layout = !versioned ? image.layouts[0] : version ? image.layouts.find((l) => majorInRange(version, l.since, l.until)) : undefined;
    byTag.set(tag, (at = { version, layout }));
  }
  return at;
}

export interface DataDir {
  /** Absolute path in the container. */
  path: string;
  /** Why this path: default, env override, or command argument. */
  why: string;
  what: string;
  /** Where a volume should go (a parent of `path` on postgres 18). */
  mountAt: string;
  legacy: string[];
  legacyNote?: string;
}

export type Env = Record<string, string | null>;

/**
 * Where the image keeps its data for this tag, environment and command. Overrides win in the
 * order the programs apply them: command flag, then env, then the image default. Read-only:
 * when nothing overrides the defaults, every caller gets the one list for the tag.
 */
export function dataDirs(image: KnownImage, tag: string | undefined, env: Env, argv: readonly string[] = []): readonly DataDir[] {
  const at = atTag(image, tag);
  if (!at.layout) return [];
  if (overrides(at.layout, env, argv)) return resolveDirs(image, at.layout, at.version?.[0], env, argv);
  return (at.defaults ??= resolveDirs(image, at.layout, at.version?.[0], {}, []));
}

/** Whether the environment or command may move a directory from its default (most services set neither). */
function overrides(layout: Layout, env: Env, argv: readonly string[]): boolean {
  for (const rule of layout.dirs) {
    if (rule.env && env[rule.env]) return true;
    if (argv.length > 0 && (rule.flags || rule.argsAfter)) return true;
  }
  return false;
}

function resolveDirs(image: KnownImage, layout: Layout, major: number | undefined, env: Env, argv: readonly string[]): DataDir[] {
  const out: DataDir[] = [];
  for (const rule of layout.dirs) {
    for (const found of resolveRule(image, rule, env, argv, major)) {
      const path = normalizePath(found.path);
      const mountAt = found.fromDefault && rule.mountAt ? rule.mountAt : path;
      out.push({ path, why: found.why, what: rule.what, mountAt, legacy: rule.legacy ?? [], ...(rule.legacyNote && { legacyNote: rule.legacyNote }) });
    }
  }
  return out;
}

/** `VOLUME` paths the image declares for this tag. */
export function imageVolumes(image: KnownImage, tag: string | undefined): string[] {
  return layoutFor(image, tag)?.volumes ?? [];
}

interface Found {
  path: string;
  why: string;
  fromDefault: boolean;
}

function resolveRule(image: KnownImage, rule: DataDirRule, env: Env, argv: readonly string[], major: number | undefined): Found[] {
  const fromFlag = rule.flags ? flagValue(argv, rule.flags) : undefined;
  if (fromFlag) return absolute(image, fromFlag.value).map((path) => ({ path, why: `set by ${fromFlag.flag} in the command`, fromDefault: false }));
  if (rule.argsAfter) {
    const args = argsAfter(argv, rule.argsAfter);
    if (args.length > 0) return args.map((path) => ({ path, why: `given to \`${rule.argsAfter}\` in the command`, fromDefault: false }));
  }
  const envValue = rule.env ? env[rule.env] : undefined;
  if (rule.env && envValue) {
    const paths = rule.argsAfter ? envValue.split(/\s+/).filter(isPlainPath) : absolute(image, envValue);
    // Set to something we cannot place (a relative path with no known workdir): say nothing.
    return paths.map((path) => ({ path, why: `set by ${rule.env}`, fromDefault: false }));
  }
  if (!rule.path || (rule.path.includes('{major}') && major === undefined)) return [];
  const path = rule.path.replace('{major}', String(major));
  return [{ path, why: rule.env ? `the image default (${rule.env} not set)` : 'the image default', fromDefault: true }];
}

/** Relative values resolve against the image's working directory, when we know it. */
function absolute(image: KnownImage, value: string): string[] {
  const v = value.trim();
  if (v.startsWith('/')) return [v];
  if (!image.workdir || !v || v.includes('$')) return [];
  return [`${image.workdir.replace(/\/$/, '')}/${v.replace(/^\.\//, '')}`];
}

function flagValue(argv: readonly string[], flags: readonly string[]): { flag: string; value: string } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const flag of flags) {
      if (a === flag && argv[i + 1] !== undefined) return { flag, value: argv[i + 1]! };
      if (a.startsWith(`${flag}=`)) return { flag, value: a.slice(flag.length + 1) };
    }
  }
  return undefined;
}

/** Flags known to take no value, so the word after them is still a path. */
const BOOLEAN_FLAGS = new Set(['--quiet', '--anonymous', '--json']);

/** Positional paths after a subcommand: `minio server --console-address :9001 /data` → [/data]. */
function argsAfter(argv: readonly string[], word: string): string[] {
  const at = argv.indexOf(word);
  if (at === -1) return [];
  const out: string[] = [];
  for (let i = at + 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      if (!a.includes('=') && !BOOLEAN_FLAGS.has(a)) i++;
      continue;
    }
    if (isPlainPath(a)) out.push(a);
  }
  return out;
}

/** Local absolute paths; URLs and `{1...4}` expansions are left alone. */
function isPlainPath(a: string): boolean {
  return a.startsWith('/') && !a.includes('{') && !a.includes('$');
}

export { normalizePath as normalize };
