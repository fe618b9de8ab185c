/**
 * One template per service of a typical self-hosted RAG stack, each with the variations and
 * mistakes seen in real plans (`:latest`, code binds, runtime installs, literal passwords).
 */
import type { ServiceKind, StackPlan } from './stack-plan.js';
import { envForm, has, sloppy, useVolume, variable, vectorName } from './stack-plan.js';
import type { Dependency } from './yaml-text.js';
import { dependsOnBlock, envBlock, healthcheckBlock, limitsBlock, listBlock, scalar } from './yaml-text.js';

/** Image lists: the first are pinned as the plans ask; `loose` are the mistakes. */
interface ImageChoice {
  pinned: readonly string[];
  loose: readonly string[];
}

const IMAGES: Readonly<Record<string, ImageChoice>> = {
  postgres: { pinned: ['postgres:16.4-alpine', 'postgres:16-alpine', 'postgres:15.8', 'pgvector/pgvector:pg16', 'postgres:17.2-bookworm', 'postgres:18.1'], loose: ['postgres:latest', 'postgres', 'pgvector/pgvector:latest'] },
  redis: { pinned: ['redis:7.4-alpine', 'redis:7.2.5', 'valkey/valkey:8.0-alpine'], loose: ['redis:latest', 'redis', 'redis:alpine'] },
  qdrant: { pinned: ['qdrant/qdrant:v1.12.4', 'qdrant/qdrant:v1.11.3', 'qdrant/qdrant:v1.13.2'], loose: ['qdrant/qdrant:latest', 'qdrant/qdrant'] },
  chroma: { pinned: ['chromadb/chroma:0.5.20', 'chromadb/chroma:0.6.3', 'chromadb/chroma:1.0.12'], loose: ['chromadb/chroma:latest', 'chromadb/chroma'] },
  ollama: { pinned: ['ollama/ollama:0.5.7', 'ollama/ollama:0.3.14', 'ollama/ollama:0.6.2'], loose: ['ollama/ollama:latest', 'ollama/ollama'] },
  'open-webui': { pinned: ['ghcr.io/open-webui/open-webui:v0.5.20', 'ghcr.io/open-webui/open-webui:0.6.5'], loose: ['ghcr.io/open-webui/open-webui:main', 'ghcr.io/open-webui/open-webui:latest'] },
  nginx: { pinned: ['nginx:1.27.3-alpine', 'nginx:1.26-alpine', 'nginx:1.25.5'], loose: ['nginx:latest', 'nginx', 'nginx:stable-alpine'] },
};

function image(p: StackPlan, key: string): string {
  const c = IMAGES[key]!;
  return sloppy(p) ? p.rng.pick(c.loose) : p.rng.pick(c.pinned);
}

export function serviceName(p: StackPlan, kind: ServiceKind): string {
  return kind === 'vectordb' ? vectorName(p) : kind;
}

/** `127.0.0.1:H:C` as the plans want for internal services, or all interfaces (the mistake). */
function port(p: StackPlan, host: string, container: string, internal: boolean): string {
  return internal && !sloppy(p) ? `127.0.0.1:${host}:${container}` : `${host}:${container}`;
}

function common(p: StackPlan, name: string): string[] {
  const lines: string[] = [];
  if (p.rng.chance(0.8)) lines.push(`restart: ${p.rng.pick(['unless-stopped', 'unless-stopped', 'always', 'on-failure'])}`);
  if (p.loggingAnchor) lines.push('logging: *default-logging');
  if (p.networks === 'single') lines.push('networks:', '  - rag');
  if (p.networks === 'split') lines.push('networks:', ...networksFor(name).map((n) => `  - ${n}`));
  return lines;
}

const EDGE = new Set(['nginx', 'open-webui', 'frontend']);
const BOTH = new Set(['api']);
function networksFor(name: string): string[] {
  if (BOTH.has(name)) return ['edge', 'backend'];
  return EDGE.has(name) ? ['edge'] : ['backend'];
}

function apiDeps(p: StackPlan): Dependency[] {
  const deps: Dependency[] = [];
  for (const k of ['postgres', 'redis', 'vectordb', 'ollama'] as const) if (has(p, k)) deps.push({ name: serviceName(p, k), healthy: p.rng.chance(0.6) });
  return deps;
}

