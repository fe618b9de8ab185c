import path from 'node:path';

/** Both paths absolute and normalised, so a prefix test is enough (and much cheaper than path.relative). */
export function isInside(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** How reports show a path: relative to the working directory (absolute, normalised), `/`-separated. */
export function displayPath(cwd: string, abs: string): string {
  const rel = isInside(cwd, abs) ? abs.slice(cwd.length + (cwd.endsWith(path.sep) ? 0 : 1)) : path.relative(cwd, abs);
  const shown = rel === '' ? '.' : rel;
  return path.sep === '/' ? shown : shown.split(path.sep).join('/');
}

/** `//`, or a `.` or `..` segment: what path.resolve would rewrite. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)/;

/**
 * `p` resolved against `cwd`. Paths from discovery are already absolute and normalised: they
 * are returned as they are, without path.resolve's walk over every character (hot: each file
 * read, parsed and shown goes through here).
 */
export function absolutePath(cwd: string, p: string): string {
  const plain = path.sep === '/' && p.charCodeAt(0) === 47 /* / */ && (p.length === 1 || p.charCodeAt(p.length - 1) !== 47) && !NOT_NORMAL.test(p);
  return plain ? p : path.resolve(cwd, p);
}
