import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

interface Level {
  dir: string;
  rules: Ignore;
}

/**
 * .gitignore files from the repository root (the nearest folder holding `.git`, or the
 * filesystem root) down to each folder, applied like git: deeper files override shallower ones
 * and `!pattern` re-includes. `.git/info/exclude` and the global excludes file are not read:
 * they are one person's settings, and lint results should not depend on them.
 */
export class GitIgnoreIndex {
  private readonly chains = new Map<string, Level[]>();

  /** `tops`: folders treated as repository roots (no .gitignore above them applies). */
  constructor(private readonly tops: ReadonlySet<string> = new Set()) {}

  /**
   * Ignore levels that apply inside `dir`. `listed` (answering from the folder's entries, when
   * already read) saves the lookups for `.git` and `.gitignore`.
   */
  levels(dir: string, listed?: (name: string) => boolean): Level[] {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.build(dir, listed);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  isIgnored(abs: string, isDir: boolean): boolean {
    return matches(this.levels(path.dirname(abs)), abs, isDir);
  }

  private build(dir: string, listed?: (name: string) => boolean): Level[] {
    const has = listed ?? ((name: string) => existsSync(path.join(dir, name)));
    const parent = path.dirname(dir);
    const inherited = has('.git') || this.tops.has(dir) || parent === dir ? [] : this.levels(parent);
    if (!has('.gitignore')) return inherited;
    let text: string;
    try {
      text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    } catch {
      return inherited;
    }
    return [...inherited, { dir, rules: ignore().add(text) }];
  }
}

export function matches(levels: Level[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const rel = path.relative(level.dir, abs).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const r = level.rules.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}
