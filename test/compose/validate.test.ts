import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/bench/prng.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { QUICK_VALIDATOR_PATH, quickValidatorSource } from '../../src/compose/quick-validator-source.js';
import { validateCompose, verdicts } from '../../src/compose/validate.js';
import { toJS, type YMap } from '../../src/compose/ynode.js';
import { packageRoot } from '../../src/package-root.js';
import { SourceFile } from '../../src/source/source-file.js';

function parse(text: string): YMap {
  const r = parseYamlFile(new SourceFile('compose.yaml', text));
  if (!r.ok) throw new Error(`fixture does not parse: ${r.problem.message}`);
  return r.root;
}

/** Problems as `{message, line, column, endLine, endColumn}`, in file order. */
function check(text: string) {
  return validateCompose(parse(text)).map(({ message, span }) => ({
    message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
  }));
}

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('validateCompose: unknown keys', () => {
  it('points at a misspelt service key and suggests the right one', () => {
    const text = lines(
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:1.4.2',
      '    healtcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
    );
    expect(check(text)).toEqual([
      { message: 'Unknown key "healtcheck" in service "api" (did you mean "healthcheck"?)', line: 4, column: 5, endLine: 4, endColumn: 15 },
    ]);
  });

  it('reports a misspelt top-level key', () => {
    expect(check(lines('servics:', '  api:', '    image: nginx:1.27'))).toEqual([
      { message: 'Unknown key "servics" at the top level (did you mean "services"?)', line: 1, column: 1, endLine: 1, endColumn: 8 },
    ]);
  });

  it('gives no suggestion when nothing is close', () => {
    expect(check(lines('services:', '  api:', '    image: nginx:1.27', '    restart_policy: always'))).toEqual([
      { message: 'Unknown key "restart_policy" in service "api"', line: 4, column: 5, endLine: 4, endColumn: 19 },
    ]);
  });

  it('finds unknown keys deep inside deploy.resources.limits, next to a wrong type', () => {
    const text = lines(
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:1.4.2',
      '    deploy:',
      '      resources:',
      '        limits:',
      '          cpu: "1.5"',
      '          memory: 512',
      '        reservations:',
      '          memory: 1G',
    );
    expect(check(text)).toEqual([
      { message: 'Unknown key "cpu" in services.api.deploy.resources.limits (did you mean "cpus"?)', line: 7, column: 11, endLine: 7, endColumn: 14 },
      { message: 'services.api.deploy.resources.limits.memory must be a string', line: 8, column: 19, endLine: 8, endColumn: 22 },
    ]);
  });

  it('checks the keys of a long-form volume', () => {
    const text = lines(
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    volumes:',
      '      - type: volume',
      '        source: pgdata',
      '        target: /var/lib/postgresql/data',
      '        readonly: true',
      '      - source: ./init.sql',
      '        target: /docker-entrypoint-initdb.d/init.sql',
      'volumes:',
      '  pgdata:',
    );
    expect(check(text)).toEqual([
      { message: 'Unknown key "readonly" in services.db.volumes[0] (did you mean "read_only"?)', line: 8, column: 9, endLine: 8, endColumn: 17 },
      { message: 'services.db.volumes[1] is missing the required key "type"', line: 9, column: 9, endLine: 10, endColumn: 53 },
    ]);
  });

  it('refuses a service name Compose would refuse', () => {
    expect(check(lines('services:', '  "my api":', '    image: nginx:1.27'))).toEqual([
      { message: '"my api" is not a valid service name: use only letters, digits, ".", "_" and "-"', line: 2, column: 3, endLine: 2, endColumn: 11 },
    ]);
  });
});

