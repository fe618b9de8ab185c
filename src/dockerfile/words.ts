/** Word-level lexing of instruction arguments, the way BuildKit's parser splits them. */

export interface RawWord {
  /** The word as written, quotes and escapes kept. */
  raw: string;
  /** `[start, end)` in the text that was split. */
  start: number;
  end: number;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Whitespace-separated words; quotes and the escape character keep whitespace inside a word. */
export function splitWords(text: string, escape: string, from = 0, to = text.length): RawWord[] {
  const out: RawWord[] = [];
  const esc = escape.charCodeAt(0);
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let quote = 0;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === esc && quote === 34) i++;
      } else if (c === esc) i++;
      else if (c === 39 || c === 34) quote = c;
      else if (isSpace(c)) break;
    }
    i = Math.min(i, to);
    out.push({ raw: text.slice(start, i), start, end: i });
  }
  return out;
}

/** Removes quotes and escapes (no variable expansion). */
export function unquote(raw: string, escape: string): string {
  if (!/["'`\\]/.test(raw)) return raw;
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else out += c;
    } else if (c === escape && i + 1 < raw.length) {
      out += raw[++i];
    } else if (quote === '"' && c === '"') quote = '';
    else if (!quote && (c === '"' || c === "'")) quote = c;
    else out += c;
  }
  return out;
}

export interface RawFlag {
  name: string;
  value?: string;
  start: number;
  end: number;
}

/**
 * Leading `--name[=value]` words (BuildKit's extractBuilderFlags: backslash and quotes inside a
 * flag word, a bare `--` ends the flags). Returns the flags and where the arguments start.
 */
export function extractFlags(text: string, from: number): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i + 1 >= n || text[i] !== '-' || text[i + 1] !== '-') return { flags, rest: i };
    const start = i;
    let word = '';
    let quote = '';
    for (; i < n; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && i + 1 < n) word += text[++i];
        else word += c;
      } else if (isSpace(c.charCodeAt(0))) break;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '\\') {
        if (i + 1 < n) word += text[++i];
      } else word += c;
    }
    if (word === '--') {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      return { flags, rest: i };
    }
    const eq = word.indexOf('=');
    const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
    flags.push(eq === -1 ? { name, start, end: i } : { name, value: word.slice(eq + 1), start, end: i });
  }
}

export interface JsonStrings {
  values: string[];
  /** `[start, end)` of each string literal, quotes included, in the parsed text. */
  ranges: [number, number][];
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON array of strings with each string's range, or undefined when the text is not exactly
 * that (Docker then falls back to the shell form).
 */
export function parseJsonStrings(text: string, from = 0): JsonStrings | undefined {
  const n = text.length;
  let i = from;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  ws();
  if (text[i] !== '[') return undefined;
  i++;
  const values: string[] = [];
  const ranges: [number, number][] = [];
  ws();
  if (text[i] === ']') {
    i++;
  } else {
    for (;;) {
      ws();
      if (text[i] !== '"') return undefined;
      const start = i++;
      let s = '';
      // Plain runs are sliced whole: concatenating per character makes a string per character.
      let run = i;
      for (;;) {
        if (i >= n) return undefined;
        const c = text.charCodeAt(i++);
        if (c === 34) break;
        if (c < 32) return undefined;
        if (c !== 92) continue;
        s += text.slice(run, i - 1);
        const e = text[i++];
        if (e === 'u') {
          const hex = text.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
          s += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else if (e !== undefined && e in JSON_ESCAPES) s += JSON_ESCAPES[e];
        else return undefined;
        run = i;
      }
      values.push(s + text.slice(run, i - 1));
      ranges.push([start, i]);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        break;
      }
      return undefined;
    }
  }
  ws();
  return i === n ? { values, ranges } : undefined;
}
