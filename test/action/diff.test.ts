import { describe, expect, it } from 'vitest';
import { hunkHolding, parsePatch } from '../../src/action/diff.js';

describe('parsePatch', () => {
  it('finds the added lines and each hunk on the new side', () => {
    const patch = [
      '@@ -1,4 +1,5 @@ services:',
      ' services:',
      '-  old:',
      '+  web:',
      '+    image: nginx:1.27',
      '   db:',
      '', // a blank context line whose leading space was stripped
      '@@ -20,3 +21,2 @@',
      ' a',
      '-b',
      ' c',
      '\\ No newline at end of file',
    ].join('\n');
    const diff = parsePatch(patch);
    expect([...diff.added]).toEqual([2, 3]);
    expect(diff.hunks).toEqual([
      [1, 5],
      [21, 22],
    ]);
    expect(hunkHolding(diff, 2, 5)).toEqual([1, 5]);
    expect(hunkHolding(diff, 5, 21)).toBeUndefined();
  });

  it('reads one-line hunks, new files and deletions', () => {
    expect(parsePatch('@@ -0,0 +1 @@\n+only')).toEqual({ added: new Set([1]), hunks: [[1, 1]] });
    expect(parsePatch('@@ -1,2 +0,0 @@\n-a\n-b')).toEqual({ added: new Set(), hunks: [] });
  });
});
