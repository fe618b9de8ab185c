import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import type { Diagnostic } from '../../src/engine/types.js';
import { fixLoop, type FixOutcome } from '../../src/fix/fix-loop.js';
import { writeFileAtomic } from '../../src/fix/write-file.js';

export interface FixFilesOptions {
  unsafe?: boolean;
  /** Only these rules' fixes. */
  rules?: string[];
  environment?: string;
}

export interface FixedFiles {
  /** Every file after fixing, by path relative to the folder (unchanged ones included). */
  files: Record<string, string>;
  outcome: FixOutcome;
  /** What a lint of the fixed files reports. */
  remaining: Diagnostic[];
  /** Changes a second fix of the fixed files would make (fixes are idempotent: none). */
  second: FixOutcome['changes'];
}

/**
 * Writes `files` to a fresh folder, fixes it as `ragcheck fix` does (writing the files), and
 * fixes the result a second time, so tests see the fixed text, what remains, and whether
 * fixing is idempotent.
 */
export async function fixFiles(files: Record<string, string>, opts: FixFilesOptions = {}): Promise<FixedFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-fix-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const run = () => fixLoop({
      cwd: dir,
      filter: { unsafe: opts.unsafe === true, ...(opts.rules && { rules: new Set(opts.rules) }) },
      lint: (overrides) => lint({ cwd: dir, paths: ['.'], environment: opts.environment, overrides }),
    });
    const outcome = await run();
    for (const c of outcome.changes) writeFileAtomic(c.absPath, c.after);
    const second = (await run()).changes;
    const out: Record<string, string> = {};
    for (const name of new Set([...Object.keys(files), ...outcome.changes.map((c) => c.path)])) out[name] = await readFile(join(dir, name), 'utf8');
    const { diagnostics } = await lint({ cwd: dir, paths: ['.'], environment: opts.environment });
    return { files: out, outcome, remaining: diagnostics, second };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Fixes `files` with one rule's fixes and checks what every such fix must give: no finding of
 * the rule left that a fix could address, and nothing for a second fix to change.
 */
export async function fixWithRule(id: string, files: Record<string, string>, unsafe: boolean): Promise<FixedFiles> {
  const r = await fixFiles(files, { rules: [id], unsafe });
  expect(r.remaining.filter((d) => d.ruleId === id && d.fix)).toEqual([]);
  expect(r.second).toEqual([]);
  return r;
}
