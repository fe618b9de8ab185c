import type { DockerfileModel, Instruction } from './types.js';
import { splitWords, unquote } from './words.js';
import type { Span } from '../engine/types.js';

/** One `name=value` of an ENV instruction, as written, with where its parts stand. */
export interface EnvPair {
  name: string;
  /** The value as written: quotes kept, variables not expanded. */
  raw: string;
  /** `raw` without quotes and escapes. */
  value: string;
  nameSpan: Span;
  /** Empty (at the `=`'s end) for `NAME=`. */
  valueSpan: Span;
}

const cache = new WeakMap<Instruction, EnvPair[]>();

/**
 * The pairs of an ENV instruction (`ENV a=1 b=2`, or the legacy `ENV a 1`), split with the
 * model's own word lexer. The model keeps only the expanded values; rules that report on
 * the name or the written value need these.
 */
export function envPairs(model: DockerfileModel, ins: Instruction): EnvPair[] {
  let pairs = cache.get(ins);
  if (!pairs) {
    pairs = readPairs(model, ins);
    cache.set(ins, pairs);
  }
  return pairs;
}

function readPairs(model: DockerfileModel, ins: Instruction): EnvPair[] {
  const escape = model.directives.escape;
  const text = ins.argsText;
  const span = (start: number, end: number) => model.file.span(ins.argsToFile(start), end > start ? ins.argsToFile(end, 'end') : ins.argsToFile(start));
  const words = splitWords(text, escape);
  const first = words[0];
  if (!first) return [];
  if (!first.raw.includes('=')) {
    const second = words[1];
    if (!second) return [];
    const raw = text.slice(second.start).trimEnd();
    return [{ name: first.raw, raw, value: unquote(raw, escape), nameSpan: span(first.start, first.end), valueSpan: span(second.start, second.start + raw.length) }];
  }
  const out: EnvPair[] = [];
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    if (eq <= 0) continue;
    const raw = w.raw.slice(eq + 1);
    out.push({ name: w.raw.slice(0, eq), raw, value: unquote(raw, escape), nameSpan: span(w.start, w.start + eq), valueSpan: span(w.start + eq + 1, w.end) });
  }
  return out;
}
