import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-hardcoded-secret.js';
import { isSecretName } from '../../src/secrets/names.js';
import { hasUrlPassword, secretValueProblem } from '../../src/secrets/values.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const id = rule.meta.id;

describe('secret names', () => {
  it.each([
    'POSTGRES_PASSWORD', 'PGPASSWORD', 'MYSQL_ROOT_PASSWORD', 'RABBITMQ_DEFAULT_PASS', 'DB_PWD', 'WEBUI_SECRET_KEY', 'JWT_SECRET',
    'SECRET_KEY_BASE', 'OPENAI_API_KEY', 'OPENAI_APIKEY', 'QDRANT__SERVICE__API_KEY', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN',
    'AWS_SECRET_ACCESS_KEY', 'MEILI_MASTER_KEY', 'N8N_ENCRYPTION_KEY', 'CHROMA_SERVER_AUTHN_CREDENTIALS', 'NEO4J_AUTH',
    'OAUTH_CLIENT_SECRET', 'webuiSecretKey', '--requirepass', '--masterauth', '--password', '--api-key', '--auth-token',
  ])('%s is secret-looking', (name) => expect(isSecretName(name)).toBe(true));

  it.each([
    'CHROMA_SERVER_AUTH_CREDENTIALS_PROVIDER', 'CHROMA_SERVER_AUTH_CREDENTIALS_FILE', 'POSTGRES_PASSWORD_FILE', 'SSL_KEY_PATH',
    'POSTGRES_URL', 'OIDC_TOKEN_URL', 'PASSWORD_MIN_LENGTH', 'AUTH_ENABLED', 'MAX_TOKENS', 'LLM_MAX_TOKENS', 'TOKENIZERS_PARALLELISM',
    'ACCESS_TOKEN_EXPIRE_MINUTES', 'AWS_ACCESS_KEY_ID', 'POSTGRES_USER', 'POSTGRES_HOST_AUTH_METHOD', 'KEY', 'GPG_KEY', 'MAX_TOKEN',
    '--max-tokens', '--password-file', '--token-url',
  ])('%s is not', (name) => expect(isSecretName(name)).toBe(false));
});

describe('secret values', () => {
  it.each([
    ['rag_pass', 'literal'],
    ['${TOKEN:-0p3n-w3bu!}', 'default'],
    ['${TOKEN-x}', 'default'],
    ['${A:-${B:-nested}}', 'default'],
    ['pa$$word', 'literal'],
    ['12345678', 'literal'],
  ] as const)('%s is a %s secret', (v, problem) => expect(secretValueProblem(v)).toBe(problem));

  it.each(['', '${TOKEN}', '$TOKEN', '${TOKEN:?required}', '${TOKEN?}', '${A:-${B}}', '${A:-}', 'Bearer ${TOKEN}', 'true', 'False', '0', '/run/secrets/db', './keys/jwt.pem'])(
    '%s is fine',
    (v) => expect(secretValueProblem(v)).toBeUndefined(),
  );

  it('reads $$VAR as a shell variable in commands', () => {
    expect(secretValueProblem('$$REDIS_PASSWORD', { shell: true })).toBeUndefined();
    expect(secretValueProblem('$${REDIS_PASSWORD}', { shell: true })).toBeUndefined();
    expect(secretValueProblem('$$REDIS_PASSWORD')).toBe('literal');
  });

  it('finds literal passwords in URL userinfo only', () => {
    expect(hasUrlPassword('postgresql://rag_user:rag_pass@postgres:5432/rag_db')).toBe(true);
    expect(hasUrlPassword('redis://:s3cret@redis:6379/0')).toBe(true);
    expect(hasUrlPassword('postgresql://u:${PW:-dev}@db/x')).toBe(true);
    expect(hasUrlPassword('postgresql://${U}:${PW}@db/x')).toBe(false);
    expect(hasUrlPassword('postgresql://user@db/x')).toBe(false);
    expect(hasUrlPassword('http://vectordb:8000')).toBe(false);
  });
});

