import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['volume-declared'];

describe('volume-declared', () => {
  it('reports an undeclared volume at its name and an unused one at its key', async () => {
    const ds = await lintFiles(
      { 'compose.yaml': 'services:\n  db:\n    image: postgres:17.2\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  postgres_data: {}\n' },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'volume-declared', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 15 },
      { ruleId: 'volume-declared', file: 'compose.yaml', line: 7, column: 3, endLine: 7, endColumn: 16 },
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'warning']);
  });

  it('counts a volume used by any overlay of the base file', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  web:\n    image: node:22.11\nvolumes:\n  cache: {}\n',
        'compose.dev.yaml': 'services:\n  web:\n    volumes:\n      - cache:/root/.cache\n',
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });
});
