export const isMap = (n) => n?.kind === 'map';
export const isSeq = (n) => n?.kind === 'seq';
export const isScalar = (n) => n?.kind === 'scalar';
export function getPair(map, key) {
    if (!isMap(map))
        return undefined;
    // Last wins, like a YAML loader that allowed duplicates; the parser rejects duplicates anyway.
    for (let i = map.pairs.length - 1; i >= 0; i--)
        if (map.pairs[i].key === key)
            return map.pairs[i];
    return undefined;
}
export function get(map, key) {
    return getPair(map, key)?.value;
}
/** Walks a path of keys and indexes: `at(root, 'services', 'api', 'ports', 0)`. */
export function at(node, ...path) {
    let cur = node;
    for (const step of path) {
        if (cur === undefined)
            return undefined;
        cur = typeof step === 'number' ? (isSeq(cur) ? cur.items[step] : undefined) : get(cur, step);
    }
    return cur;
}
/** The scalar's value as a string (numbers and booleans as written by YAML), else undefined. */
export function str(node) {
    if (!isScalar(node) || node.value === null)
        return undefined;
    return String(node.value);
}
/** Plain JavaScript value of a node (for schema validation and `resolve` output). */
export function toJS(node) {
    if (node === undefined)
        return undefined;
    switch (node.kind) {
        case 'scalar':
            return node.value;
        case 'seq':
            return node.items.map(toJS);
        case 'map': {
            const out = {};
            for (const p of node.pairs)
                out[p.key] = toJS(p.value);
            return out;
        }
    }
}
