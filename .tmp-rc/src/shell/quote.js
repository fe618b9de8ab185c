/** Characters a backslash escapes inside double quotes (POSIX). */
const DQ_ESCAPABLE = '$`"\\';
/** Removes quotes and backslashes from one shell word as written (`"a b"'c'd\ e`). */
export function unquoteWord(src, offset = 0) {
    let text = '';
    const map = [];
    let quote = null;
    const put = (ch, at) => {
        text += ch;
        map.push(offset + at);
    };
    for (let j = 0; j < src.length; j++) {
        const ch = src[j];
        if (quote === "'") {
            if (ch === "'")
                quote = null;
            else
                put(ch, j);
        }
        else if (ch === '\\' && j + 1 < src.length) {
            const next = src[j + 1];
            if (next === '\n')
                j++; // line continuation: both vanish
            else if (quote === '"' && !DQ_ESCAPABLE.includes(next))
                put(ch, j);
            else
                put(src[++j], j);
        }
        else if (ch === '"') {
            quote = quote ? null : '"';
        }
        else if (ch === "'" && !quote) {
            quote = "'";
        }
        else {
            put(ch, j);
        }
    }
    map.push(offset + src.length);
    return { text, map };
}
