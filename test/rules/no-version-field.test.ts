import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

describe('no-version-field', () => {
  it('reports version in base and overlay, each in its own file', async () => {
    const ds = await lintFiles(
      {
        'docker-compose.yml': "version: '3.8'\nservices:\n  a:\n    image: redis:7.4.1\n",
        'docker-compose.prod.yml': 'version: "3"\nservices:\n  a:\n    restart: always\n',
      },
      { rules: ['no-version-field'] },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'no-version-field', file: 'docker-compose.prod.yml', line: 1, column: 1, endLine: 1, endColumn: 13 },
      { ruleId: 'no-version-field', file: 'docker-compose.yml', line: 1, column: 1, endLine: 1, endColumn: 15 },
    ]);
    expect(ds[1]!.fix?.edits).toEqual([{ file: 'docker-compose.yml', start: 0, end: 15, text: '' }]);
  });
});

describe('fix', () => {
  it('removes the version line, CRLF and comments around it kept (safe)', async () => {
    const r = await fixFiles({ 'compose.yaml': "# stack\r\nversion: '3.8' # obsolete\r\nservices: # all\r\n  a:\r\n    image: redis:7.4.1\r\n" }, { rules: ['no-version-field'] });
    expect(r.files['compose.yaml']).toBe('# stack\r\nservices: # all\r\n  a:\r\n    image: redis:7.4.1\r\n');
    expect(r.remaining.filter((d) => d.ruleId === 'no-version-field')).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
