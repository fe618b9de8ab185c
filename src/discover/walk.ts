import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
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
  limit: <T>(task: () => Promise<T>) => Promise<T>;
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
 * Walks `root` (the whole tree, or one folder with `depth: 0`) and records candidate files.
 * Symbolic links are never followed, to files or to folders: a link out of the root must not be
 * read, and a link inside it reaches something the walk finds at its real path anyway (and
 * could form a loop).
 */
export async function walk(root: string, ctx: WalkContext, found: Found, maxDepth = MAX_DEPTH): Promise<void> {
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await ctx.limit(() => fs.readdir(dir, { withFileTypes: true }));
    } catch {
      return; // unreadable folder: nothing in it can be linted
    }
    const levels = await ctx.gitignore.levels(dir, new Set(entries.map((e) => e.name)));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth >= maxDepth || ALWAYS_SKIPPED_FOLDERS.has(entry.name)) continue;
        if (matches(levels, abs, true) || ctx.ignore.matchesEntry(abs)) continue;
        subdirs.push(abs);
      } else if (entry.isFile()) {
        const kind = kindOfFile(entry.name, abs, ctx);
        if (!kind || matches(levels, abs, false) || ctx.ignore.matchesEntry(abs)) continue;
        record(found, kind, abs);
      }
    }
    await Promise.all(subdirs.map((d) => visit(d, depth + 1)));
  };
  await visit(root, 0);
}

export function record(found: Found, kind: Exclude<EntryKind, undefined>, abs: string): void {
  if (kind === 'compose') found.compose.add(abs);
  else if (kind === 'yaml') found.yaml.add(abs);
  else found.dockerfiles.add(abs);
}
