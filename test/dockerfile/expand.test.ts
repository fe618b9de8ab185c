import { describe, expect, test } from 'vitest';
import { expandWord } from '../../src/dockerfile/expand.js';
import { OffsetMap } from '../../src/dockerfile/offset-map.js';
import { extractFlags, parseJsonStrings, splitWords } from '../../src/dockerfile/words.js';

const vars: Record<string, string> = { A: 'alpha', EMPTY: '', V: 'python-3.11.9-slim' };
const lookup = (n: string) => vars[n];
const ex = (raw: string, escape = '\\') => expandWord(raw, lookup, escape);

describe('expandWord', () => {
  test.each([
    ['$A', 'alpha'], ['${A}', 'alpha'], ['x${A}y', 'xalphay'], ['$A.b', 'alpha.b'],
    ['${NOPE:-def}', 'def'], ['${EMPTY:-def}', 'def'], ['${EMPTY-def}', ''], ['${NOPE-d${A}}', 'dalpha'],
    ['${A:+set}', 'set'], ['${EMPTY:+set}', ''], ['${EMPTY+set}', 'set'], ['${NOPE+set}', ''],
    ['${V#*-}', '3.11.9-slim'], ['${V##*-}', 'slim'], ['${V%-*}', 'python-3.11.9'], ['${V%%-*}', 'python'],
    ["'$A'", '$A'], ['"$A"', 'alpha'], ['\\$A', '$A'], ['a"b c"d', 'ab cd'], ['$', '$'], ['$1', '$1'],
  ])('%s → %s', (raw, value) => {
    expect(ex(raw)).toEqual({ value, resolved: true, missing: [] });
  });

  test('unresolved variables are reported, not silently empty', () => {
    expect(ex('python:${PY}-slim')).toEqual({ value: 'python:-slim', resolved: false, missing: ['PY'] });
    expect(ex('${NOPE:?required}').resolved).toBe(false);
    expect(ex('${A/al/AL}').resolved).toBe(false);
    expect(ex('${A').resolved).toBe(false);
  });

  test('backtick escape', () => {
    expect(ex('`$A c:\\x', '`')).toEqual({ value: '$A c:\\x', resolved: true, missing: [] });
  });
});

describe('words', () => {
  test('splitWords keeps quotes and escapes in one word', () => {
    expect(splitWords(`a "b c" d\\ e 'f g'`, '\\').map((w) => [w.raw, w.start, w.end])).toEqual([
      ['a', 0, 1], ['"b c"', 2, 7], ['d\\ e', 8, 12], ["'f g'", 13, 18],
    ]);
  });

  test('extractFlags stops at the first non-flag word and at --', () => {
    expect(extractFlags('RUN --mount="type=cache,target=/a b" --network=none  echo --x', 3)).toEqual({
      flags: [{ name: 'mount', value: 'type=cache,target=/a b', start: 4, end: 36 }, { name: 'network', value: 'none', start: 37, end: 51 }],
      rest: 53,
    });
    expect(extractFlags('RUN --link -- --not-a-flag', 3)).toEqual({ flags: [{ name: 'link', start: 4, end: 10 }], rest: 14 });
  });

  test('parseJsonStrings: exact JSON arrays of strings only', () => {
    expect(parseJsonStrings('[ "a", "b\\"c" ]')).toEqual({ values: ['a', 'b"c'], ranges: [[2, 5], [7, 13]] });
    expect(parseJsonStrings('[]')).toEqual({ values: [], ranges: [] });
    for (const bad of ['["a",]', "['a']", '["a"] x', '[1]', '["a"', '[a]']) expect(parseJsonStrings(bad)).toBeUndefined();
  });
});

describe('OffsetMap', () => {
  // "ab" from file 10..12, then "cd" from file 20..22.
  const m = new OffsetMap();
  m.push(10, 2);
  m.push(20, 2);

  test('start and end sides at a piece boundary', () => {
    expect([m.toFile(0), m.toFile(1), m.toFile(2), m.toFile(3), m.toFile(4)]).toEqual([10, 11, 20, 21, 22]);
    expect(m.toFile(2, 'end')).toBe(12);
    expect(m.toFile(4, 'end')).toBe(22);
  });

  test('slice and concat', () => {
    const s = m.slice(1);
    expect([s.toFile(0), s.toFile(1), s.toFile(1, 'end')]).toEqual([11, 20, 12]);
    const tail = new OffsetMap();
    tail.push(22, 3);
    const c = m.concat(tail);
    expect([c.toFile(3), c.toFile(4), c.toFile(6)]).toEqual([21, 22, 24]);
    expect(new OffsetMap(7).toFile(3)).toBe(7);
  });
});
