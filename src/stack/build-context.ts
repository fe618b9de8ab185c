import path from 'node:path';
import ignore from 'ignore';
import type { FileCache } from '../compose/file-cache.js';
import { mayHave, type DirListings } from '../source/dir-listings.js';

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
 * Build contexts read once per run: one directory listing (usually discovery's) and at most
 * two ignore files per context, whichever services build from it.
 */
export class BuildContexts {
  private readonly matchers = new Map<string, BuildContext['dockerignore'] | null>();
  /** Per context folder and Dockerfile: services building the same way share one (read-only) context. */
  private readonly contexts = new Map<string, BuildContext | undefined>();
  /** Compiled patterns by ignore-file text: projects repeat the same `.dockerignore` across contexts. */
  private readonly compiled = new Map<string, (relPath: string) => boolean>();
  constructor(
    private readonly files: FileCache,
    private readonly listings: DirListings,
  ) {}

  /** The context at `absDir` for a build from `dockerfileAbs`; undefined when the folder cannot be listed. */
  async get(absDir: string, dockerfileAbs: string | undefined): Promise<BuildContext | undefined> {
    const key = dockerfileAbs === undefined ? absDir : `${absDir}\0${dockerfileAbs}`;
    if (this.contexts.has(key)) return this.contexts.get(key);
    const context = await this.read(absDir, dockerfileAbs);
    this.contexts.set(key, context);
    return context;
  }

  private async read(absDir: string, dockerfileAbs: string | undefined): Promise<BuildContext | undefined> {
    const entries = this.listings.list(absDir);
    if (!entries) return undefined;
    let specific: BuildContext['dockerignore'] | null = null;
    if (dockerfileAbs) {
      // Next to the Dockerfile in the context folder (the usual place), the listing says whether it is there.
      const inContext = path.dirname(dockerfileAbs) === absDir;
      const name = `${path.basename(dockerfileAbs)}.dockerignore`;
      if (!inContext || mayHave(entries, name)) specific = await this.ignoreFile(`${dockerfileAbs}.dockerignore`);
    }
    const dockerignore = specific ?? (mayHave(entries, '.dockerignore') ? await this.ignoreFile(path.join(absDir, '.dockerignore')) : null);
    return { dir: this.files.relative(absDir) || '.', entries, dockerignore: dockerignore ?? undefined };
  }

  private async ignoreFile(abs: string): Promise<BuildContext['dockerignore'] | null> {
    const known = this.matchers.get(abs);
    if (known !== undefined) return known;
    const r = await this.files.read(abs);
    const matcher = r.ok ? { path: r.file.path, ignores: this.matcherFor(r.file.text) } : null;
    this.matchers.set(abs, matcher);
    return matcher;
  }

  /** Compiled on first use: only `dockerignore-covers-context` asks, and it may be off. */
  private matcherFor(text: string): (relPath: string) => boolean {
    let ignores = this.compiled.get(text);
    if (!ignores) {
      let compiled: ((relPath: string) => boolean) | undefined;
      ignores = (p) => (compiled ??= dockerignoreMatcher(text))(p);
      this.compiled.set(text, ignores);
    }
    return ignores;
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
