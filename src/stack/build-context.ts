import { readdirSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { FileCache } from '../compose/file-cache.js';

/** What a local build context holds at its top level, and what its `.dockerignore` keeps out. */
export interface BuildContext {
  /** The context folder, relative to the working directory. */
  dir: string;
  /** Top-level entries: name → is a folder. */
  entries: ReadonlyMap<string, boolean>;
  /** The ignore file that applies (`<Dockerfile>.dockerignore`, else `<context>/.dockerignore`); absent when none. */
  dockerignore?: { path: string; ignores(relPath: string): boolean };
}

/**
 * Build contexts read once per run: one directory listing and at most two ignore files per
 * context, whichever services build from it.
 */
export class BuildContexts {
  private readonly listings = new Map<string, ReadonlyMap<string, boolean> | undefined>();
  private readonly matchers = new Map<string, BuildContext['dockerignore'] | null>();
  constructor(private readonly files: FileCache) {}

  /** The context at `absDir` for a build from `dockerfileAbs`; undefined when the folder cannot be listed. */
  async get(absDir: string, dockerfileAbs: string | undefined): Promise<BuildContext | undefined> {
    const entries = this.list(absDir);
    if (!entries) return undefined;
    const specific = dockerfileAbs ? await this.ignoreFile(`${dockerfileAbs}.dockerignore`) : null;
    const dockerignore = specific ?? (await this.ignoreFile(path.join(absDir, '.dockerignore')));
    return { dir: this.files.relative(absDir) || '.', entries, ...(dockerignore && { dockerignore }) };
  }

  private list(absDir: string): ReadonlyMap<string, boolean> | undefined {
    if (this.listings.has(absDir)) return this.listings.get(absDir);
    let entries: Map<string, boolean> | undefined;
    try {
      entries = new Map(readdirSync(absDir, { withFileTypes: true }).map((e) => [e.name, e.isDirectory()]));
    } catch {
      entries = undefined;
    }
    this.listings.set(absDir, entries);
    return entries;
  }

  private async ignoreFile(abs: string): Promise<BuildContext['dockerignore'] | null> {
    const known = this.matchers.get(abs);
    if (known !== undefined) return known;
    const r = await this.files.read(abs);
    const matcher = r.ok ? { path: r.file.path, ignores: dockerignoreMatcher(r.file.text) } : null;
    this.matchers.set(abs, matcher);
    return matcher;
  }
}

/**
 * `.dockerignore` patterns through the `ignore` package. Docker anchors every pattern at the
 * context root and cleans `./` and a leading `/`; for the top-level paths rules test, that
 * reads the same as gitignore syntax once those prefixes are gone.
 */
export function dockerignoreMatcher(text: string): (relPath: string) => boolean {
  const patterns = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const neg = l.startsWith('!');
      const body = (neg ? l.slice(1) : l).replace(/^(\.\/|\/)+/, '');
      return neg ? `!${body}` : body;
    });
  const ig = ignore().add(patterns);
  return (p) => {
    try {
      return ig.ignores(p);
    } catch {
      return false;
    }
  };
}
