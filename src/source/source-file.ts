import type { Span } from '../engine/types.js';
import { lastAtOrBefore } from './search.js';

/** A file's text with a line index, so offsets convert to 1-based line/column once. */
export class SourceFile {
  private starts: number[] | undefined;

  constructor(
    /** Path relative to the working directory, `/`-separated: what reports show. */
    readonly path: string,
    readonly text: string,
    /** Absolute path on disk, for I/O. */
    readonly absPath: string = path,
  ) {}

  /**
   * Where each line starts, indexed on first use: the block reader, which reads most Compose
   * files, counts lines itself, so many files never need it.
   */
  get lineStarts(): number[] {
    if (!this.starts) {
      const text = this.text;
      const starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** 1-based line and column of an offset; columns count UTF-16 units like editors do. */
  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBefore(this.lineStarts, offset);
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  span(start: number, end: number = start): Span {
    // Every node of every file gets a span: no intermediate position objects here.
    const starts = this.lineStarts;
    const to = Math.max(start, end);
    const line = lastAtOrBefore(starts, start);
    const endLine = to === start ? line : lastAtOrBefore(starts, to);
    return { file: this.path, start, end: to, line: line + 1, column: start - starts[line]! + 1, endLine: endLine + 1, endColumn: to - starts[endLine]! + 1 };
  }

  /** The text of one 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}
