/**
 * Writes the benchmark corpus once and reuses it while the generator is unchanged: its
 * version is a hash of the generator's own code, so editing a template regenerates it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStack } from './generate-stack.js';
import { stackSeed } from './prng.js';

/** The modules whose output is the corpus; any change to them means new files. */
const GENERATOR_MODULES = ['prng.js', 'yaml-text.js', 'stack-plan.js', 'compose-services.js', 'compose-files.js', 'dockerfiles.js', 'generate-stack.js', 'corpus.js'];
const STAMP = '.generator.json';

export interface CorpusOptions {
  dir: string;
  stacks: number;
  seed: number;
  /** Stacks per top-level folder; a folder is the fixed subset slow tools are timed on. */
  groupSize: number;
}

export interface Corpus {
  dir: string;
  /** Top-level folders, in order: `g00`, `g01`, … */
  groups: string[];
  stacks: number;
  generated: boolean;
  seconds: number;
}

export function generatorVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const m of GENERATOR_MODULES) hash.update(readFileSync(join(here, m)));
  return hash.digest('hex').slice(0, 16);
}

export function ensureCorpus(o: CorpusOptions): Corpus {
  const started = process.hrtime.bigint();
  const stamp = { version: generatorVersion(), stacks: o.stacks, seed: o.seed, groupSize: o.groupSize };
  const groups = Array.from({ length: Math.ceil(o.stacks / o.groupSize) }, (_, g) => `g${String(g).padStart(2, '0')}`);
  const stampPath = join(o.dir, STAMP);
  const current = existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : '';
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  if (current === JSON.stringify(stamp)) return { dir: o.dir, groups, stacks: o.stacks, generated: false, seconds: seconds() };

  // Built beside the old corpus and swapped in whole, so an interrupted run never leaves half a corpus behind a valid stamp.
  const tmp = `${o.dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  // The corpus stands for a checkout of many projects: a repository root of its own, so the
  // `.gitignore` that hides `.bench/` from this project does not hide the corpus from the linter.
  mkdirSync(join(tmp, '.git'), { recursive: true });
  for (let i = 0; i < o.stacks; i++) {
    const stack = generateStack(stackSeed(o.seed, i), i);
    const base = join(tmp, groups[Math.floor(i / o.groupSize)]!, stack.dir);
    for (const [rel, text] of stack.files) {
      const file = join(base, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  writeFileSync(join(tmp, STAMP), JSON.stringify(stamp));
  rmSync(o.dir, { recursive: true, force: true });
  renameSync(tmp, o.dir);
  return { dir: o.dir, groups, stacks: o.stacks, generated: true, seconds: seconds() };
}
