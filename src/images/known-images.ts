import picomatch from 'picomatch';
import type { Version } from './version.js';

export { dataDirs, imageVersion, imageVolumes, layoutFor, normalize, type DataDir, type Env } from './data-dirs.js';

/**
 * What ragcheck knows about widely used images it does not build: where they keep their data,
 * and (for later rules) their user, tools and health endpoints. Every entry carries the evidence
 * it was checked against; an optional field is left out rather than guessed.
 */
export interface KnownImage {
  /** Stable key and the name messages use: `postgres`, `chroma`. */
  id: string;
  /**
   * Repository globs (picomatch). Docker Hub images are written without registry
   * (`postgres`, `qdrant/qdrant`); others with it (`ghcr.io/chroma-core/chroma`).
   */
  repositories: string[];
  /** Where the version sits in the tag when it is not the leading number (`pg17`). */
  versionPattern?: RegExp;
  /** The version `latest` (or no tag) currently gives; absent when unknown. */
  latest?: Version;
  /** Data layouts by major version; the first that matches applies. */
  layouts: Layout[];
  /** Working directory of the image, to resolve relative paths set through env. */
  workdir?: string;
  /** Where the entry was checked. */
  evidence: string;

  // Filled by later rules; left out where not verified. `ports` come from the image's
  // EXPOSE or, where it has none, the vendor's documented compose file.
  /** Default user (`root`, `999`, `postgres`). */
  user?: string;
  /** Which tools exist in the image, for healthcheck rules. */
  binaries?: Partial<Record<'curl' | 'wget' | 'sh' | 'bash' | 'nc', boolean>>;
  /** A probe that works in this image (`CMD-SHELL`/`CMD` form as in Compose). */
  healthcheck?: string[];
  /** Ports the service listens on. */
  ports?: number[];
}

export interface Layout {
  /** Applies to majors ≥ since and ≤ until (either bound optional). */
  since?: number;
  until?: number;
  /** Paths the image declares with `VOLUME`: Docker mounts an anonymous volume there. */
  volumes?: string[];
  dirs: DataDirRule[];
}

export interface DataDirRule {
  /** Default path; `{major}` is the major version. Absent when only a flag or env sets it. */
  path?: string;
  /** What is stored there, for messages: `database files`, `downloaded models`. */
  what: string;
  /** Environment variable whose value replaces the path (`PGDATA`). */
  env?: string;
  /** Command-line flags whose value replaces the path (`--data-dir`). */
  flags?: string[];
  /** The data paths are the positional arguments after this subcommand (`minio server /data`). */
  argsAfter?: string;
  /** Where to mount the volume when that is not the path itself (postgres 18: the parent). */
  mountAt?: string;
  /** Paths older versions used: a mount there is the usual leftover of an upgrade. */
  legacy?: string[];
  /** What else goes wrong when a volume sits at a legacy path, for the message. */
  legacyNote?: string;
}

/** Evidence lives beside each entry; `(docs)` means the vendor's own documentation. */
const POSTGRES_LAYOUTS: Layout[] = [
  {
    until: 17,
    volumes: ['/var/lib/postgresql/data'],
    dirs: [{ path: '/var/lib/postgresql/data', env: 'PGDATA', what: 'database files' }],
  },
  {
    since: 18,
    volumes: ['/var/lib/postgresql'],
    dirs: [
      {
        path: '/var/lib/postgresql/{major}/docker',
        env: 'PGDATA',
        what: 'database files',
        mountAt: '/var/lib/postgresql',
        legacy: ['/var/lib/postgresql/data'],
        legacyNote: 'the 18+ entrypoint refuses to start once that old path holds data',
      },
    ],
  },
];

const PG_IN_TAG = /(?:^|-)pg(\d+)(?!\d)/;

