import { describe, expect, it } from 'vitest';
import { dataDirs, findKnownImage, imageVolumes, KNOWN_IMAGES, type KnownImage } from '../../src/images/known-images.js';
import { parseImageRef } from '../../src/images/ref.js';
import { parseVersion } from '../../src/images/version.js';

function known(text: string): KnownImage | undefined {
  const ref = parseImageRef(text);
  return ref && findKnownImage(ref);
}

function dirs(text: string, env: Record<string, string | null> = {}, argv: string[] = []) {
  const ref = parseImageRef(text)!;
  const image = findKnownImage(ref);
  if (!image) throw new Error(`unknown image ${text}`);
  return dataDirs(image, ref.tag, env, argv).map((d) => ({ path: d.path, mountAt: d.mountAt, why: d.why }));
}

describe('parseVersion', () => {
  it.each([
    ['16.4-alpine', [16, 4]],
    ['18', [18]],
    ['v1.7.4', [1, 7, 4]],
    ['1.0.8.dev9', [1, 0, 8]],
    ['18beta1', [18]],
    ['7-alpine', [7]],
    ['0.5.23', [0, 5, 23]],
  ])('%s → %j', (tag, want) => expect(parseVersion(tag)).toEqual(want));

  it.each(['latest', 'alpine', 'bookworm', 'RELEASE.2024-05-28T17-19-04Z', ''])('%s has no version', (tag) => {
    expect(parseVersion(tag)).toBeUndefined();
  });

  it('reads the postgres major out of pgvector and timescale tags', () => {
    const pg = /(?:^|-)pg(\d+)(?!\d)/;
    expect(parseVersion('pg17', pg)).toEqual([17]);
    expect(parseVersion('0.8.0-pg18-trixie', pg)).toEqual([18]);
    expect(parseVersion('latest-pg16', pg)).toEqual([16]);
    expect(parseVersion('0.8.0', pg)).toBeUndefined();
  });

  it('is undefined without a tag', () => expect(parseVersion(undefined)).toBeUndefined());
});

describe('findKnownImage', () => {
  it.each([
    ['postgres:16', 'postgres'],
    ['docker.io/library/postgres:16', 'postgres'],
    ['index.docker.io/library/postgres', 'postgres'],
    ['registry-1.docker.io/library/postgres', 'postgres'],
    ['docker.io/postgres:17', 'postgres'],
    ['postgis/postgis:16-3.4', 'postgres'],
    ['pgvector/pgvector:pg17', 'pgvector'],
    ['ankane/pgvector:v0.5.1', 'pgvector'],
    ['timescale/timescaledb:latest-pg17', 'timescaledb'],
    ['timescale/timescaledb-ha:pg16', 'timescaledb-ha'],
    ['chromadb/chroma:latest', 'chroma'],
    ['ghcr.io/chroma-core/chroma:1.0.15', 'chroma'],
    ['qdrant/qdrant:v1.12.4', 'qdrant'],
    ['cr.weaviate.io/semitechnologies/weaviate:1.25.0', 'weaviate'],
    ['quay.io/coreos/etcd:v3.5.18', 'etcd'],
    ['minio/minio:RELEASE.2024-05-28T17-19-04Z', 'minio'],
    ['ghcr.io/open-webui/open-webui:main', 'open-webui'],
    ['redis:7-alpine', 'redis'],
    ['valkey/valkey:8', 'valkey'],
    ['redis/redis-stack-server:7.2.0-v10', 'redis-stack'],
    ['getmeili/meilisearch:v1.9', 'meilisearch'],
  ])('%s is %s', (text, id) => expect(known(text)?.id).toBe(id));

  it.each(['myorg/postgres:16', 'ghcr.io/someone/postgres:16', 'nginxinc/nginx-unprivileged:1.27', 'postgresql:16', 'chromadb/chroma-client'])('%s is not known', (text) => {
    expect(known(text)).toBeUndefined();
  });

  it('has every id the issue asks for', () => {
    const ids = new Set(KNOWN_IMAGES.map((i) => i.id));
    for (const id of ['postgres', 'pgvector', 'timescaledb', 'mysql', 'mariadb', 'mongo', 'redis', 'valkey', 'redis-stack', 'qdrant', 'chroma', 'milvus', 'weaviate', 'elasticsearch', 'opensearch', 'ollama', 'open-webui', 'minio', 'etcd', 'rabbitmq', 'neo4j', 'clickhouse', 'meilisearch']) {
      expect(ids).toContain(id);
    }
    for (const image of KNOWN_IMAGES) expect(image.evidence.length).toBeGreaterThan(0);
  });
});

