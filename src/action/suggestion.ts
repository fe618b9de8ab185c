import type { Diagnostic, Edit } from '../engine/types.js';
import { applyEdits } from '../fix/apply-edits.js';
import type { SourceFile } from '../source/source-file.js';

/** Lines `startLine`..`endLine` of a file (1-based, inclusive) and the text to put in their place. */
export interface Suggestion {
  startLine: number;
  endLine: number;
  /** The new text of those lines without the final line break; '' deletes them. */
  text: string;
}

/** The 1-based line an offset falls on. */
const lineOf = (source: SourceFile, offset: number): number => source.position(offset).line;

/**
 * A pure insertion at the start of a line belongs with the line before (a key appended after
 * its last sibling), so the suggestion stays on the finding's lines.
 */
function editLines(source: SourceFile, e: Edit): [number, number] {
  if (e.start === e.end) {
    const line = lineOf(source, e.start);
    const atLineStart = source.lineStarts[line - 1] === e.start;
    return atLineStart && line > 1 ? [line - 1, line - 1] : [line, line];
  }
  return [lineOf(source, e.start), lineOf(source, e.end - 1)];
}

/**
 * The lines a finding's fix rewrites, with their fixed text, for a review's ```suggestion
 * block: the finding's lines widened to those the edits touch. Only a fix confined to the
 * finding's own file gets one; the caller checks the lines lie in the diff.
 */
export function suggestionFor(d: Diagnostic, source: SourceFile): Suggestion | undefined {
  const edits = d.fix?.edits;
  if (!edits?.length || edits.some((e) => e.file !== source.path || e.start > e.end || e.end > source.text.length)) return undefined;
  let startLine = d.span.line;
  let endLine = d.span.endLine;
  for (const e of edits) {
    const [s, t] = editLines(source, e);
    startLine = Math.min(startLine, s);
    endLine = Math.max(endLine, t);
  }
  const starts = source.lineStarts;
  const from = starts[startLine - 1]!;
  // The range takes the last line's break, so an edit that removes whole lines stays inside.
  const to = starts[endLine] ?? source.text.length;
  if (edits.some((e) => e.start < from || e.end > to)) return undefined;
  const before = source.text.slice(from, to);
  let after = applyEdits(before, edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from })));
  const hadBreak = before.endsWith('\n');
  if (hadBreak) {
    // A fix that joins the last line to the next cannot be shown as these lines' new text.
    if (after !== '' && !after.endsWith('\n')) return undefined;
    after = after.replace(/\r?\n$/, '');
  }
  if (startLine === 1) after = after.replace(/^\uFEFF/, '');
  return { startLine, endLine, text: after.replace(/\r\n/g, '\n') };
}

/** A fenced block GitHub offers to commit; the fence outgrows any backticks in the text. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}suggestion\n${text}${text ? '\n' : ''}${fence}`;
}
