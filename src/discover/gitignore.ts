import { promises as fs } from 'node:fs';
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
  private readonly chains = new Map<string, Promise<Level[]>>();

  /**
   * Ignore levels that apply inside `dir`. `names` (the folder's entries, when already read)
   * saves the lookups for `.git` and `.gitignore`.
   */
  levels(dir: string, names?: ReadonlySet<string>): Promise<Level[]> {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.build(dir, names);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  async isIgnored(abs: string, isDir: boolean): Promise<boolean> {
    return matches(await this.levels(path.dirname(abs)), abs, isDir);
  }

  private async build(dir: string, names?: ReadonlySet<string>): Promise<Level[]> {
    const has = async (name: string) => (names ? names.has(name) : exists(path.join(dir, name)));
    const parent = path.dirname(dir);
    const inherited = (await has('.git')) || parent === dir ? [] : await this.levels(parent);
    if (!(await has('.gitignore'))) return inherited;
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (text === undefined) return inherited;
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

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