describe('dataDirs', () => {
  it('postgres 17 keeps data in /var/lib/postgresql/data', () => {
    expect(dirs('postgres:17.2')).toEqual([{ path: '/var/lib/postgresql/data', mountAt: '/var/lib/postgresql/data', why: 'the image default (PGDATA not set)' }]);
    expect(imageVolumes(known('postgres:17')!, '17')).toEqual(['/var/lib/postgresql/data']);
  });

  it('postgres 18 keeps data in /var/lib/postgresql/18/docker and wants the volume at the parent', () => {
    expect(dirs('postgres:18.1-alpine')).toEqual([{ path: '/var/lib/postgresql/18/docker', mountAt: '/var/lib/postgresql', why: 'the image default (PGDATA not set)' }]);
    expect(imageVolumes(known('postgres:18')!, '18')).toEqual(['/var/lib/postgresql']);
  });

  it('postgres:latest, untagged and alpine mean 18 today', () => {
    for (const text of ['postgres:latest', 'postgres', 'postgres:alpine']) expect(dirs(text)[0]!.path).toBe('/var/lib/postgresql/18/docker');
  });

  it('PGDATA moves the data dir, and the volume then belongs there', () => {
    expect(dirs('postgres:18', { PGDATA: '/var/lib/postgresql/data' })).toEqual([{ path: '/var/lib/postgresql/data', mountAt: '/var/lib/postgresql/data', why: 'set by PGDATA' }]);
    expect(dirs('postgres:16', { PGDATA: '/var/lib/postgresql/data/pgdata/' })[0]!.path).toBe('/var/lib/postgresql/data/pgdata');
  });

  it('an empty or pass-through PGDATA keeps the default', () => {
    expect(dirs('postgres:16', { PGDATA: '' })[0]!.path).toBe('/var/lib/postgresql/data');
    expect(dirs('postgres:16', { PGDATA: null })[0]!.path).toBe('/var/lib/postgresql/data');
  });

  it('pgvector and timescale follow the postgres major in their tag', () => {
    expect(dirs('pgvector/pgvector:pg17')[0]!.path).toBe('/var/lib/postgresql/data');
    expect(dirs('pgvector/pgvector:0.8.1-pg18-trixie')[0]!.path).toBe('/var/lib/postgresql/18/docker');
    expect(dirs('timescale/timescaledb:latest-pg16')[0]!.path).toBe('/var/lib/postgresql/data');
    expect(dirs('timescale/timescaledb-ha:pg17')[0]!.path).toBe('/home/postgres/pgdata/data');
  });

  it('gives nothing when the postgres major cannot be told', () => {
    expect(dirs('pgvector/pgvector:0.8.0')).toEqual([]);
    expect(dirs('timescale/timescaledb:latest')).toEqual([]);
  });

  it('chroma 0.x uses /chroma/chroma and PERSIST_DIRECTORY; 1.x uses /data and ignores it', () => {
    expect(dirs('chromadb/chroma:0.5.23')[0]!.path).toBe('/chroma/chroma');
    expect(dirs('chromadb/chroma:0.4.22', { PERSIST_DIRECTORY: '/store' })[0]!.path).toBe('/store');
    expect(dirs('chromadb/chroma:1.0.15')[0]!.path).toBe('/data');
    expect(dirs('chromadb/chroma:1.0.15', { PERSIST_DIRECTORY: '/store' })[0]!.path).toBe('/data');
    expect(dirs('chromadb/chroma:latest')[0]!.path).toBe('/data');
    expect(dirs('chromadb/chroma:1.0.12', {}, ['run', '--host', '0.0.0.0', '--path', '/chroma-data'])[0]).toEqual({
      path: '/chroma-data',
      mountAt: '/chroma-data',
      why: 'set by --path in the command',
    });
  });

  it('minio stores data where `server` is told', () => {
    expect(dirs('minio/minio:RELEASE.2024-05-28T17-19-04Z', {}, ['minio', 'server', '/minio_data', '--console-address', ':9001']).map((d) => d.path)).toEqual(['/minio_data']);
    expect(dirs('quay.io/minio/minio', {}, ['server', '--console-address', ':9001', '/data']).map((d) => d.path)).toEqual(['/data']);
    expect(dirs('minio/minio', {}, ['server', '--quiet', '/a', '/b']).map((d) => d.path)).toEqual(['/a', '/b']);
    expect(dirs('minio/minio', { MINIO_VOLUMES: '/mnt/data' }, ['server']).map((d) => d.path)).toEqual(['/mnt/data']);
    expect(dirs('minio/minio', {}, ['server', 'http://minio{1...4}/data'])).toEqual([]);
    expect(dirs('minio/minio')).toEqual([]);
  });

  it('etcd stores data where --data-dir or ETCD_DATA_DIR says', () => {
    expect(dirs('quay.io/coreos/etcd:v3.5.18', {}, ['etcd', '-advertise-client-urls=http://etcd:2379', '--data-dir', '/etcd'])[0]!.path).toBe('/etcd');
    expect(dirs('quay.io/coreos/etcd:v3.5.18', {}, ['etcd', '--data-dir=/var/etcd'])[0]!.path).toBe('/var/etcd');
    expect(dirs('quay.io/coreos/etcd:v3.5.18', { ETCD_DATA_DIR: '/etcd-data' })[0]!.path).toBe('/etcd-data');
    expect(dirs('quay.io/coreos/etcd:v3.5.18', { ETCD_DATA_DIR: '/env' }, ['--data-dir', '/flag'])[0]!.path).toBe('/flag');
    expect(dirs('quay.io/coreos/etcd:v3.5.18')).toEqual([]);
  });

  it('honours the env overrides of ollama, open-webui, qdrant, weaviate and meilisearch', () => {
    expect(dirs('ollama/ollama:0.5.7')[0]!.path).toBe('/root/.ollama');
    expect(dirs('ollama/ollama:0.5.7', { OLLAMA_MODELS: '/models' })[0]!.path).toBe('/models');
    expect(dirs('ghcr.io/open-webui/open-webui:v0.6.5', { DATA_DIR: '/srv/webui' })[0]!.path).toBe('/srv/webui');
    expect(dirs('qdrant/qdrant:v1.12.4', { QDRANT__STORAGE__STORAGE_PATH: '/storage' })[0]!.path).toBe('/storage');
    expect(dirs('semitechnologies/weaviate:1.25.0')[0]!.path).toBe('/data');
    expect(dirs('semitechnologies/weaviate:1.25.0', { PERSISTENCE_DATA_PATH: '/var/lib/weaviate' })[0]!.path).toBe('/var/lib/weaviate');
    expect(dirs('getmeili/meilisearch:v1.9')[0]).toMatchObject({ path: '/meili_data/data.ms', mountAt: '/meili_data' });
    expect(dirs('getmeili/meilisearch:v1.9', { MEILI_DB_PATH: './db' })[0]!.path).toBe('/meili_data/db');
  });

  it('ignores relative overrides when the working directory is unknown', () => {
    expect(dirs('ollama/ollama:0.5.7', { OLLAMA_MODELS: 'models' })).toEqual([]);
  });
});