describe('validateCompose: values', () => {
  it('says what a port may be, once, at the value', () => {
    const text = lines('services:', '  web:', '    image: nginx:1.27', '    ports:', '      - true', '      - "8080:80"');
    expect(check(text)).toEqual([
      { message: 'services.web.ports[0] must be a string, a number or a port mapping', line: 5, column: 9, endLine: 5, endColumn: 13 },
    ]);
  });

  it('lists the allowed restart policies', () => {
    const text = lines('services:', '  web:', '    image: nginx:1.27', '    restart: sometimes');
    expect(check(text)).toEqual([
      { message: 'services.web.restart must be one of: no, always, on-failure, unless-stopped', line: 4, column: 14, endLine: 4, endColumn: 23 },
    ]);
  });

  it('accepts on-failure with a retry count and quoted "no"', () => {
    const text = lines('services:', '  a:', '    restart: on-failure:3', '  b:', '    restart: "no"', '  c:', '    restart: unless-stopped');
    expect(check(text)).toEqual([]);
  });

  it('reports two mistakes in one service, each once', () => {
    const text = lines(
      'services:',
      '  api:',
      '    build: ./api',
      '    environment: 5',
      '    depends_on:',
      '      db:',
      '        condition: service_healty',
      '  db:',
      '    image: postgres:16.4',
    );
    expect(check(text)).toEqual([
      { message: 'services.api.environment must be a mapping or a list of strings', line: 4, column: 18, endLine: 4, endColumn: 19 },
      {
        message: 'services.api.depends_on.db.condition must be one of: service_started, service_healthy, service_completed_successfully',
        line: 7,
        column: 20,
        endLine: 7,
        endColumn: 34,
      },
    ]);
  });

  it('points at the key when the value is empty', () => {
    expect(check(lines('services:', '  api:', '    image: nginx:1.27', '    healthcheck:'))).toEqual([
      { message: 'services.api.healthcheck must be a mapping', line: 4, column: 5, endLine: 4, endColumn: 16 },
    ]);
  });

  it('explains a one-value enum through its alternatives', () => {
    expect(check(lines('services:', '  llm:', '    image: ollama/ollama:0.5.7', '    gpus: some'))).toEqual([
      { message: 'services.llm.gpus must be "all" or a list of GPU requests', line: 4, column: 11, endLine: 4, endColumn: 15 },
    ]);
  });

  it('flags a repeated list item at the repeat', () => {
    const text = lines('services:', '  api:', '    image: nginx:1.27', '    environment:', '      - A=1', '      - B=2', '      - A=1');
    expect(check(text)).toEqual([
      { message: 'services.api.environment[2] repeats services.api.environment[0]', line: 7, column: 9, endLine: 7, endColumn: 12 },
    ]);
  });

  it('checks list items of a long-form env_file', () => {
    const text = lines('services:', '  api:', '    image: nginx:1.27', '    env_file:', '      - path: .env', '        required: false', '      - 5');
    expect(check(text)).toEqual([
      { message: 'services.api.env_file[1] must be a path or a mapping with path, required and format', line: 7, column: 9, endLine: 7, endColumn: 10 },
    ]);
  });

  it('keeps quiet about values written through variables', () => {
    const text = lines(
      'services:',
      '  api:',
      '    image: ${API_IMAGE:-ghcr.io/acme/api:1.4.2}',
      '    restart: ${RESTART_POLICY:-unless-stopped}',
      '    pull_policy: $PULL_POLICY',
      '    use_api_socket: ${USE_SOCKET:-false}',
      '    cpus: "0.5"',
      '    ports:',
      '      - ${API_PORT:-8000}:8000',
    );
    expect(check(text)).toEqual([]);
  });

  it('does not judge values that interpolation produced', () => {
    const root = parse(lines('services:', '  api:', '    restart: sometimes', '    use_api_socket: "false"'));
    const api = (root.pairs[0]!.value as YMap).pairs[0]!.value as YMap;
    for (const p of api.pairs) if (p.value.kind === 'scalar') p.value.raw = '${' + p.key.toUpperCase() + '}';
    expect(validateCompose(root)).toEqual([]);
  });
});