describe('no-hardcoded-secret', () => {
  it('reports list-form values at the value, naming the key, never the value (two findings)', async () => {
    const compose = [
      'services:',
      '  postgres:',
      '    image: postgres:16.4',
      '    environment:',
      '      - POSTGRES_USER=rag_user',
      '      - POSTGRES_PASSWORD=rag_pass',
      '      - WEBUI_SECRET_KEY=${WEBUI_SECRET_KEY:-0p3n-w3bu!}',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 6, column: 27, endLine: 6, endColumn: 35 },
      { line: 7, column: 26, endLine: 7, endColumn: 57 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'postgres sets POSTGRES_PASSWORD to a literal secret; pass it in with ${POSTGRES_PASSWORD} or a Compose secret',
      'postgres falls back to a literal default for WEBUI_SECRET_KEY; require it with ${WEBUI_SECRET_KEY:?} or use a Compose secret',
    ]);
    for (const d of ds) expect(d.message).not.toMatch(/rag_pass|0p3n/);
  });

  it('reports map-form values and build args at the value scalar', async () => {
    const compose = 'services:\n  api:\n    build:\n      context: .\n      args:\n        HF_TOKEN: "hf_abc123"\n    environment:\n      OPENAI_API_KEY: sk-test-1\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 6, column: 19, endLine: 6, endColumn: 30 },
      { line: 8, column: 23, endLine: 8, endColumn: 32 },
    ]);
    expect(ds[0]!.message).toBe("api's build arg sets HF_TOKEN to a literal secret; pass it in with ${HF_TOKEN} or a Compose secret");
  });

  it('reports a URL with a literal password under any key', async () => {
    const compose = 'services:\n  api:\n    image: a:1\n    environment:\n      - POSTGRES_URL=postgresql://rag_user:rag_pass@postgres:5432/rag_db\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 5, column: 22, endLine: 5, endColumn: 73 }]);
    expect(ds[0]!.message).toBe('api embeds a literal password in the POSTGRES_URL URL; build it from variables or use a Compose secret');
  });

  it('reports secret flags in commands at their value, string and list form', async () => {
    const compose = [
      'services:',
      '  redis:',
      '    image: redis:7.4',
      '    command: redis-server --appendonly yes --requirepass rag_redis_pass',
      '  llm:',
      '    image: llm:1',
      '    command: ["serve", "--api-key=sk-1", "--max-tokens", "512", "--password", "$$PW"]',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 58, endLine: 4, endColumn: 72 },
      { line: 7, column: 24, endLine: 7, endColumn: 40 },
    ]);
    expect(ds[0]!.message).toBe('redis passes a literal secret to --requirepass; use a variable ($$VAR in Compose) or a Compose secret');
  });

  it('leaves references, files, providers, settings and URLs without passwords alone', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: a:1',
      '    command: sh -c \'redis-server --requirepass "$$REDIS_PASSWORD"\'',
      '    environment:',
      '      - OPENAI_API_KEY=${OPENAI_API_KEY}',
      '      - HF_TOKEN',
      '      - CHROMA_SERVER_AUTH_CREDENTIALS_PROVIDER=chromadb.auth.providers.HtpasswdConfigServerAuthCredentialsProvider',
      '      - POSTGRES_PASSWORD_FILE=/run/secrets/pg',
      '      - AUTH_ENABLED=true',
      '      - PASSWORD_MIN_LENGTH=12',
      '      - OIDC_TOKEN_URL=https://idp/token',
      '      - DATABASE_URL=postgresql://app:${DB_PASSWORD}@db/app',
      '',
    ].join('\n');
    expect(await lintFiles({ 'compose.yaml': compose, '.env': 'OPENAI_API_KEY=sk-from-env\nDB_PASSWORD=x\n' }, { rules: [id] })).toEqual([]);
  });

  it('applies in every environment and honours allow globs (keys and flags)', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      DEMO_TOKEN: demo\n' };
    expect(await lintFiles(files, { rules: [id] })).toHaveLength(2);
    expect((await lintFiles(files, { rules: [id], options: { [id]: { allow: ['demo_*'] } } })).map((d) => d.span.line)).toEqual([5]);
  });
});

