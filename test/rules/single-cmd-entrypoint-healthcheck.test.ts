import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/single-cmd-entrypoint-healthcheck.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('single-cmd-entrypoint-healthcheck', () => {
  it('reports the earlier CMD, ENTRYPOINT and HEALTHCHECK of a stage, pointing at the one that wins', async () => {
    const text = [
      'FROM python:3.12-slim AS builder',
      'CMD ["python", "a.py"]',
      'CMD ["python", "b.py"]',
      'FROM python:3.12-slim',
      'ENTRYPOINT ["tini", "--"]',
      'HEALTHCHECK --interval=30s \\',
      '  CMD ["python", "hc.py"]',
      'HEALTHCHECK NONE',
      'ENTRYPOINT ["/entrypoint.sh"]',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 1, endLine: 2, endColumn: 23 },
      { line: 5, column: 1, endLine: 5, endColumn: 26 },
      { line: 6, column: 1, endLine: 6, endColumn: 12 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'This CMD has no effect: the CMD on line 3 replaces it; remove one of them',
      'This ENTRYPOINT has no effect: the ENTRYPOINT on line 9 replaces it; remove one of them',
      'This HEALTHCHECK has no effect: the HEALTHCHECK on line 8 replaces it; remove one of them',
    ]);
    expect(ds[0]!.related!.map((s) => s.line)).toEqual([3]);
  });

  it('accepts one of each per stage, also when stages override their base', async () => {
    const text = 'FROM python:3.12-slim AS base\nCMD ["python", "a.py"]\nFROM base\nCMD ["python", "b.py"]\nHEALTHCHECK NONE\n';
    expect(await lint(text)).toEqual([]);
  });
});
