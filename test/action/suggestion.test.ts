import { describe, expect, it } from 'vitest';
import { planReview } from '../../src/action/review.js';
import { suggestionBlock, suggestionFor } from '../../src/action/suggestion.js';
import type { Diagnostic, Edit } from '../../src/engine/types.js';
import { SourceFile } from '../../src/source/source-file.js';

const FILE = 'compose.yaml';

function finding(source: SourceFile, start: number, end: number, edits: Omit<Edit, 'file'>[], file = FILE): Diagnostic {
  return { ruleId: 'r', severity: 'error', message: 'm', span: source.span(start, end), fix: { title: 'Fix it', safe: true, edits: edits.map((e) => ({ file, ...e })) } };
}

describe('suggestionFor', () => {
  const text = 'a: 1\nb: 2\nc: 3\n';
  const source = new SourceFile(FILE, text);
  const at = (s: string): number => text.indexOf(s);

  it('gives the fixed text of the finding’s line', () => {
    expect(suggestionFor(finding(source, at('2'), at('2') + 1, [{ start: at('2'), end: at('2') + 1, text: '"2"' }]), source)).toEqual({ startLine: 2, endLine: 2, text: 'b: "2"' });
  });

  it('keeps a key inserted after the line with that line', () => {
    const d = finding(source, at('b'), at('b') + 1, [{ start: at('c'), end: at('c'), text: '  x: 1\n' }]);
    expect(suggestionFor(d, source)).toEqual({ startLine: 2, endLine: 2, text: 'b: 2\n  x: 1' });
  });

  it('suggests nothing in place of a removed line', () => {
    expect(suggestionFor(finding(source, at('b'), at('b') + 1, [{ start: at('b'), end: at('c'), text: '' }]), source)).toEqual({ startLine: 2, endLine: 2, text: '' });
  });

  it('widens to the lines the edits touch', () => {
    const d = finding(source, at('a'), at('a') + 1, [{ start: at('3'), end: at('3') + 1, text: '4' }]);
    expect(suggestionFor(d, source)).toEqual({ startLine: 1, endLine: 3, text: 'a: 1\nb: 2\nc: 4' });
  });

  it('drops CR and a byte-order mark from the suggestion', () => {
    const crlf = new SourceFile(FILE, '\uFEFFa: 1\r\nb: 2\r\n');
    const d = finding(crlf, 1, 2, [{ start: 4, end: 5, text: '9' }]);
    expect(suggestionFor(d, crlf)).toEqual({ startLine: 1, endLine: 1, text: 'a: 9' });
  });

  it('gives none for a fix in another file', () => {
    expect(suggestionFor(finding(source, 0, 1, [{ start: 0, end: 1, text: 'z' }], 'other.yaml'), source)).toBeUndefined();
  });
});

describe('suggestionBlock', () => {
  it('uses a fence longer than any backticks in the text', () => {
    expect(suggestionBlock('x')).toBe('```suggestion\nx\n```');
    expect(suggestionBlock('a ``` b')).toBe('````suggestion\na ``` b\n````');
    expect(suggestionBlock('')).toBe('```suggestion\n```');
  });
});

describe('planReview', () => {
  const text = 'a: 1\nb: 2\nc: 3\nd: 4\n';
  const source = new SourceFile(FILE, text);
  const sources = new Map([[FILE, source]]);
  const changed = new Map([[FILE, { added: new Set([2]), hunks: [[1, 2]] as [number, number][] }]]);

  it('comments without a suggestion when the fix reaches beyond the hunk', () => {
    const d = finding(source, 5, 6, [{ start: 5, end: 6, text: 'B' }, { start: 15, end: 16, text: 'D' }]);
    const plan = planReview([d], changed, sources, true);
    expect(plan.comments).toEqual([{ path: FILE, line: 2, side: 'RIGHT', body: '**Error** `r`: m' }]);
  });

  it('spans the comment over the suggested lines', () => {
    const d = finding(source, 5, 6, [{ start: 0, end: 1, text: 'A' }]);
    const plan = planReview([d], changed, sources, true);
    expect(plan.comments).toEqual([{ path: FILE, line: 2, start_line: 1, start_side: 'RIGHT', side: 'RIGHT', body: '**Error** `r`: m\n\nFix it:\n\n```suggestion\nA: 1\nb: 2\n```' }]);
  });

  it('sends findings off the diff to the body', () => {
    const d = finding(source, 15, 16, []);
    expect(planReview([d], changed, sources, true)).toEqual({ comments: [], elsewhere: [d] });
  });
});
