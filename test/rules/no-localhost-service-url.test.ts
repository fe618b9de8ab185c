import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['no-localhost-service-url'];

describe('no-localhost-service-url', () => {
  const compose = [
    'services:',
    '  ollama:',
    '    image: ollama/ollama:0.5.7',
    '  db:',
    '    image: postgres:16.4',
    '  search:',
    '    image: ghcr.io/acme/search:1.0.0',
    '    expose: ["7700"]',
    '  api:',
    '    build: ./api',
    '    environment:',
    '      - OLLAMA_BASE_URL=http://localhost:11434',
    '      - SELF_URL=http://localhost:8000/health',
    '      - CORS_ORIGINS=http://localhost:11434',
    '      - SEARCH_URL=http://127.0.0.1:7700',
    '  worker:',
    '    image: ghcr.io/acme/worker:1.0.0',
    '    environment:',
    '      DATABASE_URL: "postgresql://u:${DB_PASSWORD:?}@localhost:5432/db"',
    '      OTHER_URL: http://localhost:9999',
    '',
  ].join('\n');
  const files = { 'compose.yaml': compose, 'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8000\n' };

  it('reports loopback URLs to ports another service listens on, at host:port, naming the service', async () => {
    const ds = await lintFiles(files, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'no-localhost-service-url', file: 'compose.yaml', line: 12, column: 32, endLine: 12, endColumn: 47 },
      { ruleId: 'no-localhost-service-url', file: 'compose.yaml', line: 15, column: 27, endLine: 15, endColumn: 41 },
      { ruleId: 'no-localhost-service-url', file: 'compose.yaml', line: 19, column: 54, endLine: 19, endColumn: 68 },
    ]);
    expect(ds[0]!.message).toBe('api points OLLAMA_BASE_URL at localhost:11434, which inside its container is api itself; use the service name: ollama:11434');
    expect(ds[1]!.message).toContain('use the service name: search:7700');
    expect(ds[2]!.message).toContain('worker points DATABASE_URL at localhost:5432');
  });

  it('offers an unsafe fix replacing the host with the service name', async () => {
    const ds = await lintFiles(files, { rules });
    const d = ds[2]!;
    const e = d.fix!.edits[0]!;
    expect(d.fix!.safe).toBe(false);
    expect((compose.slice(0, e.start) + e.text + compose.slice(e.end)).split('\n')[18]).toBe('      DATABASE_URL: "postgresql://u:${DB_PASSWORD:?}@db:5432/db"');
  });

  it('names every listener and offers no fix when several services share the port', async () => {
    const text = 'services:\n  db:\n    image: postgres:16.4\n  analytics:\n    image: postgres:16.4\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    environment:\n      PGHOST_URL: postgres://localhost:5432\n';
    const [d] = await lintFiles({ 'compose.yaml': text }, { rules });
    expect(d!.message).toContain('use the service name: db:5432 or analytics:5432');
    expect(d!.fix).toBeUndefined();
  });

  it('skips services sharing another network namespace', async () => {
    const text = [
      'services:',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '  exporter:',
      '    image: ghcr.io/acme/exporter:1.0.0',
      '    network_mode: service:ollama',
      '    environment: [OLLAMA_HOST=http://localhost:11434]',
      '  tool:',
      '    image: ghcr.io/acme/tool:1.0.0',
      '    network_mode: host',
      '    environment: [OLLAMA_HOST=http://localhost:11434]',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': text }, { rules })).toEqual([]);
  });
});

describe('fix', () => {
  it('points the URL at the one service listening on that port, comments kept (unsafe)', async () => {
    const full = [
      'services:',
      '  api:',
      '    image: ghcr.io/acme/rag-api:2.1.0',
      '    environment:',
      '      QDRANT_URL: "http://localhost:6333" # vectors',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4',
      '',
    ].join('\n');
    const r = await fixFiles({ 'compose.yaml': full }, { rules, unsafe: true });
    expect(r.files['compose.yaml']).toBe(full.replace('http://localhost:6333', 'http://qdrant:6333'));
    expect(r.remaining.filter((d) => d.ruleId === rules[0])).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
