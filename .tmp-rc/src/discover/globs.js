import path from 'node:path';
import picomatch from 'picomatch';
/**
 * Config globs (`ignore:`, `include:`), relative to the config's folder. As in .gitignore, a
 * pattern without a slash matches a file or folder name at any depth (`*.bak.yaml`, `vendor`);
 * a pattern with one matches the path from the config folder (`deploy/**`). A match on a folder
 * covers everything inside it.
 */
export class GlobSet {
    baseDir;
    byPath;
    byName;
    constructor(patterns, baseDir) {
        this.baseDir = baseDir;
        const clean = patterns.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, '')).filter((p) => p !== '');
        const withSlash = clean.filter((p) => p.includes('/'));
        const withoutSlash = clean.filter((p) => !p.includes('/'));
        // Separate matchers: picomatch's basename option misreads slash patterns compiled beside them.
        this.byPath = withSlash.length ? picomatch(withSlash, { dot: true }) : undefined;
        this.byName = withoutSlash.length ? picomatch(withoutSlash, { dot: true }) : undefined;
    }
    get empty() {
        return !this.byPath && !this.byName;
    }
    /** Whether the path itself matches (its folders already checked, as in a walk). */
    matchesEntry(abs) {
        if (this.empty)
            return false;
        const rel = this.relative(abs);
        if (rel === undefined)
            return false;
        return this.test(rel);
    }
    /** Whether the path or any folder above it (up to the config folder) matches. */
    matchesPathOrParent(abs) {
        if (this.empty)
            return false;
        const rel = this.relative(abs);
        if (rel === undefined)
            return false;
        const parts = rel.split('/');
        for (let i = 1; i <= parts.length; i++)
            if (this.test(parts.slice(0, i).join('/')))
                return true;
        return false;
    }
    test(rel) {
        if (this.byPath?.(rel))
            return true;
        return this.byName?.(rel.slice(rel.lastIndexOf('/') + 1)) ?? false;
    }
    /** Relative `/` path from the config folder; undefined outside it, where the globs do not reach. */
    relative(abs) {
        const rel = path.relative(this.baseDir, abs);
        if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
            return undefined;
        return rel.split(path.sep).join('/');
    }
}
