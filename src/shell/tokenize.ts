import { tableMapper } from './offsets.js';
import { unquoteWord } from './quote.js';
import type { MappedWord } from './types.js';

/**
 * The fallback when the real parser refuses a text: a quote-aware split into simple commands
 * on `&&`, `||`, `;`, `|`, `&`, newlines and parentheses. It knows words, quotes, `$(…)`,
 * backticks and redirections; not grammar. Never throws.
 */
export interface Tokenized {
  commands: MappedWord[][];
  /** Bodies of `$(…)` and backticks, `[start, end)` in the text, for the caller to recurse. */
  substitutions: { start: number; end: number }[];
  /**
   * Heredoc bodies (without the delimiter line), skipped when splitting, with the words of the
   * command they feed (empty for a bare `<<EOF`).
   */
  heredocs: { start: number; end: number; owner: readonly MappedWord[] }[];
}

const OPERATOR = new Set([';', '&', '|', '(', ')', '\n']);
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** `>`, `>>`, `2>`, `2>&1`, `&>`, `<<`, `<<-`, `<<<`, `>|`: the operator part. */
const REDIRECT = /\d*(?:&>>?|<<<|<<-?|<>|>\||[<>]&?|>>)/y;
/** Words that open or close compound commands and carry no command themselves. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '{', '}', '!', 'esac']);
/** Compound commands whose first line carries no command to report (`for x in a b`). */
const HEADER = new Set(['for', 'case', 'select', 'function']);

export function tokenize(text: string): Tokenized {
  const commands: MappedWord[][] = [];
  const substitutions: Tokenized['substitutions'] = [];
  const heredocs: Tokenized['heredocs'] = [];
  /** Heredocs whose body starts after the current line. */
  let pending: { delimiter: string; strip: boolean; owner: MappedWord[] }[] = [];
  let cur: MappedWord[] = [];
  const flush = () => {
    let k = 0;
    while (k < cur.length && RESERVED.has(cur[k]!.text)) k++;
    const words = cur.slice(k);
    if (words.length && !HEADER.has(words[0]!.text)) commands.push(words);
    cur = [];
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
    } else if (startsRedirect(text, i)) {
      REDIRECT.lastIndex = i;
      const op = REDIRECT.exec(text)?.[0];
      i = op ? REDIRECT.lastIndex : i + 1;
      while (text[i] === ' ' || text[i] === '\t') i++;
      // The redirection target is not an argument.
      if (i < n && !OPERATOR.has(text[i]!)) {
        const end = readWord(text, i, substitutions);
        if (op?.endsWith('<<') || op?.endsWith('<<-')) pending.push({ delimiter: unquoteWord(text.slice(i, end)).text, strip: op.endsWith('-'), owner: cur });
        i = end;
      }
    } else if (c === '\n' && pending.length) {
      flush();
      i = skipHeredocs(text, i + 1, pending, heredocs);
      pending = [];
    } else if (OPERATOR.has(c)) {
      flush();
      i++;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl;
    } else {
      const end = readWord(text, i, substitutions);
      const u = unquoteWord(text.slice(i, end), i);
      cur.push({ text: u.text, start: i, end, map: tableMapper(u.map, u.ends) });
      i = end;
    }
  }
  flush();
  return { commands, substitutions, heredocs };
}

/** Reads the bodies of `pending` heredocs from `i` on; returns where the text goes on. */
function skipHeredocs(text: string, i: number, pending: readonly { delimiter: string; strip: boolean; owner: MappedWord[] }[], out: Tokenized['heredocs']): number {
  for (const h of pending) {
    const start = i;
    let end = text.length;
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      const lineEnd = nl === -1 ? text.length : nl;
      let line = text.slice(i, lineEnd);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (h.strip) line = line.replace(/^\t+/, '');
      const next = nl === -1 ? text.length : nl + 1;
      if (line === h.delimiter) {
        end = i;
        i = next;
        break;
      }
      i = next;
    }
    out.push({ start, end: Math.min(end, i), owner: h.owner });
  }
  return i;
}

function startsRedirect(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
  const c = text[j];
  return c === '<' || c === '>' || (j === i && c === '&' && text[j + 1] === '>');
}

/** Returns the end of the word starting at `i`, recording command substitutions inside it. */
function readWord(text: string, i: number, subs: Tokenized['substitutions']): number {
  const n = text.length;
  let quote: '"' | "'" | null = null;
  while (i < n) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      i++;
    } else if (c === '\\') {
      // A line continuation right before a break ends the word; inside a word it joins.
      if (!quote && text[i + 1] === '\n' && (i + 2 >= n || WORD_END.has(text[i + 2]!))) break;
      i += 2;
    } else if (c === '"') {
      quote = quote ? null : '"';
      i++;
    } else if (c === "'" && !quote) {
      quote = "'";
      i++;
    } else if (c === '$' && text[i + 1] === '(') {
      const arithmetic = text[i + 2] === '(';
      const close = matching(text, i + 1, '(', ')');
      if (!arithmetic) subs.push({ start: i + 2, end: close });
      i = Math.min(n, close + 1);
    } else if (c === '$' && text[i + 1] === '{') {
      i = Math.min(n, matching(text, i + 1, '{', '}') + 1);
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close === -1 ? n : close;
      subs.push({ start: i + 1, end });
      i = Math.min(n, end + 1);
    } else if (!quote && WORD_END.has(c)) {
      break;
    } else {
      i++;
    }
  }
  return Math.min(i, n);
}

/** Offset of the bracket closing the one at `open` (quote-aware), or the text's end. */
function matching(text: string, open: number, o: string, c: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i;
  }
  return text.length;
}
