import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

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

describe('fix', () => {
  it('declares every undeclared volume of the file in one edit, creating the section (unsafe)', async () => {
    const compose = 'services:\n  db:\n    image: postgres:17.2\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\n  q:\n    image: qdrant/qdrant:v1.12.4\n    volumes:\n      - type: volume\n        source: qdrant_storage # vectors\n        target: /qdrant/storage\n';
    expect((await fixFiles({ 'compose.yaml': compose }, { rules })).outcome.changes).toEqual([]);
    const r = await fixFiles({ 'compose.yaml': compose }, { rules, unsafe: true });
    expect(r.files['compose.yaml']).toBe(`${compose}\nvolumes:\n  pgdata:\n  qdrant_storage:\n`);
    expect(r.remaining.filter((d) => d.ruleId === 'volume-declared')).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('adds to an existing section and removes an unused declaration with its settings', async () => {
    const compose = 'services:\r\n  db:\r\n    image: postgres:17.2\r\n    volumes:\r\n      - pgdata:/var/lib/postgresql/data # data\r\nvolumes:\r\n  old:\r\n    driver: local\r\n  models: {} # kept\r\n';
    const r = await fixFiles({ 'compose.yaml': compose, 'compose.dev.yaml': 'services:\n  m:\n    image: ollama/ollama:0.5.7\n    volumes:\n      - models:/root/.ollama\n' }, { rules, unsafe: true });
    expect(r.files['compose.yaml']).toBe('services:\r\n  db:\r\n    image: postgres:17.2\r\n    volumes:\r\n      - pgdata:/var/lib/postgresql/data # data\r\nvolumes:\r\n  models: {} # kept\r\n  pgdata:\r\n');
    expect(r.remaining.filter((d) => d.ruleId === 'volume-declared')).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
