import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-privileged.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('no-privileged', () => {
  it('reports privileged: true at the value as an error', async () => {
    const ds = await lint('services:\n  ollama:\n    image: ollama/ollama:0.5.7\n    privileged: true\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 17, endLine: 4, endColumn: 21 }]);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message).toBe(
      'ollama runs privileged: every capability and every host device, so a compromise of it is a compromise of the host; drop privileged and add only the capabilities or devices it needs',
    );
  });

  it('reports host-reaching capabilities as warnings, in any spelling (two findings)', async () => {
    const compose = 'services:\n  fuse:\n    image: acme/fuse:1\n    cap_add:\n      - NET_BIND_SERVICE\n      - sys_admin\n      - "CAP_DAC_READ_SEARCH"\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 6, column: 9, endLine: 6, endColumn: 18 },
      { line: 7, column: 9, endLine: 7, endColumn: 30 },
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
    expect(ds.map((d) => d.message)).toEqual([
      'fuse adds sys_admin (mount, namespace and device control, enough to escape); add only the narrow capabilities it needs',
      'fuse adds CAP_DAC_READ_SEARCH (reading any host file by handle); add only the narrow capabilities it needs',
    ]);
  });

  it('reports both the flag and ALL in flow style on one service', async () => {
    const ds = await lint('services:\n  s:\n    image: acme/s:1\n    privileged: "true"\n    cap_add: [ALL, SYS_MODULE]\n');
    expect(ds.map((d) => ({ ...pos(d), severity: d.severity }))).toEqual([
      { line: 4, column: 17, endLine: 4, endColumn: 23, severity: 'error' },
      { line: 5, column: 15, endLine: 5, endColumn: 18, severity: 'warning' },
      { line: 5, column: 20, endLine: 5, endColumn: 30, severity: 'warning' },
    ]);
  });

  it('leaves privileged: false and narrow capabilities alone, in every environment', async () => {
    expect(await lint('services:\n  s:\n    image: acme/s:1\n    privileged: false\n    cap_drop: [ALL]\n    cap_add: [CHOWN, NET_ADMIN]\n')).toEqual([]);
    const dev = await lintFiles({ 'compose.dev.yaml': 'services:\n  s:\n    image: acme/s:1\n    privileged: true\n' }, { rules: [id] });
    expect(dev).toHaveLength(1);
  });
});
