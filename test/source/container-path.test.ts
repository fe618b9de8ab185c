import { describe, expect, it } from 'vitest';
import { normalizePath } from '../../src/source/container-path.js';

describe('normalizePath', () => {
  it('collapses repeated slashes and drops a trailing one, keeping a lone `/`', () => {
    const cases: [string, string][] = [
      ['/data', '/data'],
      ['/', '/'],
      ['', ''],
      ['//', '/'],
      ['/data/', '/data'],
      ['/var//lib///pg/', '/var/lib/pg'],
      ['rel/dir', 'rel/dir'],
    ];
    for (const [input, want] of cases) expect(normalizePath(input), input).toBe(want);
  });
});
