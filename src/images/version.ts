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

/**
 * Whether `version` lies in [since, until], each bound compared on as many parts as it has
 * (`until: [8, 15]` holds all of 8.15.x). Undefined when the version is too short to tell:
 * `3.5` against `since: [3, 5, 7]` could be either.
 */
export function inRange(version: Version, since?: Version, until?: Version): boolean | undefined {
  const lo = since ? compareTo(version, since) : 1;
  const hi = until ? compareTo(version, until) : -1;
  if (lo === undefined || hi === undefined) {
    // Still decided when the other bound already excludes it.
    return lo === -1 || hi === 1 ? false : undefined;
  }
  return lo >= 0 && hi <= 0;
}

/** -1, 0 or 1 comparing the first `bound.length` parts; undefined when `version` has fewer. */
function compareTo(version: Version, bound: Version): -1 | 0 | 1 | undefined {
  for (let i = 0; i < bound.length; i++) {
    const v = version[i];
    if (v === undefined) return undefined;
    if (v !== bound[i]) return v < bound[i]! ? -1 : 1;
  }
  return 0;
}
