import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { expandString } from './interpolate.js';

export interface EnvFileEntry {
  key: string;
  value: string;
  keySpan: Span;
  /** Span of the value as written, quotes included. */
  valueSpan: Span;
}

export interface EnvFileResult {
  values: Record<string, string>;
  entries: EnvFileEntry[];
  problems: { message: string; span: Span }[];
}

/** Characters Compose accepts in a variable name in a `.env` file: `[A-Za-z0-9_.\-[\]]`. */
const KEY_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-[]') KEY_CHAR[c.charCodeAt(0)] = 1;
const isKeyChar = (c: number): boolean => c < 128 && KEY_CHAR[c] === 1;
/** Space, tab, CR, LF. */
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** Escapes a double-quoted value understands; anything else keeps its backslash. */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '$$', a: '\x07', b: '\b', f: '\f', v: '\v' };

/**
 * Parses a `.env` file like Compose: `KEY=VAL`, `export KEY=VAL`, `#` comments, single quotes
 * (literal), double quotes (escapes, interpolation, may span lines), unquoted values (trimmed,
 * ` #` starts a comment, interpolation). `lookup` holds variables from earlier files; a value
 * may also use keys defined earlier in this file. A bare `KEY` line takes `lookup[KEY]` if set.
 */
export function parseEnvFile(file: SourceFile, lookup: Record<string, string> = {}): EnvFileResult {
  const text = file.text;
  const values: Record<string, string> = {};
  const entries: EnvFileEntry[] = [];
  const problems: { message: string; span: Span }[] = [];
  // Built only for values that use `$`: earlier files, then keys defined above in this file.
  const scope = (): Record<string, string> => ({ ...lookup, ...values });

  let i = 0;
  const n = text.length;
  while (i < n) {
    // Skip blank space and comment lines.
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (text[i] === '#') {
      i = lineEnd(text, i);
      continue;
    }
    if (text.startsWith('export ', i) || text.startsWith('export\t', i)) {
      i += 7;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    const keyStart = i;
    while (i < n && isKeyChar(text.charCodeAt(i))) i++;
    const key = text.slice(keyStart, i);
    const keySpan = file.span(keyStart, i);
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
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
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    const valueStart = i;
    const q = text[i];
    let value: string;
    let valueEnd: number;
    if (q === "'" || q === '"') {
      const close = closingQuote(text, i + 1, q);
      if (close === -1) {
        problems.push({ message: `Unterminated quoted value for ${key}`, span: file.span(valueStart, eol) });
        i = eol;
        continue;
      }
      const inner = text.slice(i + 1, close);
      valueEnd = close + 1;
      value = q === "'" || !inner.includes('\\') ? inner : inner.replace(/\\(.)/gs, (m, c: string) => ESCAPES[c] ?? m);
      i = lineEnd(text, valueEnd);
      if (q === "'") {
        values[key] = value;
        entries.push({ key, value, keySpan, valueSpan: file.span(valueStart, valueEnd) });
        continue;
      }
    } else {
      let end = text[eol - 1] === '\n' ? eol - 1 : eol;
      const hash = commentStart(text, i, end);
      if (hash !== -1) end = hash;
      for (let c = text.charCodeAt(end - 1); end > i && (c === 0x20 || c === 0x09 || c === 0x0d); c = text.charCodeAt(end - 1)) end--;
      value = text.slice(i, end);
      valueEnd = end;
      i = eol;
    }
    const expanded = value.includes('$') ? expandString(value, scope()) : undefined;
    if (expanded) {
      for (const e of expanded.errors) problems.push({ message: e, span: file.span(valueStart, valueEnd) });
      if (expanded.value !== undefined) value = expanded.value;
    }
    values[key] = value;
    entries.push({ key, value, keySpan, valueSpan: file.span(valueStart, valueEnd) });
  }
  return { values, entries, problems };
}

/** Where ` #` or `\t#` starts a comment in `text[from, to)`, else -1. */
function commentStart(text: string, from: number, to: number): number {
  for (let h = text.indexOf('#', from + 1); h !== -1 && h < to; h = text.indexOf('#', h + 1)) {
    const c = text.charCodeAt(h - 1);
    if (c === 0x20 || c === 0x09) return h - 1;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl + 1;
}

function closingQuote(text: string, from: number, q: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && q === '"') i++;
    else if (text[i] === q) return i;
  }
  return -1;
}
