import { mapArray } from '../arrays.js';
import type { OffsetMapper, SimpleCommand, Word } from './types.js';

export const identityMapper: OffsetMapper = (start, end) => [start, end];

export function shiftMapper(delta: number): OffsetMapper {
  return (start, end) => [start + delta, end + delta];
}

/** Every inner range maps to the whole `[start, end)`: used when exact positions are unknown. */
export function coarseMapper(start: number, end: number): OffsetMapper {
  return () => [start, end];
}

/**
 * A mapper from per-character tables: `starts[i]` is the outer offset where inner character
 * `i` begins (`starts[length]`: just after the content), `ends[i]` where it ends (default
 * `starts[i] + 1`; more for an escape such as `\"`).
 */
export function tableMapper(starts: readonly number[], ends?: readonly number[]): OffsetMapper {
  const last = starts.length - 1;
  const clamp = (i: number) => Math.max(0, Math.min(i, last));
  const endOf = (i: number) => (ends?.[i] ?? starts[clamp(i)]! + 1);
  return (start, end) => {
    const s = starts[clamp(start)]!;
    return end <= start ? [s, s] : [s, Math.max(s, endOf(Math.min(end, last) - 1))];
  };
}

/** `outer(inner(range))`. */
export function composeMappers(inner: OffsetMapper, outer: OffsetMapper): OffsetMapper {
  return (start, end) => {
    const [s, e] = inner(start, end);
    return outer(s, e);
  };
}

/** Computes a mapper on first use: most words are never looked into. */
export function lazyMapper(make: () => OffsetMapper): OffsetMapper {
  let m: OffsetMapper | undefined;
  return (start, end) => (m ??= make())(start, end);
}

export function mapWord(w: Word, map: OffsetMapper): Word {
  const [start, end] = map(w.start, w.end);
  return { text: w.text, start, end };
}

export function mapCommand(c: SimpleCommand, map: OffsetMapper): SimpleCommand {
  const [start, end] = map(c.start, c.end);
  const words = mapArray(c.words, (w) => mapWord(w, map));
  // A literal, not a spread: mapped commands are many, and this keeps the key order.
  return { name: c.name, words, args: words.slice(1), start, end, wrappers: c.wrappers, depth: c.depth };
}
