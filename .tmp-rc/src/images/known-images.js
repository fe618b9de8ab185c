import picomatch from 'picomatch';
import { majorInRange, parseVersion } from './version.js';
/** Evidence lives beside each entry; `(docs)` means the vendor's own documentation. */
const POSTGRES_LAYOUTS = [
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
export const KNOWN_IMAGES = [
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
        evidence: 'docker-library/postgres 17/*/Dockerfile `VOLUME /var/lib/postgresql/data`; 18/trixie/Dockerfile ' +
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
        layouts: [POSTGRES_LAYOUTS[0]],
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
        evidence: 'chroma-core/chroma rust/Dockerfile `CMD ["run", "/config.yaml"]` with sample_configs/docker_single_node.yaml ' +
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
        evidence: 'docs.weaviate.io docker installation: PERSISTENCE_DATA_PATH defaults to ./data; configuration/persistence: ' +
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
        ports: [9000, 9001],
        evidence: 'minio/minio Dockerfile.release `VOLUME ["/data"]`, `CMD ["minio"]`; milvus standalone compose runs `minio server /minio_data`',
    },
    {
        id: 'etcd',
        repositories: ['quay.io/coreos/etcd', 'gcr.io/etcd-development/etcd'],
        // Without --data-dir, etcd writes `<name>.etcd` under the working directory, which the image does not pin.
        layouts: [{ dirs: [{ flags: ['--data-dir', '-data-dir'], env: 'ETCD_DATA_DIR', what: 'the key-value store' }] }],
        ports: [2379, 2380],
        evidence: 'milvus standalone compose runs `etcd … --data-dir /etcd` with a mount at /etcd; etcd flags map to ETCD_* env',
    },
    {
        id: 'rabbitmq',
        repositories: ['rabbitmq'],
        layouts: [{ volumes: ['/var/lib/rabbitmq'], dirs: [{ path: '/var/lib/rabbitmq', what: 'queues and definitions' }] }],
        ports: [5672, 15672],
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
        ports: [8123, 9000],
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
const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The name table globs match: Hub images bare, others with their registry. */
export function imageKey(ref) {
    const repo = ref.repository.toLowerCase();
    if (!ref.registry || HUB.has(ref.registry.toLowerCase()))
        return repo.replace(/^library\//, '');
    return `${ref.registry.toLowerCase()}/${repo}`;
}
const matchers = KNOWN_IMAGES.map((image) => ({ image, match: picomatch(image.repositories) }));
export function findKnownImage(ref) {
    const key = imageKey(ref);
    return matchers.find((m) => m.match(key))?.image;
}
/** The version the tag names, or what `latest` gives today, or undefined when neither is known. */
export function imageVersion(image, tag) {
    return parseVersion(tag, image.versionPattern) ?? image.latest;
}
/** The layout for this tag; undefined when it depends on a version that cannot be told. */
export function layoutFor(image, tag) {
    const versioned = image.layouts.some((l) => l.since !== undefined || l.until !== undefined);
    if (!versioned)
        return image.layouts[0];
    const version = imageVersion(image, tag);
    if (!version)
        return undefined;
    return image.layouts.find((l) => majorInRange(version, l.since, l.until));
}
/**
 * Where the image keeps its data for this tag, environment and command. Overrides win in the
 * order the programs apply them: command flag, then env, then the image default.
 */
export function dataDirs(image, tag, env, argv = []) {
    const layout = layoutFor(image, tag);
    if (!layout)
        return [];
    const major = imageVersion(image, tag)?.[0];
    const out = [];
    for (const rule of layout.dirs) {
        for (const found of resolveRule(image, rule, env, argv, major)) {
            const path = normalize(found.path);
            const mountAt = found.fromDefault && rule.mountAt ? rule.mountAt : path;
            out.push({ path, why: found.why, what: rule.what, mountAt, legacy: rule.legacy ?? [], ...(rule.legacyNote && { legacyNote: rule.legacyNote }) });
        }
    }
    return out;
}
/** `VOLUME` paths the image declares for this tag. */
export function imageVolumes(image, tag) {
    return layoutFor(image, tag)?.volumes ?? [];
}
function resolveRule(image, rule, env, argv, major) {
    const fromFlag = rule.flags ? flagValue(argv, rule.flags) : undefined;
    if (fromFlag)
        return absolute(image, fromFlag.value).map((path) => ({ path, why: `set by ${fromFlag.flag} in the command`, fromDefault: false }));
    if (rule.argsAfter) {
        const args = argsAfter(argv, rule.argsAfter);
        if (args.length > 0)
            return args.map((path) => ({ path, why: `given to \`${rule.argsAfter}\` in the command`, fromDefault: false }));
    }
    const envValue = rule.env ? env[rule.env] : undefined;
    if (rule.env && envValue) {
        const paths = rule.argsAfter ? envValue.split(/\s+/).filter(isPlainPath) : absolute(image, envValue);
        // Set to something we cannot place (a relative path with no known workdir): say nothing.
        return paths.map((path) => ({ path, why: `set by ${rule.env}`, fromDefault: false }));
    }
    if (!rule.path || (rule.path.includes('{major}') && major === undefined))
        return [];
    const path = rule.path.replace('{major}', String(major));
    return [{ path, why: rule.env ? `the image default (${rule.env} not set)` : 'the image default', fromDefault: true }];
}
/** Relative values resolve against the image's working directory, when we know it. */
function absolute(image, value) {
    const v = value.trim();
    if (v.startsWith('/'))
        return [v];
    if (!image.workdir || !v || v.includes('$'))
        return [];
    return [`${image.workdir.replace(/\/$/, '')}/${v.replace(/^\.\//, '')}`];
}
function flagValue(argv, flags) {
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        for (const flag of flags) {
            if (a === flag && argv[i + 1] !== undefined)
                return { flag, value: argv[i + 1] };
            if (a.startsWith(`${flag}=`))
                return { flag, value: a.slice(flag.length + 1) };
        }
    }
    return undefined;
}
/** Flags known to take no value, so the word after them is still a path. */
const BOOLEAN_FLAGS = new Set(['--quiet', '--anonymous', '--json']);
/** Positional paths after a subcommand: `minio server --console-address :9001 /data` → [/data]. */
function argsAfter(argv, word) {
    const at = argv.indexOf(word);
    if (at === -1)
        return [];
    const out = [];
    for (let i = at + 1; i < argv.length; i++) {
        const a = argv[i];
        if (a.startsWith('-')) {
            if (!a.includes('=') && !BOOLEAN_FLAGS.has(a))
                i++;
            continue;
        }
        if (isPlainPath(a))
            out.push(a);
    }
    return out;
}
/** Local absolute paths; URLs and `{1...4}` expansions are left alone. */
function isPlainPath(a) {
    return a.startsWith('/') && !a.includes('{') && !a.includes('$');
}
export function normalize(path) {
    const collapsed = path.replace(/\/+/g, '/');
    return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