function apiEnv(p: StackPlan): [string, string][] {
  const env: [string, string][] = [['LOG_LEVEL', p.rng.pick(['info', 'INFO', 'warning'])]];
  if (has(p, 'postgres')) {
    const password = sloppy(p) ? 'rag_pass' : variable(p, 'POSTGRES_PASSWORD', 'S3cure-' + p.rng.int(1000, 9999), false);
    env.push(['DATABASE_URL', `postgresql://rag:${password}@postgres:5432/rag`]);
  }
  if (has(p, 'redis')) env.push(['REDIS_URL', 'redis://redis:6379/0']);
  if (has(p, 'vectordb')) env.push(p.vector === 'qdrant' ? ['QDRANT_URL', 'http://qdrant:6333'] : ['CHROMA_HOST', 'chroma'], ['COLLECTION_NAME', variable(p, 'COLLECTION_NAME', 'documents', true)]);
  if (has(p, 'ollama')) env.push(['OLLAMA_BASE_URL', 'http://ollama:11434'], ['LLM_MODEL', variable(p, 'OLLAMA_MODEL', p.rng.pick(['llama3.1:8b', 'mistral:7b', 'qwen2.5:7b']), true)]);
  env.push(['EMBEDDING_MODEL', p.rng.pick(['nomic-embed-text', 'BAAI/bge-small-en-v1.5', 'all-MiniLM-L6-v2'])]);
  if (p.rng.chance(0.4)) env.push(['OPENAI_API_KEY', sloppy(p) ? 'sk-proj-' + 'x'.repeat(12) + p.rng.int(100, 999) : '${OPENAI_API_KEY:-}']);
  if (p.rng.chance(0.5)) env.push(['JWT_SECRET', sloppy(p) ? 'change-me' : variable(p, 'JWT_SECRET', 'dev-only-' + p.rng.int(100, 999), false)]);
  env.push(['CHUNK_SIZE', String(p.rng.pick([512, 800, 1000]))], ['WORKERS', String(p.rng.int(1, 4))]);
  return env;
}

function apiBuild(p: StackPlan): string[] {
  if (p.rng.chance(0.2)) return ['build: ./api'];
  const lines = ['build:', '  context: ./api', '  dockerfile: Dockerfile'];
  if (p.apiLang === 'python') lines.push('  target: runtime');
  if (p.rng.chance(0.4)) lines.push('  args:', p.apiLang === 'python' ? '    PYTHON_VERSION: "3.12"' : '    NODE_VERSION: "20"');
  return lines;
}

function api(p: StackPlan): string[] {
  const lines = apiBuild(p);
  if (p.rng.chance(0.6)) lines.push(`image: ${sloppy(p) ? `${p.name}-api:latest` : `\${REGISTRY:-ghcr.io/acme}/${p.name}-api:\${API_TAG:-0.${p.rng.int(1, 9)}.${p.rng.int(0, 20)}}`}`);
  if (p.rng.chance(0.3)) lines.push(`container_name: ${p.name}-api`);
  if (p.mergeKeys) lines.push('<<: *api-common');
  if (p.rng.chance(0.25)) lines.push('env_file:', '  - .env');
  lines.push(...envBlock('environment', apiEnv(p), envForm(p)));
  lines.push(...listBlock('ports', [port(p, variable(p, 'API_PORT', '8000', true), '8000', has(p, 'nginx'))]));
  const volumes = [`${useVolume(p, 'uploads')}:/app/data/uploads`];
  if (sloppy(p)) volumes.push('./api:/app');
  if (p.rng.chance(0.3)) volumes.push(`${p.rng.chance(0.5) ? './models' : '${HOME}/.cache/huggingface'}:/models:ro`);
  lines.push(...listBlock('volumes', volumes));
  lines.push(...dependsOnBlock(p.rng, apiDeps(p)));
  if (!sloppy(p)) {
    const probe = p.rng.pick([
      ['CMD', 'curl', '-f', 'http://localhost:8000/health'],
      ['CMD-SHELL', 'curl -fsS http://localhost:8000/health || exit 1'],
      ['CMD', 'python', '-c', "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"],
    ]);
    lines.push(...healthcheckBlock(p.rng, { test: probe, interval: '30s', timeout: '5s', retries: 5, startPeriod: '20s' }));
  }
  lines.push(...apiCommand(p));
  if (p.rng.chance(0.5)) lines.push(...limitsBlock(p.rng.pick(['1.0', '2', '2.5']), p.rng.pick(['1G', '2G', '4G']), p.rng.chance(0.5) ? '512M' : undefined));
  return [...lines, ...common(p, 'api')];
}

