import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const HEALTHCHECK = '    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n';
const VOLUME = `${HEALTHCHECK}    volumes:\n      - data:/data\nvolumes:\n  data: {}\n`;

describe('inline suppressions', () => {
  it('disable-next-line silences the named rule on the next line only', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    # ragcheck-disable-next-line pinned-image-tag -- vendor ships no tags\n    image: redis:latest\n${VOLUME}`,
    });
    expect(ds).toEqual([]);
  });

  it('disable-line at the end of the line, and several ids at once', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    image: redis:latest # ragcheck-disable-line pinned-image-tag, named-volume-for-data\n${HEALTHCHECK}`,
    });
    expect(ds).toEqual([]);
  });

  it('file-wide disable, with or without ids', async () => {
    const withId = await lintFiles({ 'compose.yaml': `# ragcheck-disable no-version-field\nversion: "3"\nservices:\n  a:\n    image: redis:7.4.1\n${VOLUME}` });
    expect(withId).toEqual([]);
    const all = await lintFiles({ 'compose.yaml': `# ragcheck-disable\nversion: "3"\nservices:\n  a:\n    image: redis:latest\n${HEALTHCHECK}` });
    expect(all).toEqual([]);
  });

  it('reports directives that silence nothing or name unknown rules, at the comment line', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    # ragcheck-disable-next-line pinned-image-tag\n    image: redis:7.4.1\n    # ragcheck-disable-next-line pinned-imag-tag\n    restart: always\n${VOLUME}`,
    });
    expect(ds.map(at)).toEqual([
      { ruleId: 'unused-disable', file: 'compose.yaml', line: 3, column: 1, endLine: 3, endColumn: 50 },
      { ruleId: 'unused-disable', file: 'compose.yaml', line: 5, column: 1, endLine: 5, endColumn: 49 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'Unused ragcheck-disable directive (no problems from pinned-image-tag were reported here)',
      'ragcheck-disable names an unknown rule "pinned-imag-tag"',
    ]);
  });

  it('cannot silence a file that failed to parse', async () => {
    const ds = await lintFiles({ 'compose.yaml': '# ragcheck-disable\nservices: [\n' });
    expect(ds.map((d) => d.ruleId)).toEqual(['parse-error']);
  });

  it('is turned off with the rule', async () => {
    const ds = await lintFiles({
      'compose.yaml': `services:\n  a:\n    image: redis:7.4.1 # ragcheck-disable-line pinned-image-tag\n${VOLUME}`,
      '.ragcheck.yaml': 'rules:\n  unused-disable: off\n',
    });
    expect(ds).toEqual([]);
  });
});
