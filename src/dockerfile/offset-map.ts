/**
 * Maps offsets in a derived text (a logical line with continuations joined, a RUN script with
 * heredoc bodies) back to file offsets. The derived text is a concatenation of file pieces;
 * `starts[i]` is where piece `i` begins in the derived text and `fileStarts[i]` in the file.
 */
export type Side = 'start' | 'end';

/** Shared by maps with no piece yet; never written to. */
const NONE: number[] = [];

export class OffsetMap {
  // Maps live as long as the model and most have one piece: arrays are made on the first push,
  // sized to fit, instead of empty arrays that grow to 17 slots.
  private starts: number[] = NONE;
  private fileStarts: number[] = NONE;
  private length = 0;

  /** Where an empty map points: the file offset the derived text would start at. */
  constructor(private readonly anchor = 0) {}

  /** Appends file text `[fileStart, fileStart + length)` to the derived text. */
  push(fileStart: number, length: number): void {
    if (length <= 0) return;
    const n = this.starts.length;
    if (n === 0) {
      this.starts = [this.length];
      this.fileStarts = [fileStart];
      this.length += length;
      return;
    }
    // Adjacent pieces merge, so a line without continuations is a single piece.
    if (this.fileStarts[n - 1]! + (this.length - this.starts[n - 1]!) === fileStart) {
      this.length += length;
      return;
    }
    this.starts.push(this.length);
    this.fileStarts.push(fileStart);
    this.length += length;
  }

  /**
   * File offset of a derived offset. At a piece boundary `start` gives the next piece's first
   * character and `end` the previous piece's end, so `[start, end)` ranges never swallow the
   * joined line break.
   */
  toFile(offset: number, side: Side = 'start'): number {
    const starts = this.starts;
    if (starts.length === 0) return this.anchor;
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = starts[mid]!;
      if (s < o || (s === o && side === 'start')) lo = mid;
      else hi = mid - 1;
    }
    return this.fileStarts[lo]! + (o - starts[lo]!);
  }

  /** A sub-map for derived offsets `[from, to)`, re-based at 0. */
  slice(from: number, to: number = this.length): OffsetMap {
    const out = new OffsetMap(this.toFile(from));
    const starts = this.starts;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      const e = i + 1 < starts.length ? starts[i + 1]! : this.length;
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (a < b) out.push(this.fileStarts[i]! + (a - s), b - a);
    }
    return out;
  }

  /** This map followed by `other`'s pieces. */
  concat(other: OffsetMap): OffsetMap {
    const out = this.slice(0);
    for (let i = 0; i < other.starts.length; i++) {
      const e = i + 1 < other.starts.length ? other.starts[i + 1]! : other.length;
      out.push(other.fileStarts[i]!, e - other.starts[i]!);
    }
    return out;
  }
}
