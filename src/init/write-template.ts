import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../fix/write-file.js';
import type { RenderedFile } from './render.js';

/** The rendered files that already exist in `dir`: init refuses to overwrite them without --force. */
export function existingFiles(dir: string, files: readonly RenderedFile[]): string[] {
  return files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
}

/** Writes each file whole (temporary file, then rename), creating folders as needed. */
export function writeRendered(dir: string, files: readonly RenderedFile[]): void {
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, f.text);
  }
}
