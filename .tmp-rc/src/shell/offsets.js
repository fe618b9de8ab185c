export const identityMapper = (start, end) => [start, end];
export function shiftMapper(delta) {
    return (start, end) => [start + delta, end + delta];
}
/** Every inner range maps to the whole `[start, end)`: used when exact positions are unknown. */
export function coarseMapper(start, end) {
    return () => [start, end];
}
/**
 * A mapper from a per-character table: `map[i]` is the outer offset of inner character `i`,
 * `map[length]` the outer offset just after the content.
 */
export function tableMapper(map) {
    const last = map.length - 1;
    const at = (i) => map[Math.max(0, Math.min(i, last))];
    return (start, end) => (end <= start ? [at(start), at(start)] : [at(start), at(end - 1) + 1]);
}
/** `outer(inner(range))`. */
export function composeMappers(inner, outer) {
    return (start, end) => {
        const [s, e] = inner(start, end);
        return outer(s, e);
    };
}
/** Computes a mapper on first use: most words are never looked into. */
export function lazyMapper(make) {
    let m;
    return (start, end) => (m ??= make())(start, end);
}
export function mapWord(w, map) {
    const [start, end] = map(w.start, w.end);
    return { text: w.text, start, end };
}
export function mapCommand(c, map) {
    const [start, end] = map(c.start, c.end);
    const words = c.words.map((w) => mapWord(w, map));
    return { ...c, words, args: words.slice(1), start, end };
}
