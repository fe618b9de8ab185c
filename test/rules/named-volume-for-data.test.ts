import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/named-volume-for-data.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const id = rule.meta.id;

describe('named-volume-for-data', () => {
  it('reports a bind mount and a missing volume, each where the fix goes', async () => {
    const compose = [
      'services:',
      '  db:',
      '    image: postgres:17.2',
      '    volumes:',
      '      - ./data:/var/lib/postgresql/data',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 9, endLine: 5, endColumn: 40 },
      { line: 7, column: 12, endLine: 7, endColumn: 33 },
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(ds[0]!.message).toBe(
      'db keeps database files in /var/lib/postgresql/data, which is bind-mounted from the host path ./data: the data then depends on that host folder and its file ownership instead of a volume Docker manages; use a named volume',
    );
    expect(ds[1]!.message).toBe('qdrant keeps collections in /qdrant/storage, and no named volume covers it, so the data stays in the container layer, which recreating the container discards; mount a named volume at /qdrant/storage');
  });

  it('on postgres 18 says a volume only at /var/lib/postgresql/data is the old path', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 5, column: 9, endLine: 5, endColumn: 40 }]);
    expect(ds[0]!.message).toBe(
      'db keeps database files in /var/lib/postgresql/18/docker, not in /var/lib/postgresql/data: that is where older versions kept it (the 18+ entrypoint refuses to start once that old path holds data), so the data lands in the anonymous volume the image declares at /var/lib/postgresql, which `docker compose down` leaves behind; mount a named volume at /var/lib/postgresql',
    );
  });

  it('accepts postgres 18 with the volume at the parent, or with PGDATA moved to the mount', async () => {
    expect(await lintFiles({ 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pgdata:/var/lib/postgresql\nvolumes:\n  pgdata:\n' }, { rules: [id] })).toEqual([]);
    expect(
      await lintFiles({ 'compose.yaml': 'services:\n  db:\n    image: postgres:18\n    environment:\n      - PGDATA=/var/lib/postgresql/data\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' }, { rules: [id] }),
    ).toEqual([]);
  });

  it('on postgres 17 says a parent mount is shadowed by the image VOLUME', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql\nvolumes:\n  pgdata:\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 5, column: 9, endLine: 5, endColumn: 35 }]);
    expect(ds[0]!.message).toContain("Docker mounts the image's VOLUME /var/lib/postgresql/data over it");
  });

  it('reports an anonymous volume at the mount', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  ollama:\n    image: ollama/ollama:0.5.7\n    volumes:\n      - /root/.ollama\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 5, column: 9, endLine: 5, endColumn: 22 }]);
    expect(ds[0]!.message).toMatch(/^ollama keeps downloaded models in \/root\/\.ollama on an anonymous volume/);
  });

  it('follows env overrides and says where the path came from', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  ollama:\n    image: ollama/ollama:0.5.7\n    environment:\n      OLLAMA_MODELS: /models\n    volumes:\n      - ollama:/root/.ollama\nvolumes:\n  ollama:\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 3, column: 12, endLine: 3, endColumn: 31 }]);
    expect(ds[0]!.message).toMatch(/^ollama keeps downloaded models in \/models \(set by OLLAMA_MODELS\)/);
  });

  it('reads the minio data dir from `server` and reports it at the image when uncovered', async () => {
    const ds = await lintFiles({ 'compose.yaml': 'services:\n  minio:\n    image: minio/minio:RELEASE.2024-05-28T17-19-04Z\n    command: minio server /minio_data\n    volumes:\n      - minio:/data\nvolumes:\n  minio:\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 3, column: 12, endLine: 3, endColumn: 52 }]);
    expect(ds[0]!.message).toMatch(/^minio keeps objects in \/minio_data \(given to `server` in the command\)/);
  });

  it('skips services that build, and images it does not know', async () => {
    const text = 'services:\n  api:\n    build: .\n    image: postgres:17\n  web:\n    image: nginx:1.27\n';
    expect(await lintFiles({ 'compose.yaml': text }, { rules: [id] })).toEqual([]);
  });

  it('checks data paths declared in options, for built services too', async () => {
    const text = 'services:\n  api:\n    build: .\n    volumes:\n      - ./data:/app/data\n  worker:\n    image: myorg/worker:1.2\n';
    const ds = await lintFiles({ 'compose.yaml': text }, { rules: [id], options: { [id]: { paths: [{ service: 'api', path: '/app/data' }, { image: 'myorg/*', path: '/var/cache/worker' }] } } });
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 9, endLine: 5, endColumn: 25 },
      { line: 7, column: 12, endLine: 7, endColumn: 28 },
    ]);
    expect(ds[0]!.message).toMatch(/^api keeps data in \/app\/data \(declared in ragcheck options\), which is bind-mounted/);
  });

  it('declares its options schema', () => {
    expect(rule.meta.options).toMatchObject({ additionalProperties: false });
    expect(rule.meta.defaultOptions).toEqual({ paths: [] });
  });
});

describe('fix', () => {
  const fix = (compose: string) => fixFiles({ 'compose.yaml': compose }, { rules: [id], unsafe: true });

  it('gives a bind or anonymous data mount a volume name and declares it (unsafe)', async () => {
    const compose = [
      'services:',
      '  db:',
      '    image: postgres:17.2',
      '    volumes:',
      '      - ./data:/var/lib/postgresql/data # host folder',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '    volumes:',
      '      - "/root/.ollama" # anonymous',
      '',
      'volumes:',
      '  cache: {}',
      '',
    ].join('\n');
    expect((await fixFiles({ 'compose.yaml': compose }, { rules: [id] })).outcome.changes).toEqual([]);
    const r = await fix(compose);
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  db:',
      '    image: postgres:17.2',
      '    volumes:',
      '      - db_data:/var/lib/postgresql/data # host folder',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '    volumes:',
      '      - "ollama_data:/root/.ollama" # anonymous',
      '',
      'volumes:',
      '  cache: {}',
      '  db_data:',
      '  ollama_data:',
      '',
    ].join('\n'));
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('turns a long bind mount into a volume, adds a mount where there is none, and moves a legacy target', async () => {
    const compose = [
      'services:',
      '  db:',
      '    image: postgres:17.2',
      '    volumes:',
      '      - type: bind # was a folder',
      '        source: ./pg',
      '        target: /var/lib/postgresql/data',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4 # no volume',
      '  chroma:',
      '    image: chromadb/chroma:1.0.12',
      '    volumes:',
      '      - chroma:/chroma/chroma # 0.x path',
      'volumes:',
      '  chroma:',
      '',
    ].join('\r\n');
    const r = await fix(compose);
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  db:',
      '    image: postgres:17.2',
      '    volumes:',
      '      - type: volume # was a folder',
      '        source: db_data',
      '        target: /var/lib/postgresql/data',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4 # no volume',
      '    volumes:',
      '      - qdrant_data:/qdrant/storage',
      '  chroma:',
      '    image: chromadb/chroma:1.0.12',
      '    volumes:',
      '      - chroma:/data # 0.x path',
      'volumes:',
      '  chroma:',
      '  db_data:',
      '  qdrant_data:',
      '',
    ].join('\r\n'));
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('edits a mount inside a flow sequence in place', async () => {
    const compose = 'services:\n  db:\n    image: postgres:17.2\n    volumes: [./data:/var/lib/postgresql/data]\n';
    const r = await fix(compose);
    expect(r.files['compose.yaml']).toBe(compose.replace('./data', 'db_data') + '\nvolumes:\n  db_data:\n');
    expect(r.second).toEqual([]);
  });
});
