import { describe, expect, it } from 'vitest';
import { applyEdits, conflicts } from '../../src/fix/apply-edits.js';

const e = (start: number, end: number, text: string, file = 'f') => ({ file, start, end, text });

describe('applyEdits', () => {
  it('applies edits given in any order against the original offsets', () => {
    expect(applyEdits('abcdef', [e(4, 5, 'E'), e(0, 1, 'A'), e(2, 2, '+')])).toBe('Ab+cdEf');
  });

  it('applies an edit two findings share once', () => {
    expect(applyEdits('volumes:\n', [e(9, 9, '  data:\n'), e(9, 9, '  data:\n')])).toBe('volumes:\n  data:\n');
  });
});

describe('conflicts', () => {
  it('sees overlapping ranges and an insertion inside a replaced range', () => {
    expect(conflicts(e(0, 4, 'x'), e(3, 6, 'y'))).toBe(true);
    expect(conflicts(e(0, 4, 'x'), e(2, 2, 'y'))).toBe(true);
  });

  it('sees two different insertions at one point, but not the same one twice', () => {
    expect(conflicts(e(5, 5, 'a'), e(5, 5, 'b'))).toBe(true);
    expect(conflicts(e(5, 5, 'a'), e(5, 5, 'a'))).toBe(false);
  });

  it('lets touching ranges, and edits in other files, through', () => {
    expect(conflicts(e(0, 4, 'x'), e(4, 6, 'y'))).toBe(false);
    expect(conflicts(e(0, 4, 'x'), e(4, 4, 'y'))).toBe(false);
    expect(conflicts(e(0, 4, 'x', 'a'), e(0, 4, 'y', 'b'))).toBe(false);
  });
});
