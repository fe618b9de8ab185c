/**
 * Splits Dockerfile text into instructions the way BuildKit's parser does
 * (frontend/dockerfile/parser/parser.go): parser directives at the top, whole-line comments and
 * blank lines skipped, continuation lines joined (the escape character plus trailing blanks
 * removed, leading blanks of the next line kept, comment and empty lines inside a continuation
 * dropped), and heredoc bodies after RUN / COPY / ADD. Everything is file offsets.
 */
import { OffsetMap } from './offset-map.js';
import { splitWords, unquote, type RawWord } from './words.js';

export interface RawDirective {
  name: string;
  value: string;
  start: number;
  end: number;
  valueStart: number;
}

export interface RawHeredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from body and terminator. */
  chomp: boolean;
  /** Unquoted delimiter: the body is subject to expansion. */
  expand: boolean;
  /** `[start, end)` of the `<<NAME` word in the logical line. */
  wordStart: number;
  wordEnd: number;
  /** The body: whole lines between the instruction line and the terminator, final newline included. */
  bodyStart: number;
  bodyEnd: number;
  /** The terminator word; absent when the file ends first. */
  terminator?: { start: number; end: number };
}

export interface RawInstruction {
  /** The logical line from the keyword on, continuations joined, trailing blanks trimmed. */
  text: string;
  map: OffsetMap;
  start: number;
  /** End of the instruction: last character of the logical line or of the last terminator. */
  end: number;
  /** File offset just after the logical line's last physical line (before its line break). */
  lineEnd: number;
  heredocs: readonly RawHeredoc[];
}

export interface ScanProblem {
  message: string;
  start: number;
  end: number;
}

export interface Scan {
  directives: RawDirective[];
  escape: '\\' | '`';
  instructions: RawInstruction[];
  problems: ScanProblem[];
}

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_WORD = /^(\d*)<<(-?)\s*([^<]*)$/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** Shared by the instructions without heredocs (nearly all). */
const NO_HEREDOCS: readonly RawHeredoc[] = Object.freeze([]);

const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export function scanDockerfile(text: string, lineStarts: readonly number[]): Scan {
  const problems: ScanProblem[] = [];
  const directives: RawDirective[] = [];
  const instructions: RawInstruction[] = [];
  let escape: '\\' | '`' = '\\';
  let directivesDone = false;
  const lineCount = lineStarts.length;

  const lineStart = (l: number) => (l === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStarts[l]!);
  /** End of line `l`'s content, without `\n` and trailing `\r`. */
  const contentEnd = (l: number) => {
    let e = l + 1 < lineCount ? lineStarts[l + 1]! - 1 : text.length;
    while (e > lineStarts[l]! && text.charCodeAt(e - 1) === 13) e--;
    return e;
  };
  const firstNonBlank = (s: number, e: number) => {
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    return s;
  };
  /** Offset of a trailing continuation escape in `[s, e)`, or -1. */
  const continuationAt = (s: number, e: number) => {
    let i = e;
    while (i > s && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    return i > s && text[i - 1] === escape ? i - 1 : -1;
  };

  let l = 0;
  while (l < lineCount) {
    const ls = lineStart(l);
    const ce = contentEnd(l);
    const p = firstNonBlank(ls, ce);
    if (!directivesDone) {
      const m = DIRECTIVE.exec(text.slice(p, ce));
      const name = m?.[1]!.toLowerCase();
      if (m && name && KNOWN_DIRECTIVES.has(name)) {
        const value = m[2]!;
        const valueStart = p + m[0].lastIndexOf(value);
        if (directives.some((d) => d.name === name)) {
          problems.push({ message: `Only one ${name} parser directive can be used`, start: p, end: ce });
        } else {
          directives.push({ name, value, start: p, end: ce, valueStart });
          if (name === 'escape') {
            if (value === '\\' || value === '`') escape = value;
            else problems.push({ message: `Invalid escape character '${value}': use \\ or \``, start: valueStart, end: valueStart + value.length });
          }
        }
        l++;
        continue;
      }
      directivesDone = true;
    }
    if (p === ce || text[p] === '#') {
      l++;
      continue;
    }

    // An instruction: join its continuation lines.
    const map = new OffsetMap(p);
    let esc = continuationAt(p, ce);
    let segEnd = esc === -1 ? ce : esc;
    map.push(p, segEnd - p);
    let joined = text.slice(p, segEnd);
    let lineEnd = ce;
    l++;
    while (esc !== -1 && l < lineCount) {
      const s = lineStarts[l]!;
      const e = contentEnd(l);
      l++;
      const q = firstNonBlank(s, e);
      if (q === e || text[q] === '#') continue;
      esc = continuationAt(s, e);
      segEnd = esc === -1 ? e : esc;
      map.push(s, segEnd - s);
      joined += text.slice(s, segEnd);
      lineEnd = e;
    }
    let trimmed = joined.length;
    while (trimmed > 0 && isBlank(joined.charCodeAt(trimmed - 1))) trimmed--;
    joined = joined.slice(0, trimmed);
    let end = map.toFile(trimmed, 'end');

    let heredocs: readonly RawHeredoc[] = NO_HEREDOCS;
    if (joined.includes('<<') && mayHaveHeredocs(joined)) {
      const found: RawHeredoc[] = [];
      heredocs = found;
      for (const w of heredocWords(joined)) {
        const m = HEREDOC_WORD.exec(w.raw);
        if (!m || !m[3]) continue;
        const name = unquote(m[3], '\\');
        if (!name || /\s/.test(name)) continue;
        const chomp = m[2] === '-';
        const bodyStart = l < lineCount ? lineStarts[l]! : text.length;
        let terminator: RawHeredoc['terminator'];
        while (l < lineCount) {
          const s = lineStarts[l]!;
          const e = contentEnd(l);
          l++;
          let t = s;
          if (chomp) while (t < e && text.charCodeAt(t) === 9) t++;
          if (e - t === name.length && text.startsWith(name, t)) {
            terminator = { start: t, end: e };
            break;
          }
        }
        const bodyEnd = terminator ? lineStarts[l - 1]! : text.length;
        found.push({ name, chomp, expand: name === m[3], wordStart: w.start, wordEnd: w.end, bodyStart, bodyEnd, terminator });
        if (terminator) end = terminator.end;
        else {
          end = text.length;
          problems.push({ message: `Heredoc ${name} is not terminated`, start: map.toFile(w.start), end: map.toFile(w.end, 'end') });
        }
      }
    }
    instructions.push({ text: joined, map, start: p, end, lineEnd, heredocs });
  }
  return { directives, escape, instructions, problems };
}

/** RUN, COPY, ADD, also as an ONBUILD trigger; never in JSON form (BuildKit's canContainHeredoc). */
function mayHaveHeredocs(line: string): boolean {
  const words = line.split(/\s+/);
  let i = 0;
  if (words[0]!.toUpperCase() === 'ONBUILD') i++;
  if (!HEREDOC_KEYWORDS.has((words[i] ?? '').toUpperCase())) return false;
  i++;
  while (words[i]?.startsWith('--')) i++;
  return !words[i]?.startsWith('[');
}

/** Words of the line, with `<<` glued to the word after it as BuildKit's lexer does (`<< EOF`). */
function heredocWords(line: string): RawWord[] {
  const words = splitWords(line, '\\');
  const out: RawWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next && /^\d*<<-?$/.test(w.raw)) {
      out.push({ raw: w.raw + line.slice(w.end, next.end), start: w.start, end: next.end });
      i++;
    } else out.push(w);
  }
  return out;
}
