/**
 * Variable substitution in instruction words, as BuildKit's shell lexer does it for FROM, USER,
 * ENV, WORKDIR, COPY, EXPOSE, ARG: `$V`, `${V}`, `${V:-d}`, `${V-d}`, `${V:+r}`, `${V+r}`,
 * `${V:?e}`, `${V?e}`, `${V#p}`, `${V##p}`, `${V%p}`, `${V%%p}`; quotes removed. A variable
 * without a known value makes the result unresolved rather than silently empty.
 */

/** A variable's value, or undefined when it has none (unset, or only known at build time). */
export type Lookup = (name: string) => string | undefined;

export interface Expanded {
  value: string;
  /** False when a variable without a value was needed. */
  resolved: boolean;
  /** Variables referenced without a value and without a default. */
  missing: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function expandWord(raw: string, lookup: Lookup, escape: string): Expanded {
  const missing: string[] = [];
  if (!raw.includes('$') && !/["'`\\]/.test(raw)) return { value: raw, resolved: true, missing };
  const value = expandText(raw, lookup, escape, missing, true);
  return { value, resolved: missing.length === 0, missing };
}

function expandText(raw: string, lookup: Lookup, escape: string, missing: string[], removeQuotes: boolean): string {
  let out = '';
  let quote = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else out += c;
      i++;
    } else if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      // Inside double quotes only a few characters are escapable.
      out += quote === '"' && !['$', '"', escape].includes(next) ? c + next : next;
      i += 2;
    } else if (removeQuotes && c === '"' && quote === '"') {
      quote = '';
      i++;
    } else if (removeQuotes && !quote && (c === '"' || c === "'")) {
      quote = c;
      i++;
    } else if (c === '$') {
      const r = expandVar(raw, i + 1, lookup, escape, missing);
      out += r.text;
      i = r.next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function expandVar(raw: string, i: number, lookup: Lookup, escape: string, missing: string[]): { text: string; next: number } {
  if (raw[i] !== '{') {
    if (!NAME_START.test(raw[i] ?? '')) return { text: '$', next: i };
    let j = i + 1;
    while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
    const name = raw.slice(i, j);
    const v = lookup(name);
    if (v === undefined) missing.push(name);
    return { text: v ?? '', next: j };
  }
  let j = i + 1;
  while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
  const name = raw.slice(i + 1, j);
  const close = matchingBrace(raw, j, escape);
  if (!name || close === -1) {
    missing.push(raw.slice(i - 1));
    return { text: '', next: raw.length };
  }
  const op = /^(:?[-+?]|##?|%%?)/.exec(raw.slice(j, close))?.[0] ?? '';
  const word = raw.slice(j + op.length, close);
  if (op === '' && j !== close) {
    // `${V/x/y}` and other forms we do not evaluate.
    missing.push(name);
    return { text: '', next: close + 1 };
  }
  const v = lookup(name);
  const sub = () => expandText(word, lookup, escape, missing, true);
  let text: string;
  switch (op) {
    case '':
      if (v === undefined) missing.push(name);
      text = v ?? '';
      break;
    case ':-':
      text = v ? v : sub();
      break;
    case '-':
      text = v !== undefined ? v : sub();
      break;
    case ':+':
      text = v ? sub() : '';
      break;
    case '+':
      text = v !== undefined ? sub() : '';
      break;
    case ':?':
    case '?':
      if (v === undefined || (op === ':?' && v === '')) missing.push(name);
      text = v ?? '';
      break;
    default: {
      if (v === undefined) {
        missing.push(name);
        text = '';
      } else text = trimPattern(v, op, sub());
    }
  }
  return { text, next: close + 1 };
}

function matchingBrace(raw: string, from: number, escape: string): number {
  let depth = 1;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === escape) i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `#`/`##` remove a shortest/longest matching prefix, `%`/`%%` a suffix; `*` and `?` are globs. */
function trimPattern(value: string, op: string, pattern: string): string {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const lazy = op.length === 1;
  if (op[0] === '#') {
    for (let n = lazy ? 0 : value.length; lazy ? n <= value.length : n >= 0; n += lazy ? 1 : -1)
      if (new RegExp(`^(?:${re})$`).test(value.slice(0, n))) return value.slice(n);
    return value;
  }
  for (let n = lazy ? value.length : 0; lazy ? n >= 0 : n <= value.length; n += lazy ? -1 : 1)
    if (new RegExp(`^(?:${re})$`).test(value.slice(n))) return value.slice(0, n);
  return value;
}
