import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `files` (relative path → text) under a fresh temp folder and returns its real path. */
export async function makeTree(files: Record<string, string>): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ragcheck-discover-')));
  await writeTree(root, files);
  return root;
}

export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, text);
  }
}

export async function removeTree(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

export const COMPOSE = 'services:\n  api:\n    image: python:3.12\n';