describe('validateCompose: what Compose accepts', () => {
  it('accepts x- extensions at the top level, in services and in nested mappings', () => {
    const text = lines(
      'x-logging: &logging',
      '  driver: json-file',
      '  options:',
      '    max-size: "10m"',
      '    max-file: "3"',
      'services:',
      '  x-template:',
      '    anything: goes',
      '  api:',
      '    image: ghcr.io/acme/api:1.4.2',
      '    x-owner: platform-team',
      '    logging: *logging',
      '    build:',
      '      context: .',
      '      x-cache: warm',
      'volumes:',
      '  x-note: not a volume',
      '  data:',
    );
    expect(check(text)).toEqual([]);
  });

  it('accepts include in short and long form', () => {
    const text = lines(
      'include:',
      '  - ./observability/compose.yaml',
      '  - path:',
      '      - ./vector/compose.yaml',
      '      - ./vector/compose.override.yaml',
      '    project_directory: ./vector',
      '    env_file: ./vector/.env',
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:1.4.2',
    );
    expect(check(text)).toEqual([]);
  });

  it('rejects an unknown key in a long-form include', () => {
    const text = lines('include:', '  - path: ./db.yaml', '    env-file: ./db.env');
    expect(check(text)).toEqual([
      { message: 'Unknown key "env-file" in include[0] (did you mean "env_file"?)', line: 3, column: 5, endLine: 3, endColumn: 13 },
    ]);
  });

  it('accepts develop.watch, gpus, models, hooks and provider', () => {
    const text = lines(
      'services:',
      '  api:',
      '    build:',
      '      context: .',
      '      dockerfile: Dockerfile',
      '      target: runtime',
      '      args:',
      '        PYTHON_VERSION: "3.12"',
      '      secrets: [pip_token]',
      '      ssh: [default]',
      '      cache_from: [type=registry,ref=ghcr.io/acme/api:cache]',
      '      platforms: [linux/amd64, linux/arm64]',
      '      additional_contexts:',
      '        shared: ../shared',
      '    develop:',
      '      watch:',
      '        - path: ./src',
      '          action: sync',
      '          target: /app/src',
      '          ignore: [__pycache__/]',
      '        - path: ./pyproject.toml',
      '          action: rebuild',
      '    gpus: all',
      '    models:',
      '      llm:',
      '        endpoint_var: LLM_URL',
      '        model_var: LLM_MODEL',
      '    post_start:',
      '      - command: ["/app/warmup.sh"]',
      '        user: root',
      '    pre_stop:',
      '      - command: /app/drain.sh',
      '    depends_on:',
      '      vectordb:',
      '        condition: service_healthy',
      '        restart: true',
      '      cache:',
      '        condition: service_started',
      '        required: false',
      '    command: null',
      '    entrypoint: ["tini", "--"]',
      '    ulimits:',
      '      nofile:',
      '        soft: 65536',
      '        hard: 65536',
      '      nproc: 4096',
      '    secrets:',
      '      - source: openai_key',
      '        target: /run/secrets/openai',
      '        mode: 0400',
      '    configs: [app_config]',
      '    annotations:',
      '      com.example.team: rag',
      '  vectordb:',
      '    image: qdrant/qdrant:v1.12.4',
      '  cache:',
      '    image: redis:7.4-alpine',
      '  tunnel:',
      '    provider:',
      '      type: awesomecloud',
      '      options:',
      '        type: mysql',
      '        size: 256',
      '        tags: [a, b]',
      'models:',
      '  llm:',
      '    model: ai/smollm2',
      '    context_size: 4096',
      '    runtime_flags: ["--no-prefill-assistant"]',
      'secrets:',
      '  openai_key:',
      '    environment: OPENAI_API_KEY',
      '  pip_token:',
      '    file: ./secrets/pip_token',
      'configs:',
      '  app_config:',
      '    content: |',
      '      log_level: info',
    );
    expect(check(text)).toEqual([]);
  });

  it('accepts an overlay fragment that only adds ports', () => {
    expect(check(lines('services:', '  api:', '    ports:', '      - "127.0.0.1:8000:8000"', '      - 9000', '      - target: 80', '        published: "8080"', '        host_ip: 127.0.0.1'))).toEqual([]);
  });

  it('accepts !reset and !override, whatever their value', () => {
    const text = lines(
      'services:',
      '  api:',
      '    command: !reset null',
      '    ports: !reset []',
      '    healthcheck: !reset {}',
      '    environment: !override',
      '      LOG_LEVEL: debug',
      '    deploy: !reset null',
      '    volumes: !override',
      '      - .:/app',
    );
    expect(check(text)).toEqual([]);
  });

  it('still reports unknown keys inside an !override mapping', () => {
    const text = lines('services:', '  api:', '    healthcheck: !override', '      tset: ["CMD", "true"]');
    expect(check(text)).toEqual([
      { message: 'Unknown key "tset" in services.api.healthcheck (did you mean "test"?)', line: 4, column: 7, endLine: 4, endColumn: 11 },
    ]);
  });

  it('accepts the on-prem RAG stack from the plans', () => {
    expect(check(RAG_STACK)).toEqual([]);
  });

  it('never throws, whatever the shape', () => {
    for (const text of [
      'services: null\n',
      'services: [1, 2]\n',
      'services:\n  api: 5\n',
      'services:\n  api:\n    ports: {a: 1}\n',
      'include: ./other.yaml\n',
      'version: 3.8\nname: Bad Name\n',
      '__proto__:\n  polluted: true\n',
      'x-a: &a\n  - 1\nservices:\n  api:\n    dns: *a\n',
    ]) {
      expect(() => validateCompose(parse(text))).not.toThrow();
    }
    expect(check('services: [1, 2]\n')).toEqual([{ message: 'services must be a mapping', line: 1, column: 11, endLine: 1, endColumn: 17 }]);
    expect(check('name: Bad Name\n')[0]!.message).toBe(
      "name must use only lowercase letters, digits, '-' and '_', starting with a letter or digit",
    );
  });

  it('ends no message with a period', () => {
    const text = lines('servics: {}', 'services:', '  "a b": {}', '  api:', '    ports: [true]', '    restart: x', '    cpu_percent: 300', '    healthcheck:');
    const messages = check(text).map((p) => p.message);
    expect(messages.length).toBe(6);
    for (const m of messages) expect(m).not.toMatch(/\.$/);
  });
});

