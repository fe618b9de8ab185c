import { isPlainScript } from './fast-path.js';
import { mapCommand, shiftMapper } from './offsets.js';
import { parseCommands } from './parser.js';
import { fromWords, MAX_DEPTH, readsScriptFromStdin } from './simple-command.js';
import { tokenize } from './tokenize.js';
import type { SimpleCommand } from './types.js';

/** Texts longer than this skip the parser and use the tokenizer. */
const MAX_PARSE_LENGTH = 64 * 1024;
const CACHE_LIMIT = 4096;
const cache = new Map<string, readonly SimpleCommand[]>();

/**
 * The simple commands a shell text runs, in source order, across `&&`, `||`, `;`, `|`,
 * subshells, `$(…)`, compound bodies, heredocs fed to a shell and `sh -c` strings, with
 * wrappers stripped. Offsets are into `text`. Plain texts (see `isPlainScript`) are split by
 * a tokenizer, the rest by mvdan/sh's parser, and the tokenizer takes over when the parser
 * refuses a text. Never throws. Results are cached by text: treat them as read-only.
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
  result = ordered(result);
  cache.set(key, result);
  return result;
}

function compute(text: string, depth: number): SimpleCommand[] {
  if (text.trim() === '') return [];
  if (text.length <= MAX_PARSE_LENGTH && !isPlainScript(text)) {
    try {
      return parseCommands(text, depth, analyzeCommands);
    } catch {
      // Not valid shell (unbalanced quotes, a stray `)`): tokenize instead.
    }
  }
  return fallback(text, depth);
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
  for (const h of t.heredocs) {
    const owner = h.owner.length ? fromWords(h.owner, depth, () => [])[0] : undefined;
    const inner = h.owner.length === 0 ? depth : owner && readsScriptFromStdin(owner) ? depth + 1 : -1;
    if (inner < 0 || inner > MAX_DEPTH) continue;
    for (const c of analyzeCommands(text.slice(h.start, h.end), inner)) out.push(mapCommand(c, shiftMapper(h.start)));
  }
  return out;
}

/** Source order; a command reached twice (a `$(…)` inside an `sh -c` body) kept once. */
function ordered(commands: SimpleCommand[]): SimpleCommand[] {
  commands.sort((a, b) => a.start - b.start || a.end - b.end || a.depth - b.depth);
  return commands.filter((c, k) => {
    const p = commands[k - 1];
    return !p || p.start !== c.start || p.end !== c.end || p.name !== c.name;
  });
}
