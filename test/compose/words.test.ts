import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/compose/words.js';

describe('splitWords', () => {
  it('splits unquoted text on any white space, as the quoting path does', () => {
    expect(splitWords('  npm   run\tstart \n')).toEqual(['npm', 'run', 'start']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' \t ')).toEqual([]);
    expect(splitWords('a\u00a0b')).toEqual(['a', 'b']);
  });

  it('honours quotes and backslashes', () => {
    expect(splitWords(`sh -c "echo \\"hi\\" there" 'x y' a\\ b`)).toEqual(['sh', '-c', 'echo "hi" there', 'x y', 'a b']);
  });
});
