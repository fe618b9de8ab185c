import { lastAtOrBefore } from '../source/search.js';
import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';

/**
 * Makes Spans like `SourceFile.span`, remembering the last line found: instructions are
 * visited in file order, so most lookups hit the same or the next line without a search.
 */
export class SpanMaker {
  private line = 0;
  private readonly starts: readonly number[];

  constructor(readonly file: SourceFile) {
    this.starts = file.lineStarts;
  }

  span(start: number, end: number = start): Span {
    const e = Math.max(start, end);
    const sl = this.lineOf(start);
    const el = e === start ? sl : this.lineOf(e);
    const starts = this.starts;
    return { file: this.file.path, start, end: e, line: sl + 1, column: start - starts[sl]! + 1, endLine: el + 1, endColumn: e - starts[el]! + 1 };
  }

  /** 0-based line of an offset. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    let l = this.line;
    if (starts[l]! <= offset) {
      // Forward a few lines before falling back to a search.
      for (let k = 0; k < 4; k++) {
        const next = starts[l + 1];
        if (next === undefined || next > offset) return (this.line = l);
        l++;
      }
    }
    return (this.line = lastAtOrBefore(starts, offset));
  }
}
