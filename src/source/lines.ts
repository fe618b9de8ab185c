import type { SourceFile } from './source-file.js';

/** Line endings by file: fix builders ask for each edit, and files are read-only. */
const endings = new WeakMap<SourceFile, string>();

/** The file's line ending: CRLF when it uses any, else LF. */
export function lineEnding(file: SourceFile): string {
  let eol = endings.get(file);
  if (eol === undefined) endings.set(file, (eol = file.text.includes('\r\n') ? '\r\n' : '\n'));
  return eol;
}

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
