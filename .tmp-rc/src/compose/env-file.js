import { expandString } from './interpolate.js';
/** Characters Compose accepts in a variable name in a `.env` file. */
const KEY_CHAR = /[A-Za-z0-9_.\-[\]]/;
/** Escapes a double-quoted value understands; anything else keeps its backslash. */
const ESCAPES = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '$$', a: '\x07', b: '\b', f: '\f', v: '\v' };
/**
 * Parses a `.env` file like Compose: `KEY=VAL`, `export KEY=VAL`, `#` comments, single quotes
 * (literal), double quotes (escapes, interpolation, may span lines), unquoted values (trimmed,
 * ` #` starts a comment, interpolation). `lookup` holds variables from earlier files; a value
 * may also use keys defined earlier in this file. A bare `KEY` line takes `lookup[KEY]` if set.
 */
export function parseEnvFile(file, lookup = {}) {
    const text = file.text;
    const values = {};
    const entries = [];
    const problems = [];
    // Built only for values that use `$`: earlier files, then keys defined above in this file.
    const scope = () => ({ ...lookup, ...values });
    let i = 0;
    const n = text.length;
    while (i < n) {
        // Skip blank space and comment lines.
        while (i < n && /[ \t\r\n]/.test(text[i]))
            i++;
        if (i >= n)
            break;
        if (text[i] === '#') {
            i = lineEnd(text, i);
            continue;
        }
        if (text.startsWith('export ', i) || text.startsWith('export\t', i)) {
            i += 7;
            while (i < n && (text[i] === ' ' || text[i] === '\t'))
                i++;
        }
        const keyStart = i;
        while (i < n && KEY_CHAR.test(text[i]))
            i++;
        const key = text.slice(keyStart, i);
        const keySpan = file.span(keyStart, i);
        let j = i;
        while (j < n && (text[j] === ' ' || text[j] === '\t'))
            j++;
        const eol = lineEnd(text, i);
        if (key === '' || (j < n && text[j] !== '=' && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '#')) {
            problems.push({ message: `Unexpected character ${JSON.stringify(text[key === '' ? keyStart : j] ?? '')} in variable name`, span: file.span(key === '' ? keyStart : j, (key === '' ? keyStart : j) + 1) });
            i = eol;
            continue;
        }
        if (text[j] !== '=') {
            // `KEY` alone: inherited from the environment when it is set there.
            const inherited = lookup[key];
            if (inherited !== undefined) {
                values[key] = inherited;
                entries.push({ key, value: inherited, keySpan, valueSpan: file.span(i, i) });
            }
            i = eol;
            continue;
        }
        i = j + 1;
        while (i < n && (text[i] === ' ' || text[i] === '\t'))
            i++;
        const valueStart = i;
        const q = text[i];
        let value;
        let valueEnd;
        if (q === "'" || q === '"') {
            const close = closingQuote(text, i + 1, q);
            if (close === -1) {
                problems.push({ message: `Unterminated quoted value for ${key}`, span: file.span(valueStart, eol) });
                i = eol;
                continue;
            }
            const inner = text.slice(i + 1, close);
            valueEnd = close + 1;
            value = q === "'" ? inner : inner.replace(/\\(.)/gs, (m, c) => ESCAPES[c] ?? m);
            i = lineEnd(text, valueEnd);
            if (q === "'") {
                values[key] = value;
                entries.push({ key, value, keySpan, valueSpan: file.span(valueStart, valueEnd) });
                continue;
            }
        }
        else {
            let end = text[eol - 1] === '\n' ? eol - 1 : eol;
            const hash = text.slice(i, end).search(/[ \t]#/);
            if (hash !== -1)
                end = i + hash;
            while (end > i && /[ \t\r]/.test(text[end - 1]))
                end--;
            value = text.slice(i, end);
            valueEnd = end;
            i = eol;
        }
        const expanded = value.includes('$') ? expandString(value, scope()) : undefined;
        if (expanded) {
            for (const e of expanded.errors)
                problems.push({ message: e, span: file.span(valueStart, valueEnd) });
            if (expanded.value !== undefined)
                value = expanded.value;
        }
        values[key] = value;
        entries.push({ key, value, keySpan, valueSpan: file.span(valueStart, valueEnd) });
    }
    return { values, entries, problems };
}
function lineEnd(text, from) {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? text.length : nl + 1;
}
function closingQuote(text, from, q) {
    for (let i = from; i < text.length; i++) {
        if (text[i] === '\\' && q === '"')
            i++;
        else if (text[i] === q)
            return i;
    }
    return -1;
}
