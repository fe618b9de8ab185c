/** A path inside a container as compared here: `//` collapsed, no trailing `/` (except `/`). */
export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
