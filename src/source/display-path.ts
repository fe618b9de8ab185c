import path from 'node:path';

/** Both paths absolute and normalised, so a prefix test is enough (and much cheaper than path.relative). */
export function isInside(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/** How reports show a path: relative to the working directory (absolute, normalised), `/`-separated. */
export function displayPath(cwd: string, abs: string): string {
  const rel = isInside(cwd, abs) ? abs.slice(cwd.length + (cwd.endsWith(path.sep) ? 0 : 1)) : path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