describe('fix', () => {
  it('requires the variable in place of the literal and documents it in an existing .env.example (unsafe)', async () => {
    const compose = [
      'services:',
      '  api:',
      '    environment:',
      '      - POSTGRES_URL=postgresql://rag:rag_pass@db:5432/rag # url',
      '      - "API_TOKEN=tok_0123456789abcdef" # literal',
      '    image: acme/api:1',
      '    command: ["serve", "--api-key", "sk-live-0123456789"]',
      '  webui:',
      '    image: ghcr.io/open-webui/open-webui:v0.6.5',
      '    environment:',
      "      WEBUI_SECRET_KEY: '${WEBUI_SECRET_KEY:-0p3n-w3bu!}' # default",
      '',
    ].join('\n');
    const files = { 'compose.yaml': compose, '.env.example': '# Variables\nPORT=8080' };
    expect((await fixFiles(files, { rules: ['no-hardcoded-secret'] })).outcome.changes).toEqual([]);
    const r = await fixFiles({ ...files, 'compose.yaml': compose.replace('    image: acme/api:1', '    image: acme/api:1\n    ports:\n      - "127.0.0.1:${PORT:-8080}:8080"') }, { rules: ['no-hardcoded-secret'], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  api:',
      '    environment:',
      '      - POSTGRES_URL=postgresql://rag:${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}@db:5432/rag # url',
      '      - "API_TOKEN=${API_TOKEN:?API_TOKEN is required}" # literal',
      '    image: acme/api:1',
      '    ports:',
      '      - "127.0.0.1:${PORT:-8080}:8080"',
      '    command: ["serve", "--api-key", "${API_API_KEY:?API_API_KEY is required}"]',
      '  webui:',
      '    image: ghcr.io/open-webui/open-webui:v0.6.5',
      '    environment:',
      "      WEBUI_SECRET_KEY: '${WEBUI_SECRET_KEY:?WEBUI_SECRET_KEY is required}' # default",
      '',
    ].join('\n'));
    expect(r.files['.env.example']).toBe('# Variables\nPORT=8080\nPOSTGRES_PASSWORD=\nAPI_TOKEN=\nAPI_API_KEY=\nWEBUI_SECRET_KEY=\n');
    expect(r.remaining.filter((d) => d.ruleId === 'no-hardcoded-secret' || d.ruleId === 'env-contract' || d.ruleId === 'parse-error')).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('creates .env.example next to the compose file, with the variables the stack already requires', async () => {
    const compose = 'services:\r\n  db:\r\n    image: postgres:16.4\r\n    environment:\r\n      POSTGRES_USER: ${PGUSER}\r\n      POSTGRES_PASSWORD: rag_pass # literal\r\n    command: redis-server --requirepass "s3cr3t-pass"\r\n';
    const r = await fixFiles({ 'stack/compose.yaml': compose }, { rules: ['no-hardcoded-secret'], unsafe: true });
    expect(r.files['stack/compose.yaml']).toBe(
      'services:\r\n  db:\r\n    image: postgres:16.4\r\n    environment:\r\n      POSTGRES_USER: ${PGUSER}\r\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required} # literal\r\n    command: redis-server --requirepass "${DB_REQUIREPASS:?DB_REQUIREPASS is required}"\r\n',
    );
    expect(r.files['stack/.env.example']).toBe('PGUSER=\r\nPOSTGRES_PASSWORD=\r\nDB_REQUIREPASS=\r\n');
    expect(r.remaining.filter((d) => d.ruleId === 'no-hardcoded-secret' || d.ruleId === 'env-contract' || d.ruleId === 'parse-error')).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
