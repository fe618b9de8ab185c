import { createRequire } from 'node:module';
import type parseType from '@ericcornelissen/bash-parser';
import { coarseMapper, mapCommand, shiftMapper, tableMapper } from './offsets.js';
import { unquoteWord } from './quote.js';
import { fromWords, MAX_DEPTH } from './simple-command.js';
import { tokenize } from './tokenize.js';
import type { MappedWord, OffsetMapper, SimpleCommand } from './types.js';

type Node = parseType.Node;

/** Loaded on first use: most runs have no command that passes the callers' prefilters. */
let parser: typeof parseType | undefined;
const parse: typeof parseType = (text, options) => {
  parser ??= createRequire(import.meta.url)('@ericcornelissen/bash-parser') as typeof parseType;
  return parser(text, options);
};

/** Texts longer than this skip the parser (slow, recursive) and use the tokenizer. */
const MAX_PARSE_LENGTH = 64 * 1024;
const CACHE_LIMIT = 4096;
const cache = new Map<string, readonly SimpleCommand[]>();

/**
 * The simple commands a shell text runs, in source order, across `&&`, `||`, `;`, `|`,
 * subshells, `$(…)`, compound bodies and `sh -c` strings, with wrappers stripped. Offsets are
 * into `text`. Uses a real POSIX shell parser and falls back to a quote-aware tokenizer when
 * the parser refuses the text. Never throws. Results are cached by text: treat them as
 * read-only, and test a cheap prefilter first when most texts cannot match.
 */
export function analyzeCommands(text: string, depth = 0): readonly SimpleCommand[] {
  const key = depth === 0 ? text : `${depth}\0${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  let result: SimpleCommand[];
  try {
    result = compute(text, depth);
  } catch {
    result = [];
  }
  result.sort((a, b) => a.start - b.start);
  cache.set(key, result);
  return result;
}

function compute(text: string, depth: number): SimpleCommand[] {
  if (text.trim() === '') return [];
  if (text.length <= MAX_PARSE_LENGTH) {
    try {
      return fromAst(parse(text, { insertLOC: true }), text, depth);
    } catch {
      // Unsupported syntax (`2>&1 >f`, nested `$(…$(…))`, unbalanced quotes): tokenize instead.
    }
  }
  return fallback(text, depth);
}

function fromAst(root: Node, text: string, depth: number): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const toWord = (n: Node): MappedWord => {
    const start = n.loc!.start.char;
    const end = n.loc!.end.char + 1;
    const u = unquoteWord(text.slice(start, end), start);
    return { text: u.text, start, end, map: tableMapper(u.map, u.ends) };
  };
  const expansions = (n: Node): void => {
    if (!n.loc || depth >= MAX_DEPTH) return;
    for (const e of n.expansion ?? []) {
      if (e.type !== 'CommandExpansion' || !e.command) continue;
      const map = substitutionMapper(text, n.loc.start.char, n.loc.end.char + 1, e.loc.start, e.command);
      for (const c of analyzeCommands(e.command, depth + 1)) out.push(mapCommand(c, map));
    }
  };
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const n = v as Node;
    if (n.type === 'Command') {
      const words: MappedWord[] = [];
      for (const w of [n.name, ...(n.suffix ?? [])]) {
        if (w?.type === 'Word' && w.loc) {
          words.push(toWord(w));
          expansions(w);
        } else visit(w);
      }
      for (const p of n.prefix ?? []) visit(p);
      out.push(...fromWords(words, depth, analyzeCommands));
    } else if (n.type === 'Word' || n.type === 'AssignmentWord') {
      expansions(n);
    } else {
      for (const [k, x] of Object.entries(n)) if (k !== 'loc' && k !== 'expansion') visit(x);
    }
  };
  visit(root);
  return out;
}

/**
 * Where the body of a `$(…)` / backtick expansion stands: `at` is the expansion's offset in
 * the word as the parser gave it, which is the source text for words holding expansions.
 */
function substitutionMapper(text: string, wordStart: number, wordEnd: number, at: number, command: string): OffsetMapper {
  const open = wordStart + at;
  const inner = open + (text[open] === '`' ? 1 : 2);
  if (text.startsWith(command, inner)) return shiftMapper(inner);
  const found = text.indexOf(command, wordStart);
  if (found !== -1 && found + command.length <= wordEnd) return shiftMapper(found);
  return coarseMapper(wordStart, wordEnd);
}

function fallback(text: string, depth: number): SimpleCommand[] {
  const t = tokenize(text);
  const out: SimpleCommand[] = [];
  for (const words of t.commands) out.push(...fromWords(words, depth, analyzeCommands));
  if (depth < MAX_DEPTH) {
    for (const s of t.substitutions) {
      for (const c of analyzeCommands(text.slice(s.start, s.end), depth + 1)) out.push(mapCommand(c, shiftMapper(s.start)));
    }
  }
  return out;
}
