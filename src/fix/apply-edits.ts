import type { Edit } from '../engine/types.js';

/** Applies the edits of one file, given in any order; they must not conflict. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  let last: Edit | undefined;
  for (const e of sorted) {
    // Two findings may carry the same edit (one declaration that fixes both): apply it once.
    if (last && sameEdit(last, e)) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
    last = e;
  }
  return out + text.slice(at);
}

/**
 * Edits conflict when their ranges overlap, an insertion falls inside a replaced range, or two
 * different insertions share a point (their order would be a guess). Touching ranges do not.
 */
export function conflicts(a: Edit, b: Edit): boolean {
  if (a.file !== b.file || sameEdit(a, b)) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: Edit, b: Edit): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end && a.text === b.text;
}
