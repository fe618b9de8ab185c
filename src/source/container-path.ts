/** A path inside a container as compared here: `//` collapsed, no trailing `/` (except `/`). */
export function normalizePath(path: string): string {
  // Most paths are already normal: skip the two regex replaces (and their copies) for them.
  if (!path.includes('//') && (path.length <= 1 || path.charCodeAt(path.length - 1) !== 0x2f)) return path;
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
