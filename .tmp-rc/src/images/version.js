const LEADING_NUMBER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?!\d)/;
/**
 * `pattern` picks the version out of tags that carry it elsewhere (`pg17`, `0.8.0-pg17`): its
 * first capture group onward are the numeric parts.
 */
export function parseVersion(tag, pattern = LEADING_NUMBER) {
    if (!tag)
        return undefined;
    const m = pattern.exec(tag);
    if (!m)
        return undefined;
    const parts = m.slice(1).filter((p) => p !== undefined).map(Number);
    return parts.length > 0 && parts.every(Number.isFinite) ? parts : undefined;
}
/** Compares major versions only: the data layouts we track change at major releases. */
export function majorInRange(version, since, until) {
    const major = version[0];
    return (since === undefined || major >= since) && (until === undefined || major <= until);
}