/** seeds/004: the on-prem RAG stack, with its policy mistakes (`:latest`, passwords) removed. */
const RAG_STACK = `version: '3.8'

services:
  # Reverse proxy and load balancer
  nginx:
    image: nginx:1.27-alpine
    ports:
      - "80:80"
      - "443:443"
    volumes:
      - ./config/nginx.conf:/etc/nginx/nginx.conf:ro
      - ./ssl:/etc/nginx/ssl:ro
    depends_on:
      - api
      - frontend
    networks:
      - rag_network
    restart: unless-stopped

  api:
    build:
      context: .
      dockerfile: Dockerfile
      target: production
    environment:
      - ENVIRONMENT=production
      - LOG_LEVEL=info
      - VECTORDB_URL=http://vectordb:8000
      - OLLAMA_URL=http://ollama:11434
      - REDIS_URL=redis://redis:6379
      - POSTGRES_URL=postgresql://rag_user:\${POSTGRES_PASSWORD:?set it}@postgres:5432/rag_db
    volumes:
      - documents:/app/data/documents
      - logs:/app/logs
    depends_on:
      - vectordb
      - ollama
      - redis
      - postgres
    networks:
      - rag_network
    restart: unless-stopped
    deploy:
      resources:
        limits:
          memory: 2G
        reservations:
          memory: 1G

  frontend:
    build:
      context: ./frontend
      dockerfile: Dockerfile
    environment:
      - API_URL=http://api:8000
    depends_on:
      - api
    networks:
      - rag_network
    restart: unless-stopped

  vectordb:
    image: chromadb/chroma:0.5.23
    environment:
      - CHROMA_SERVER_AUTH_CREDENTIALS_PROVIDER=chromadb.auth.providers.HtpasswdConfigServerAuthCredentialsProvider
      - CHROMA_SERVER_AUTH_CREDENTIALS_FILE=/chroma/auth/htpasswd
    volumes:
      - vector_data:/chroma/chroma
      - ./config/chroma/htpasswd:/chroma/auth/htpasswd:ro
    networks:
      - rag_network
    restart: unless-stopped

  ollama:
    image: ollama/ollama:0.5.7
    volumes:
      - ollama_models:/root/.ollama
    environment:
      - OLLAMA_ORIGINS=http://api:8000
    networks:
      - rag_network
    restart: unless-stopped
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 1
              capabilities: [gpu]

  redis:
    image: redis:7-alpine
    command: redis-server --appendonly yes --requirepass \${REDIS_PASSWORD:?set it}
    volumes:
      - redis_data:/data
    networks:
      - rag_network
    restart: unless-stopped

  postgres:
    image: postgres:15-alpine
    environment:
      - POSTGRES_DB=rag_db
      - POSTGRES_USER=rag_user
      - POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password
    secrets:
      - postgres_password
    volumes:
      - postgres_data:/var/lib/postgresql/data
      - ./config/postgres/init.sql:/docker-entrypoint-initdb.d/init.sql:ro
    networks:
      - rag_network
    restart: unless-stopped

volumes:
  documents:
    driver: local
  vector_data:
    driver: local
  ollama_models:
    driver: local
  redis_data:
    driver: local
  postgres_data:
    driver: local
  logs:
    driver: local

networks:
  rag_network:
    driver: bridge
    ipam:
      config:
        - subnet: 172.20.0.0/16

secrets:
  postgres_password:
    file: ./secrets/postgres_password.txt
`;

