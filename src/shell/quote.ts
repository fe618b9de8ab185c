/**
 * Shell quote removal that remembers where each character came from, so a position inside a
 * `sh -c "…"` body maps back to the outer text.
 */
export interface Unquoted {
  text: string;
  /** `map[i]`: offset in the source where character `i` begins; `map[text.length]`: the source's end. */
  map: number[];
  /** `ends[i]`: offset just after character `i` in the source (past `\x` for an escape). */
  ends: number[];
}

/** Characters a backslash escapes inside double quotes (POSIX). */
const DQ_ESCAPABLE = '$`"\\';

/** Removes quotes and backslashes from one shell word as written (`"a b"'c'd\ e`). */
export function unquoteWord(src: string, offset = 0): Unquoted {
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  let quote: '"' | "'" | null = null;
  const put = (ch: string, at: number, end = at + 1) => {
    text += ch;
    map.push(offset + at);
    ends.push(offset + end);
  };
  for (let j = 0; j < src.length; j++) {
    const ch = src[j]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else put(ch, j);
    } else if (ch === '\\' && j + 1 < src.length) {
      const next = src[j + 1]!;
      if (next === '\n') j++; // line continuation: both vanish
      else if (quote === '"' && !DQ_ESCAPABLE.includes(next)) put(ch, j);
      else {
        put(next, j, j + 2);
        j++;
      }
    } else if (ch === '"') {
      quote = quote ? null : '"';
    } else if (ch === "'" && !quote) {
      quote = "'";
    } else {
      put(ch, j);
    }
  }
  map.push(offset + src.length);
  return { text, map, ends };
}