function apiCommand(p: StackPlan): string[] {
  if (p.apiLang === 'node') return sloppy(p) ? ['command: sh -c "npm install && npm run build && node dist/server.js"'] : [];
  switch (p.rng.int(0, 5)) {
    case 0:
      return ['command: uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers 2'];
    case 1:
      return ['command: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]'];
    case 2:
      return sloppy(p) ? ['command: >', '  sh -c "pip install -r requirements.txt &&', '  uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload"'] : [];
    case 3:
      return sloppy(p)
        ? ['command:', '  - sh', '  - -c', '  - |', '    apt-get update && apt-get install -y curl', '    pip install --no-cache-dir -e .', '    exec gunicorn app.main:app -k uvicorn.workers.UvicornWorker -b 0.0.0.0:8000']
        : [];
    default:
      return [];
  }
}

function worker(p: StackPlan): string[] {
  const lines = p.workerOwnContext ? ['build:', '  context: ./worker', '  dockerfile: Dockerfile'] : ['build:', '  context: ./api', ...(p.apiLang === 'python' ? ['  target: runtime'] : [])];
  if (p.mergeKeys) lines.push('<<: *api-common');
  const celery = p.apiLang === 'python' && has(p, 'redis');
  lines.push(celery ? `command: celery -A app.worker worker --loglevel=INFO --concurrency=${p.rng.int(1, 4)}` : `command: ${p.apiLang === 'python' ? '["python", "-m", "app.ingest"]' : '["node", "dist/worker.js"]'}`);
  const env: [string, string][] = [['ROLE', 'worker']];
  if (has(p, 'redis')) env.push(['BROKER_URL', 'redis://redis:6379/1']);
  if (has(p, 'postgres')) env.push(['DATABASE_URL', `postgresql://rag:${sloppy(p) ? 'rag_pass' : variable(p, 'POSTGRES_PASSWORD', 'S3cure-' + p.rng.int(1000, 9999), false)}@postgres:5432/rag`]);
  env.push(['INGEST_BATCH_SIZE', String(p.rng.pick([16, 32, 64]))]);
  lines.push(...envBlock('environment', env, envForm(p)));
  lines.push(...listBlock('volumes', [`${useVolume(p, 'uploads')}:/app/data/uploads${p.rng.chance(0.4) ? ':ro' : ''}`]));
  const deps: Dependency[] = [];
  if (has(p, 'redis')) deps.push({ name: 'redis', healthy: p.rng.chance(0.5) });
  if (has(p, 'postgres')) deps.push({ name: 'postgres', healthy: p.rng.chance(0.5) });
  lines.push(...dependsOnBlock(p.rng, deps));
  if (celery && p.rng.chance(0.4)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD-SHELL', 'celery -A app.worker inspect ping -d celery@$$HOSTNAME'], interval: '60s', timeout: '10s', retries: 3 }));
  if (p.rng.chance(0.4)) lines.push(...limitsBlock('1.0', p.rng.pick(['1G', '2G'])));
  return [...lines, ...common(p, 'worker')];
}

function frontend(p: StackPlan): string[] {
  const lines = ['build:', '  context: ./frontend', '  target: runtime', '  args:', `    VITE_API_URL: ${scalar(p.rng.pick(['/api', 'http://localhost:8000']))}`];
  lines.push(...listBlock('ports', [port(p, '3000', '80', has(p, 'nginx'))]));
  lines.push(...dependsOnBlock(p.rng, [{ name: 'api', healthy: false }]));
  if (p.rng.chance(0.5)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD', 'wget', '-qO-', 'http://localhost/'], interval: '30s', timeout: '3s', retries: 3 }));
  return [...lines, ...common(p, 'frontend')];
}

function postgres(p: StackPlan): string[] {
  const img = image(p, 'postgres');
  const lines = [`image: ${img}`];
  if (p.rng.chance(0.2)) lines.push('container_name: postgres');
  const password = sloppy(p) ? p.rng.pick(['rag_pass', 'postgres', 'changeme']) : variable(p, 'POSTGRES_PASSWORD', 'S3cure-' + p.rng.int(1000, 9999), p.rng.chance(0.3));
  lines.push(...envBlock('environment', [['POSTGRES_USER', 'rag'], ['POSTGRES_PASSWORD', password], ['POSTGRES_DB', 'rag']], envForm(p)));
  const dataDir = /:18/.test(img) && p.rng.chance(0.5) ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
  const volumes = [sloppy(p) ? `./data/postgres:${dataDir}` : `${useVolume(p, 'pgdata')}:${dataDir}`];
  if (p.rng.chance(0.3)) volumes.push('./db/init.sql:/docker-entrypoint-initdb.d/init.sql:ro');
  lines.push(...listBlock('volumes', volumes));
  if (sloppy(p)) lines.push(...listBlock('ports', ['5432:5432']));
  if (p.rng.chance(0.8)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD-SHELL', 'pg_isready -U rag -d rag'], interval: '10s', timeout: '5s', retries: 5 }));
  if (p.rng.chance(0.3)) lines.push('shm_size: 256mb');
  return [...lines, ...common(p, 'postgres')];
}

function redis(p: StackPlan): string[] {
  const lines = [`image: ${image(p, 'redis')}`];
  if (sloppy(p)) lines.push('command: redis-server --appendonly yes --requirepass rag_redis_pass');
  else if (p.rng.chance(0.5)) lines.push('command: ["redis-server", "--appendonly", "yes", "--maxmemory", "512mb", "--maxmemory-policy", "allkeys-lru"]');
  lines.push(...listBlock('volumes', [sloppy(p) ? './data/redis:/data' : `${useVolume(p, 'redis-data')}:/data`]));
  if (p.rng.chance(0.7)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD', 'redis-cli', 'ping'], interval: '10s', timeout: '3s', retries: 5 }));
  return [...lines, ...common(p, 'redis')];
}

function vectordb(p: StackPlan): string[] {
  const qdrant = p.vector === 'qdrant';
  const img = image(p, p.vector);
  const lines = [`image: ${img}`];
  const dataDir = qdrant ? '/qdrant/storage' : /:1\./.test(img) ? '/data' : '/chroma/chroma';
  const env: [string, string][] = qdrant
    ? [['QDRANT__SERVICE__GRPC_PORT', '6334'], ['QDRANT__LOG_LEVEL', 'INFO']]
    : [['IS_PERSISTENT', 'TRUE'], ['ANONYMIZED_TELEMETRY', 'FALSE']];
  if (qdrant && p.rng.chance(0.3)) env.push(['QDRANT__SERVICE__API_KEY', sloppy(p) ? 'qdrant-secret-key' : variable(p, 'QDRANT_API_KEY', 'k' + p.rng.int(10000, 99999), false)]);
  lines.push(...envBlock('environment', env, envForm(p)));
  if (!sloppy(p)) lines.push(...listBlock('volumes', [`${useVolume(p, qdrant ? 'qdrant-storage' : 'chroma-data')}:${dataDir}`]));
  else if (p.rng.chance(0.5)) lines.push(...listBlock('volumes', [`./data/${p.vector}:${dataDir}`]));
  const ports = qdrant ? [port(p, '6333', '6333', true)] : [port(p, '8001', '8000', true)];
  lines.push(...listBlock('ports', ports, new Map([[0, 'expose for local debugging']])));
  if (p.rng.chance(0.5)) {
    // qdrant's image ships no curl: a common broken probe.
    const test = qdrant ? ['CMD-SHELL', 'curl -f http://localhost:6333/healthz || exit 1'] : ['CMD', 'curl', '-f', 'http://localhost:8000/api/v1/heartbeat'];
    lines.push(...healthcheckBlock(p.rng, { test, interval: '30s', timeout: '10s', retries: 3 }));
  }
  return [...lines, ...common(p, vectorName(p))];
}

function ollama(p: StackPlan): string[] {
  const lines = [`image: ${image(p, 'ollama')}`];
  const models = p.rng.int(0, 3);
  if (models === 0) lines.push(...listBlock('volumes', ['${HOME}/.ollama:/root/.ollama']));
  else if (models === 1 && p.rng.chance(0.5)) lines.push(...listBlock('volumes', ['./ollama:/root/.ollama']));
  else lines.push(...listBlock('volumes', [`${useVolume(p, 'ollama')}:/root/.ollama`]));
  lines.push(...listBlock('ports', [port(p, '11434', '11434', true)]));
  const env: [string, string][] = [['OLLAMA_KEEP_ALIVE', p.rng.pick(['24h', '5m', '-1'])]];
  if (p.rng.chance(0.3)) env.push(['OLLAMA_ORIGINS', '*']);
  lines.push(...envBlock('environment', env, envForm(p)));
  if (p.rng.chance(0.4)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD', 'ollama', 'list'], interval: '30s', timeout: '10s', retries: 5, startPeriod: '30s' }));
  if (p.rng.chance(0.6)) lines.push('deploy:', '  resources:', '    reservations:', '      devices:', '        - driver: nvidia', `          count: ${p.rng.pick(['all', '1'])}`, '          capabilities: [gpu]');
  return [...lines, ...common(p, 'ollama')];
}

function openWebui(p: StackPlan): string[] {
  const lines = [`image: ${image(p, 'open-webui')}`];
  const secret = sloppy(p) ? '${WEBUI_SECRET_KEY:-0p3n-w3bu!}' : variable(p, 'WEBUI_SECRET_KEY', 'w' + p.rng.int(100000, 999999), false);
  const env: [string, string][] = [['WEBUI_SECRET_KEY', secret], ['ENABLE_SIGNUP', p.rng.pick(['false', 'true'])]];
  if (has(p, 'ollama')) env.push(['OLLAMA_BASE_URL', 'http://ollama:11434']);
  if (p.rng.chance(0.5)) env.push(['OPENAI_API_BASE_URL', 'http://api:8000/v1']);
  lines.push(...envBlock('environment', env, envForm(p)));
  lines.push(...listBlock('volumes', [`${useVolume(p, 'open-webui')}:/app/backend/data`]));
  lines.push(...listBlock('ports', [port(p, variable(p, 'WEBUI_PORT', '3000', true), '8080', has(p, 'nginx'))]));
  if (has(p, 'ollama')) lines.push(...dependsOnBlock(p.rng, [{ name: 'ollama', healthy: false }]));
  if (p.rng.chance(0.5)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD-SHELL', 'curl --silent --fail http://localhost:8080/health || exit 1'], interval: '30s', timeout: '5s', retries: 3 }));
  return [...lines, ...common(p, 'open-webui')];
}

function nginx(p: StackPlan): string[] {
  const lines = [`image: ${image(p, 'nginx')}`];
  const ports = p.rng.chance(0.6) ? ['80:80', '443:443'] : ['${HTTP_PORT:-80}:80'];
  if (ports.length === 1) p.env.set('HTTP_PORT', '80');
  lines.push(...listBlock('ports', ports));
  const volumes = ['./nginx/nginx.conf:/etc/nginx/nginx.conf:ro'];
  if (p.rng.chance(0.5)) volumes.push('./nginx/certs:/etc/nginx/certs:ro');
  lines.push(...listBlock('volumes', volumes));
  const deps: Dependency[] = [{ name: 'api', healthy: p.rng.chance(0.5) }];
  if (has(p, 'frontend')) deps.push({ name: 'frontend', healthy: false });
  if (has(p, 'open-webui')) deps.push({ name: 'open-webui', healthy: false });
  lines.push(...dependsOnBlock(p.rng, deps));
  if (p.rng.chance(0.5)) lines.push(...healthcheckBlock(p.rng, { test: ['CMD-SHELL', 'wget -qO- http://localhost/healthz || exit 1'], interval: '30s', timeout: '3s', retries: 3 }));
  return [...lines, ...common(p, 'nginx')];
}

const TEMPLATES: Readonly<Record<ServiceKind, (p: StackPlan) => string[]>> = {
  api, worker, frontend, postgres, redis, vectordb, ollama, 'open-webui': openWebui, nginx,
};

const COMMENTS: Readonly<Partial<Record<ServiceKind, string>>> = {
  api: 'RAG API (FastAPI / Express)',
  worker: 'Background ingestion: chunking + embeddings',
  postgres: 'Users, chats, document metadata',
  vectordb: 'Vector store',
  ollama: 'Local LLM inference',
  'open-webui': 'Chat UI',
  nginx: 'Reverse proxy / TLS termination',
};

export function serviceBody(p: StackPlan, kind: ServiceKind): string[] {
  return TEMPLATES[kind](p);
}

export function serviceComment(p: StackPlan, kind: ServiceKind): string | undefined {
  return p.rng.chance(0.5) ? COMMENTS[kind] : undefined;
}