describe('the quick and the detailed validator', () => {
  /** Every object and array in a value, with a way to replace a member. */
  function slots(v: unknown, out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []) {
    if (Array.isArray(v)) v.forEach((item, i) => (out.push({ parent: v, key: i }), slots(item, out)));
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) out.push({ parent: v as Record<string, unknown>, key: k }), slots(item, out);
    return out;
  }

  it('the generated quick validator matches schemas/compose.schema.json', () => {
    // If this fails: npx tsc -p . && node dist/src/compose/write-quick-validator.js
    expect(readFileSync(join(packageRoot, QUICK_VALIDATOR_PATH), 'utf8')).toBe(quickValidatorSource());
  });

  const REPLACEMENTS: unknown[] = [null, true, 0, -1, 1.5, '', 'x', '8080:80', [], ['a', 'a'], [1], {}, { 'x-a': 1 }, { unknown: 1 }];

  it('agree on every fixture and on thousands of mutations of them', () => {
    const texts = readFixtureYaml();
    expect(texts.length).toBeGreaterThan(20);
    const rng = new Rng(11);
    let checked = 0;
    let invalid = 0;
    for (const text of texts) {
      const r = parseYamlFile(new SourceFile('compose.yaml', text));
      if (!r.ok) continue;
      const base = JSON.stringify(toJS(r.root));
      const agree = (data: unknown) => {
        const v = verdicts(data);
        expect(v.quick, JSON.stringify(data)).toBe(v.detailed);
        checked++;
        if (!v.detailed) invalid++;
      };
      agree(JSON.parse(base));
      for (let i = 0; i < 60; i++) {
        const data = JSON.parse(base) as unknown;
        const all = slots(data);
        if (all.length === 0) break;
        const { parent, key } = rng.pick(all);
        if (Array.isArray(parent) || rng.chance(0.7)) (parent as Record<string | number, unknown>)[key] = structuredClone(rng.pick(REPLACEMENTS));
        else parent[`${key}_${rng.int(0, 9)}`] = structuredClone(rng.pick(REPLACEMENTS));
        agree(data);
      }
    }
    expect(checked).toBeGreaterThan(2000);
    // The mutations must reach both verdicts often for the agreement to mean something.
    expect(invalid / checked).toBeGreaterThan(0.2);
    expect(invalid / checked).toBeLessThan(0.9);
  });
});

function readFixtureYaml(dir = join(packageRoot, 'fixtures')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readFixtureYaml(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
