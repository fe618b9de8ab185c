/**
 * Reads a version out of an image tag: `16.4-alpine` → [16, 4], `v1.7.4` → [1, 7, 4],
 * `18beta1` → [18]. Tags without a leading number (`latest`, `alpine`, `bookworm`) have no
 * version: callers decide what "unknown" means for their image.
 */
export type Version = number[];

const LEADING_NUMBER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?!\d)/;

/**
 * `pattern` picks the version out of tags that carry it elsewhere (`pg17`, `0.8.0-pg17`): its
 * first capture group onward are the numeric parts.
 */
export function parseVersion(tag: string | undefined, pattern: RegExp = LEADING_NUMBER): Version | undefined {
  if (!tag) return undefined;
  const m = pattern.exec(tag);
  if (!m) return undefined;
  const parts = m.slice(1).filter((p): p is string => p !== undefined).map(Number);
  return parts.length > 0 && parts.every(Number.isFinite) ? parts : undefined;
}

/** Compares major versions only: the data layouts we track change at major releases. */
export function majorInRange(version: Version, since?: number, until?: number): boolean {
  const major = version[0]!;
  return (since === undefined || major >= since) && (until === undefined || major <= until);
}
