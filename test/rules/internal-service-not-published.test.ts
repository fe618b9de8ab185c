import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['internal-service-not-published'];

describe('internal-service-not-published', () => {
  const compose = [
    'services:',
    '  qdrant:',
    '    image: qdrant/qdrant:v1.12.5',
    '    ports:',
    '      - "6333:6333"',
    '      - 127.0.0.1:6334:6334',
    '  db:',
    '    build: ./db',
    '    ports:',
    '      - target: 5432',
    '        published: 5433',
    '        host_ip: "::"',
    '      - 5432',
    '  web:',
    '    image: nginx:1.27.3',
    '    ports: ["80:80"]',
    '',
  ].join('\n');
  const files = { 'compose.yaml': compose, 'db/Dockerfile': 'FROM pgvector/pgvector:pg17\nCOPY init.sql /docker-entrypoint-initdb.d/\n' };

  it('reports ports of internal services (pulled or built FROM one) on every interface, at the entry', async () => {
    const ds = await lintFiles(files, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'internal-service-not-published', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 20 },
      { ruleId: 'internal-service-not-published', file: 'compose.yaml', line: 10, column: 9, endLine: 12, endColumn: 22 },
      { ruleId: 'internal-service-not-published', file: 'compose.yaml', line: 13, column: 9, endLine: 13, endColumn: 13 },
    ]);
    expect(ds[0]!.message).toBe(
      'qdrant (qdrant) publishes port 6333 on every host interface, and a vector store must not face the network; bind it to 127.0.0.1 or drop the port and reach it as qdrant:6333',
    );
    expect(ds[1]!.message).toContain('db (pgvector) publishes port 5433 on every host interface, and a database');
    expect(ds[2]!.message).toContain('publishes container port 5432 on a random host port on every host interface');
  });

  it('offers an unsafe fix that binds entries to 127.0.0.1, replacing a host IP of every interface', async () => {
    const ds = await lintFiles(files, { rules });
    expect(ds.map((d) => d.fix?.edits[0]?.text)).toEqual(['127.0.0.1:', '"127.0.0.1"', '127.0.0.1::']);
    const e = ds[0]!.fix!.edits[0]!;
    expect(ds[0]!.fix!.safe).toBe(false);
    expect((compose.slice(0, e.start) + e.text + compose.slice(e.end)).split('\n')[4]).toBe('      - "127.0.0.1:6333:6333"');
  });

  it('checks prod stacks only', async () => {
    const dev = { 'compose.dev.yaml': 'services:\n  redis:\n    image: redis:7.4.1\n    ports: ["6379:6379"]\n' };
    expect(await lintFiles(dev, { rules })).toEqual([]);
    expect(await lintFiles(dev, { rules, environment: 'prod' })).toHaveLength(1);
  });

  it('reports an explicit 0.0.0.0 but not 127.0.0.1, [::1] or unknown images', async () => {
    const text = 'services:\n  ollama:\n    image: ollama/ollama:0.5.7\n    ports:\n      - 0.0.0.0:11434:11434\n      - "[::1]:11435:11434"\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    ports: ["8080:8080"]\n';
    expect((await lintFiles({ 'compose.yaml': text }, { rules })).map((d) => d.span.line)).toEqual([5]);
  });
});

describe('fix', () => {
  it('binds internal services to 127.0.0.1, replacing an explicit 0.0.0.0 (unsafe)', async () => {
    const compose = [
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    ports:',
      "      - '5432:5432' # psql",
      '      - "0.0.0.0:5433:5432" # open',
      '  redis:',
      '    image: redis:7.4.1',
      '    ports:',
      '      - target: 6379',
      '        published: 6379',
      '        host_ip: "0.0.0.0" # everywhere',
      '      - target: 6380',
      '',
    ].join('\r\n');
    const r = await fixFiles({ 'compose.yaml': compose }, { rules: ['internal-service-not-published'], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    ports:',
      "      - '127.0.0.1:5432:5432' # psql",
      '      - "127.0.0.1:5433:5432" # open',
      '  redis:',
      '    image: redis:7.4.1',
      '    ports:',
      '      - target: 6379',
      '        published: 6379',
      '        host_ip: "127.0.0.1" # everywhere',
      '      - target: 6380',
      '        host_ip: 127.0.0.1',
      '',
    ].join('\r\n'));
    expect(r.remaining.filter((d) => d.ruleId === 'internal-service-not-published')).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
