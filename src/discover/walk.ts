import { readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { DirListings } from '../source/dir-listings.js';
import type { GitIgnoreIndex } from './gitignore.js';
import { matches } from './gitignore.js';
import type { GlobSet } from './globs.js';
import { ALWAYS_SKIPPED_FOLDERS, isComposeName, isDockerfileName, isYamlName } from './patterns.js';

/** Deeper than any real project; stops a pathological tree from running away. */
export const MAX_DEPTH = 64;

export interface WalkContext {
  gitignore: GitIgnoreIndex;
  /** Config `ignore:` globs. */
  ignore: GlobSet;
  /** Config `include:` globs: Compose files whatever their name. */
  include: GlobSet;
  /** Every folder listing read, kept for linking and loading. */
  listings?: DirListings;
}

/** What a walk found, before YAML files of other names are sniffed. */
export interface Found {
  /** Compose files known by name or by an `include:` glob. */
  compose: Set<string>;
  /** Other `.yml` / `.yaml` files: Compose if their text says so. */
  yaml: Set<string>;
  dockerfiles: Set<string>;
}

export const emptyFound = (): Found => ({ compose: new Set(), yaml: new Set(), dockerfiles: new Set() });

export type EntryKind = 'compose' | 'yaml' | 'dockerfile' | undefined;

export function kindOfFile(name: string, abs: string, ctx: WalkContext): EntryKind {
  if (isDockerfileName(name)) return 'dockerfile';
  if (isComposeName(name) || ctx.include.matchesEntry(abs)) return 'compose';
  if (isYamlName(name)) return 'yaml';
  return undefined;
}

/**
 * Walks `root` (the whole tree, or one folder with `maxDepth: 0`) and records candidate files.
 *
 * Symbolic links are never followed, to files or to folders: a link out of the root must not be
 * read, and a link inside it reaches something the walk finds at its real path anyway (and
 * could form a loop).
 *
 * The walk is synchronous: over a tree in the page cache, `readdirSync` beats the promise API
 * (whose every call crosses to the thread pool and back) by about 1.5×, and the tree is read
 * before anything else can start anyway.
 */
export function walk(root: string, ctx: WalkContext, found: Found, maxDepth = MAX_DEPTH): void {
  const pending: Array<[string, number]> = [[root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [dir, depth] = next;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
      ctx.listings?.record(dir, entries);
    } catch {
      continue; // unreadable or missing folder: nothing in it can be linted
    }
    const levels = ctx.gitignore.levels(dir, (name) => entries.some((e) => e.name === name));
    // `dir` is absolute and normalised (a root from path.resolve, or built here): no path.join needed.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const abs = prefix + entry.name;
      if (entry.isDirectory()) {
        if (depth >= maxDepth || ALWAYS_SKIPPED_FOLDERS.has(entry.name)) continue;
        if (matches(levels, abs, true) || ctx.ignore.matchesEntry(abs)) continue;
        pending.push([abs, depth + 1]);
      } else if (entry.isFile()) {
        const kind = kindOfFile(entry.name, abs, ctx);
        if (!kind || matches(levels, abs, false) || ctx.ignore.matchesEntry(abs)) continue;
        record(found, kind, abs);
      }
    }
  }
}

export function record(found: Found, kind: Exclude<EntryKind, undefined>, abs: string): void {
  if (kind === 'compose') found.compose.add(abs);
  else if (kind === 'yaml') found.yaml.add(abs);
  else found.dockerfiles.add(abs);
}
