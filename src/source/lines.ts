import { memoized } from '../memo.js';
import type { SourceFile } from './source-file.js';

/** The file's line ending: CRLF when it uses any, else LF. Fix builders ask for each edit. */
export const lineEnding = memoized((file: SourceFile): string => (file.text.includes('\r\n') ? '\r\n' : '\n'));

/** Where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Whether a line after the first of `text[start, end)` is a `#` comment: replacing the range would drop it. */
export const hasCommentLine = (text: string, start: number, end: number): boolean => /\n[ \t]*#/.test(text.slice(start, end));
