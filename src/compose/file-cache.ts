import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../engine/types.js';
import { absolutePath, displayPath } from '../source/display-path.js';
import type { DirListings } from '../source/dir-listings.js';
import { SourceFile } from '../source/source-file.js';
import { MAX_FILE_BYTES, parseYamlFile } from './parse.js';
import type { YMap } from './ynode.js';

export interface FileProblem {
  message: string;
  span: Span;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; problem: FileProblem };
export type ParsedFile = { ok: true; file: SourceFile; root: YMap } | { ok: false; file?: SourceFile; problem: FileProblem };

const REASONS: Record<string, string> = {
  ENOENT: 'File not found',
  EACCES: 'Permission denied',
  EPERM: 'Permission denied',
  EISDIR: 'Is a directory, not a file',
  ELOOP: 'Too many symbolic links',
  ENOTDIR: 'A parent of this path is not a directory',
};

/**
 * Reads and parses each path once, however many stacks use it. Never throws: I/O errors
 * become problems. Reads are synchronous: on a local disk they cost a fraction of the
 * four awaited calls an async read makes, and loading waits for each file anyway.
 */
export class FileCache {
  private readonly texts = new Map<string, Promise<ReadResult>>();
  private readonly parsed = new Map<string, Promise<ParsedFile>>();
  private readonly root: string;

  /** `known`: texts already read (discovery reads small compose files whole to sniff them). */
  constructor(
    readonly cwd: string,
    private readonly known: ReadonlyMap<string, string> = new Map(),
    /** Folder listings already read: a file they do not hold is not looked for on disk. */
    private readonly listings?: DirListings,
  ) {
    this.root = path.resolve(cwd);
  }

  /** Path relative to the working directory with `/` separators, as reports show it. */
  relative(absPath: string): string {
    return displayPath(this.root, absolutePath(this.cwd, absPath));
  }

  read(absPath: string): Promise<ReadResult> {
    const key = absolutePath(this.cwd, absPath);
    let p = this.texts.get(key);
    if (!p) {
      p = this.load(key);
      this.texts.set(key, p);
    }
    return p;
  }

  parse(absPath: string): Promise<ParsedFile> {
    const key = absolutePath(this.cwd, absPath);
    let p = this.parsed.get(key);
    if (!p) {
      p = this.read(key).then((r): ParsedFile => {
        if (!r.ok) return r;
        const res = parseYamlFile(r.file);
        return res.ok ? { ok: true, file: r.file, root: res.root } : { ok: false, file: r.file, problem: res.problem };
      });
      this.parsed.set(key, p);
    }
    return p;
  }

  /** Drops a file's text and tree once no stack still to load needs them. */
  forget(absPath: string): void {
    const key = absolutePath(this.cwd, absPath);
    this.texts.delete(key);
    this.parsed.delete(key);
  }

  private async load(absPath: string): Promise<ReadResult> {
    const rel = this.relative(absPath);
    const known = this.known.get(absPath);
    if (known !== undefined) return { ok: true, file: new SourceFile(rel, known, absPath) };
    const fail = (message: string): ReadResult => ({
      ok: false,
      problem: { message, span: { file: rel, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } },
    });
    try {
      // Optional files (`.env`, `.env.example`, `.dockerignore`) are often absent: find out
      // without the cost of a thrown ENOENT.
      const st = this.listings?.mayExist(absPath) === false ? undefined : statSync(absPath, { throwIfNoEntry: false });
      if (!st) return fail(`Cannot read file: ${REASONS.ENOENT!}`);
      if (st.isDirectory()) return fail(REASONS.EISDIR!);
      if (st.size > MAX_FILE_BYTES) return fail(`File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return { ok: true, file: new SourceFile(rel, readFileSync(absPath, 'utf8'), absPath) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      return fail(`Cannot read file: ${REASONS[code] ?? (e as Error).message}`);
    }
  }
}
