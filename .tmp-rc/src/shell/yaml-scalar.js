import { coarseMapper, tableMapper } from './offsets.js';
/** Escapes of YAML double-quoted scalars that stand for one character. */
const ESCAPES = {
    '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
    ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
/**
 * Aligns a scalar's string `value` with its source `[start, end)` in any style (plain, quoted,
 * block, folded, multi-line): `map[i]` is the file offset of value character `i`. Returns
 * null when the two do not line up (the value was interpolated, or uses `\x`-style escapes).
 */
export function alignScalar(source, start, end, value) {
    let j = start;
    const first = source[j];
    const style = first === '"' ? 'double' : first === "'" ? 'single' : first === '|' || first === '>' ? 'block' : 'plain';
    if (style === 'double' || style === 'single')
        j++;
    if (style === 'block') {
        const nl = source.indexOf('\n', j);
        if (nl === -1 || nl >= end)
            return value === '' ? [end] : null;
        j = nl + 1;
    }
    const map = [];
    for (let i = 0; i < value.length;) {
        if (j >= end)
            return null;
        const v = value[i];
        const s = source[j];
        if (style === 'double' && s === '\\') {
            const next = source[j + 1];
            if (next === '\n' || next === '\r') {
                // An escaped line break: it and the next line's indentation vanish.
                j += 2;
                while (j < end && isSpace(source[j]))
                    j++;
                continue;
            }
            if (next === undefined || ESCAPES[next] !== v)
                return null;
            map.push(j);
            i++;
            j += 2;
        }
        else if (style === 'single' && s === "'") {
            if (source[j + 1] !== "'" || v !== "'")
                return null;
            map.push(j);
            i++;
            j += 2;
        }
        else if (v === s) {
            map.push(j);
            i++;
            j++;
        }
        else if (isSpace(s)) {
            // Folding: a line break (and the indentation after it) stands for one space, or nothing.
            if (isSpace(v)) {
                map.push(j);
                i++;
            }
            j++;
        }
        else {
            return null;
        }
    }
    map.push(j);
    return map;
}
/**
 * A mapper from offsets in a scalar's text as written (`raw`, else its value) to file offsets,
 * exact where the text can be aligned with the file and the whole scalar's span otherwise.
 */
export function scalarMapper(node, file) {
    const { start, end } = node.span;
    if (!file)
        return coarseMapper(start, end);
    const map = alignScalar(file.text, start, end, scalarText(node));
    return map ? tableMapper(map) : coarseMapper(start, end);
}
/** The scalar's text as written, before interpolation. */
export function scalarText(node) {
    return node.raw ?? (node.value === null ? '' : String(node.value));
}
