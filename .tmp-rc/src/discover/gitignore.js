import { promises as fs } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
/**
 * .gitignore files from the repository root (the nearest folder holding `.git`, or the
 * filesystem root) down to each folder, applied like git: deeper files override shallower ones
 * and `!pattern` re-includes. `.git/info/exclude` and the global excludes file are not read:
 * they are one person's settings, and lint results should not depend on them.
 */
export class GitIgnoreIndex {
    chains = new Map();
    /**
     * Ignore levels that apply inside `dir`. `names` (the folder's entries, when already read)
     * saves the lookups for `.git` and `.gitignore`.
     */
    levels(dir, names) {
        let chain = this.chains.get(dir);
        if (!chain) {
            chain = this.build(dir, names);
            this.chains.set(dir, chain);
        }
        return chain;
    }
    async isIgnored(abs, isDir) {
        return matches(await this.levels(path.dirname(abs)), abs, isDir);
    }
    async build(dir, names) {
        const has = async (name) => (names ? names.has(name) : exists(path.join(dir, name)));
        const parent = path.dirname(dir);
        const inherited = (await has('.git')) || parent === dir ? [] : await this.levels(parent);
        if (!(await has('.gitignore')))
            return inherited;
        const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8').catch(() => undefined);
        if (text === undefined)
            return inherited;
        return [...inherited, { dir, rules: ignore().add(text) }];
    }
}
export function matches(levels, abs, isDir) {
    let ignored = false;
    for (const level of levels) {
        const rel = path.relative(level.dir, abs).split(path.sep).join('/');
        if (rel === '' || rel.startsWith('..'))
            continue;
        const r = level.rules.test(isDir ? `${rel}/` : rel);
        if (r.ignored)
            ignored = true;
        else if (r.unignored)
            ignored = false;
    }
    return ignored;
}
async function exists(p) {
    return fs.access(p).then(() => true, () => false);
}