export const KNOWN_IMAGES: readonly KnownImage[] = [
  {
    id: 'postgres',
    repositories: ['postgres', 'postgis/postgis'],
    // `latest`, `alpine`, `trixie` follow the newest major: 18 since its GA release (users of
    // floating tags hit the new layout then: docker-library/postgres#1370 and many downstream
    // reports). Update when 19 becomes `latest`.
    latest: [18],
    layouts: POSTGRES_LAYOUTS,
    user: 'root',
    ports: [5432],
    evidence:
      'docker-library/postgres 17/bookworm/Dockerfile `VOLUME /var/lib/postgresql/data`; 18/trixie/Dockerfile ' +
      '`ENV PGDATA /var/lib/postgresql/18/docker` + `VOLUME /var/lib/postgresql` (PR #1259, docs PR #2582); ' +
      'postgis/postgis is built FROM postgres:<major>',
  },
  {
    id: 'pgvector',
    repositories: ['pgvector/pgvector'],
    // Tags carry the PostgreSQL major (`pg17`, `0.8.0-pg17`); no verified `latest` tag.
    versionPattern: PG_IN_TAG,
    layouts: POSTGRES_LAYOUTS,
    ports: [5432],
    evidence: 'pgvector/pgvector images are built FROM postgres:<major> (tags pgNN), so they share its layout',
  },
  {
    id: 'pgvector',
    repositories: ['ankane/pgvector'],
    // Retired for pgvector/pgvector before PostgreSQL 18 existed: every tag has the ≤17 layout.
    layouts: [POSTGRES_LAYOUTS[0]!],
    ports: [5432],
    evidence: 'built FROM postgres (≤17) before the move to pgvector/pgvector',
  },
  {
    id: 'timescaledb-ha',
    repositories: ['timescale/timescaledb-ha'],
    layouts: [{ dirs: [{ path: '/home/postgres/pgdata/data', env: 'PGDATA', what: 'database files', legacy: ['/var/lib/postgresql/data'] }] }],
    ports: [5432],
    evidence: 'timescale/docs#1509, #3352: the HA image keeps PGDATA at /home/postgres/pgdata/data, not /var/lib/postgresql/data',
  },
  {
    id: 'timescaledb',
    repositories: ['timescale/timescaledb', 'timescale/timescaledb-postgis'],
    // Tags name the PostgreSQL major (`latest-pg17`, `2.17.2-pg17`); bare `latest` is unknown.
    versionPattern: PG_IN_TAG,
    layouts: POSTGRES_LAYOUTS,
    ports: [5432],
    evidence: 'timescale/timescaledb is built FROM postgres:<major>-alpine; timescale/docs#3997 confirms /var/lib/postgresql/data',
  },
  {
    id: 'mysql',
    repositories: ['mysql'],
    layouts: [{ volumes: ['/var/lib/mysql'], dirs: [{ path: '/var/lib/mysql', what: 'database files' }] }],
    ports: [3306],
    evidence: 'docker-library/mysql 8.4/Dockerfile.oracle `VOLUME /var/lib/mysql`',
  },
  {
    id: 'mariadb',
    repositories: ['mariadb'],
    layouts: [{ volumes: ['/var/lib/mysql'], dirs: [{ path: '/var/lib/mysql', what: 'database files' }] }],
    ports: [3306],
    evidence: 'MariaDB/mariadb-docker 11.4/Dockerfile `VOLUME /var/lib/mysql`',
  },
  {
    id: 'mongo',
    repositories: ['mongo'],
    // /data/configdb is also a VOLUME but holds data only on config servers of a sharded cluster.
    layouts: [{ volumes: ['/data/db', '/data/configdb'], dirs: [{ path: '/data/db', what: 'database files' }] }],
    ports: [27017],
    evidence: 'docker-library/mongo 4.4/Dockerfile `VOLUME /data/db /data/configdb`',
  },
  {
    id: 'redis',
    repositories: ['redis'],
    layouts: [{ volumes: ['/data'], dirs: [{ path: '/data', what: 'RDB/AOF persistence files' }] }],
    ports: [6379],
    evidence: 'redis/docker-library-redis 7.4/debian/Dockerfile `VOLUME /data` + `WORKDIR /data`',
  },
  {
    id: 'valkey',
    repositories: ['valkey/valkey'],
    layouts: [{ volumes: ['/data'], dirs: [{ path: '/data', what: 'RDB/AOF persistence files' }] }],
    ports: [6379],
    evidence: 'valkey-io/valkey-container Dockerfile.template `VOLUME /data` + `WORKDIR /data`',
  },
  {
    id: 'redis-stack',
    repositories: ['redis/redis-stack', 'redis/redis-stack-server'],
    layouts: [{ dirs: [{ path: '/data', what: 'RDB/AOF persistence files' }] }],
    ports: [6379],
    evidence: 'redis.io "Run Redis Stack on Docker" (docs): persistence is `-v /local-data/:/data`',
  },
  {
    id: 'qdrant',
    repositories: ['qdrant/qdrant'],
    // /qdrant/snapshots holds snapshots (backups) and is left to the user's judgement.
    layouts: [{ dirs: [{ path: '/qdrant/storage', env: 'QDRANT__STORAGE__STORAGE_PATH', what: 'collections' }] }],
    ports: [6333, 6334],
    evidence: 'qdrant quick start (docs) `-v $(pwd)/qdrant_storage:/qdrant/storage`; QDRANT__STORAGE__STORAGE_PATH maps storage.storage_path',
  },
  {
    id: 'chroma',
    repositories: ['chromadb/chroma', 'ghcr.io/chroma-core/chroma'],
    // `latest` has been the Rust 1.x server since 1.0.0.
    latest: [1],
    layouts: [
      {
        until: 0,
        dirs: [{ path: '/chroma/chroma', env: 'PERSIST_DIRECTORY', what: 'collections' }],
      },
      {
        since: 1,
        // 1.x reads persist_path from /config.yaml and ignores PERSIST_DIRECTORY; `run --path` overrides.
        dirs: [{ path: '/data', flags: ['--path'], what: 'collections', legacy: ['/chroma/chroma'] }],
      },
    ],
    ports: [8000],
    evidence:
      'chroma-core/chroma rust/Dockerfile `CMD ["run", "/config.yaml"]` with sample_configs/docker_single_node.yaml ' +
      '`persist_path: "/data"`, no VOLUME; 0.x WORKDIR /chroma persisted to ./chroma (PERSIST_DIRECTORY); ' +
      'chroma-core/chroma#6654, odysseus-dev/odysseus#5307 (data lost at /chroma/chroma on 1.x)',
  },
  {
    id: 'milvus',
    repositories: ['milvusdb/milvus'],
    layouts: [{ dirs: [{ path: '/var/lib/milvus', what: 'local data' }] }],
    ports: [19530, 9091],
    evidence: 'milvus-io/milvus deployments/docker/standalone/docker-compose.yml mounts /var/lib/milvus',
  },
  {
    id: 'weaviate',
    repositories: ['semitechnologies/weaviate', 'cr.weaviate.io/semitechnologies/weaviate'],
    // PERSISTENCE_DATA_PATH defaults to ./data and the image has no WORKDIR, so /data; the docs'
    // compose files set it to /var/lib/weaviate, and the mount must match whichever applies.
    workdir: '/',
    layouts: [{ dirs: [{ path: '/data', env: 'PERSISTENCE_DATA_PATH', what: 'objects and vector indexes' }] }],
    ports: [8080, 50051],
    evidence:
      'docs.weaviate.io docker installation: PERSISTENCE_DATA_PATH defaults to ./data; configuration/persistence: ' +
      '"the storage location inside the container … must match PERSISTENCE_DATA_PATH"; weaviate/weaviate Dockerfile has no WORKDIR',
  },
  {
    id: 'elasticsearch',
    repositories: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'],
    layouts: [{ dirs: [{ path: '/usr/share/elasticsearch/data', what: 'indices' }] }],
    ports: [9200, 9300],
    evidence: 'elastic.co "Install Elasticsearch with Docker" (docs) compose mounts esdata01:/usr/share/elasticsearch/data; library image re-bundles the upstream one',
  },
  {
    id: 'opensearch',
    repositories: ['opensearchproject/opensearch'],
    layouts: [{ dirs: [{ path: '/usr/share/opensearch/data', what: 'indices' }] }],
    ports: [9200, 9600],
    evidence: 'docs.opensearch.org "Installing OpenSearch using Docker" sample compose mounts opensearch-data1:/usr/share/opensearch/data',
  },
  {
    id: 'ollama',
    repositories: ['ollama/ollama'],
    layouts: [{ dirs: [{ path: '/root/.ollama', env: 'OLLAMA_MODELS', what: 'downloaded models' }] }],
    ports: [11434],
    evidence: 'ollama/ollama docs/docker.md `-v ollama:/root/.ollama`; OLLAMA_MODELS moves the model store',
  },
  {
    id: 'open-webui',
    repositories: ['ghcr.io/open-webui/open-webui'],
    layouts: [{ dirs: [{ path: '/app/backend/data', env: 'DATA_DIR', what: 'users, chats and uploads' }] }],
    ports: [8080],
    evidence: 'open-webui/open-webui Dockerfile WORKDIR /app/backend, data in /app/backend/data (DATA_DIR); upstream compose mounts open-webui:/app/backend/data',
  },
  {
    id: 'minio',
    repositories: ['minio/minio', 'quay.io/minio/minio'],
    // The image's own VOLUME is /data, but the server stores data only where `server` is told.
    // MINIO_VOLUMES (documented for minio's config env file) is used when the command gives none.
    layouts: [{ volumes: ['/data'], dirs: [{ argsAfter: 'server', env: 'MINIO_VOLUMES', what: 'objects' }] }],
    ports: [9000],
    evidence: 'minio/minio Dockerfile.release `VOLUME ["/data"]`, `CMD ["minio"]`; milvus standalone compose runs `minio server /minio_data`',
  },
  {
    id: 'etcd',
    repositories: ['quay.io/coreos/etcd', 'gcr.io/etcd-development/etcd'],
    // Without --data-dir, etcd writes `<name>.etcd` under the working directory, which the image does not pin.
    layouts: [{ dirs: [{ flags: ['--data-dir', '-data-dir'], env: 'ETCD_DATA_DIR', what: 'the key-value store' }] }],
    ports: [2379],
    evidence: 'milvus standalone compose runs `etcd … --data-dir /etcd` with a mount at /etcd; etcd flags map to ETCD_* env',
  },
  {
    id: 'rabbitmq',
    repositories: ['rabbitmq'],
    layouts: [{ volumes: ['/var/lib/rabbitmq'], dirs: [{ path: '/var/lib/rabbitmq', what: 'queues and definitions' }] }],
    ports: [4369, 5671, 5672, 15691, 15692, 25672],
    evidence: 'docker-library/rabbitmq 3.13/ubuntu/Dockerfile `ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq` + `VOLUME $RABBITMQ_DATA_DIR`',
  },
  {
    id: 'neo4j',
    repositories: ['neo4j'],
    layouts: [{ dirs: [{ path: '/data', what: 'graph store' }] }],
    ports: [7474, 7687],
    evidence: 'neo4j/docker-neo4j README `--volume=$HOME/neo4j/data:/data`',
  },
  {
    id: 'clickhouse',
    repositories: ['clickhouse/clickhouse-server', 'yandex/clickhouse-server', 'clickhouse'],
    layouts: [{ volumes: ['/var/lib/clickhouse'], dirs: [{ path: '/var/lib/clickhouse', what: 'tables' }] }],
    ports: [8123, 9000, 9009],
    evidence: 'ClickHouse/ClickHouse docker/server/Dockerfile.ubuntu `VOLUME /var/lib/clickhouse`',
  },
  {
    id: 'meilisearch',
    repositories: ['getmeili/meilisearch'],
    // WORKDIR /meili_data and the default db path ./data.ms; dumps and snapshots also land there.
    workdir: '/meili_data',
    layouts: [{ dirs: [{ path: '/meili_data/data.ms', env: 'MEILI_DB_PATH', what: 'indexes', mountAt: '/meili_data' }] }],
    ports: [7700],
    evidence: 'meilisearch/meilisearch Dockerfile `WORKDIR /meili_data` ("should hold all the data"); db path defaults to ./data.ms',
  },
];

export interface ImageRefLike {
  registry?: string;
  repository: string;
  tag?: string;
}

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The name table globs match: Hub images bare, others with their registry. */
export function imageKey(ref: ImageRefLike): string {
  const repo = ref.repository.toLowerCase();
  if (!ref.registry || HUB.has(ref.registry.toLowerCase())) return repo.replace(/^library\//, '');
  return `${ref.registry.toLowerCase()}/${repo}`;
}

const matchers = KNOWN_IMAGES.map((image) => ({ image, match: picomatch(image.repositories) }));

/** Stacks name the same few images over and over: each is matched against the table once. */
const found = new Map<string, KnownImage | undefined>();

export function findKnownImage(ref: ImageRefLike): KnownImage | undefined {
  const key = imageKey(ref);
  if (!found.has(key)) found.set(key, matchers.find((m) => m.match(key))?.image);
  return found.get(key);
}
