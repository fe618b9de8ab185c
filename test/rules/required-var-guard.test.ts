import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const rules = ['required-var-guard', 'no-hardcoded-secret'];

describe('required-var-guard', () => {
  const compose = [
    'services:',
    '  openwebui:',
    '    image: ghcr.io/open-webui/open-webui:v0.6.5',
    '    environment:',
    '      - WEBUI_SECRET_KEY=',
    '      - OPENAI_API_KEY=${OPENAI_API_KEY}',
    '      - OLLAMA_BASE_URL=${OLLAMA_BASE_URL:-http://ollama:11434}',
    '      - LOG_LEVEL=${LOG_LEVEL}',
    '  api:',
    '    image: ghcr.io/acme/api:1.0.0',
    '    environment:',
    '      DATABASE_URL: postgresql://rag:${DB_PASSWORD:-}@db:5432/rag',
    '      REDIS_URL: ${REDIS_URL?set REDIS_URL}',
    '      ADMIN_PASSWORD: ${ADMIN_PASSWORD:-changeme}',
    '      JWT_SECRET: $JWT_SECRET',
    '      HF_TOKEN: ${HF_TOKEN:-none}',
    '      QDRANT_API_KEY: ${QDRANT_API_KEY:?}',
    '',
  ].join('\n');

  it('reports bare, empty-default and ?-guarded references of secret and connection variables, at the reference', async () => {
    const ds = (await lintFiles({ 'compose.yaml': compose }, { rules })).filter((d) => d.ruleId === 'required-var-guard');
    expect(ds.map(at)).toEqual([
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 26 },
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 6, column: 24, endLine: 6, endColumn: 41 },
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 12, column: 38, endLine: 12, endColumn: 54 },
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 13, column: 18, endLine: 13, endColumn: 44 },
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 15, column: 19, endLine: 15, endColumn: 30 },
      { ruleId: 'required-var-guard', file: 'compose.yaml', line: 16, column: 17, endLine: 16, endColumn: 34 },
    ]);
    expect(ds[0]!.message).toBe('openwebui sets WEBUI_SECRET_KEY to an empty value, so it starts without that secret; require it with ${WEBUI_SECRET_KEY:?WEBUI_SECRET_KEY is required}');
    expect(ds[1]!.message).toBe(
      'openwebui takes OPENAI_API_KEY from ${OPENAI_API_KEY}, which becomes empty when the variable is unset; write ${OPENAI_API_KEY:?OPENAI_API_KEY is required} so Compose refuses to start without it',
    );
    expect(ds[2]!.message).toContain('from ${DB_PASSWORD:-}, which falls back to an empty value');
    expect(ds[3]!.message).toContain('which still accepts an empty value');
    expect(ds[5]!.message).toContain('which falls back to "none"');
  });

  it('leaves literal secret defaults to no-hardcoded-secret', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.filter((d) => d.span.line === 14).map((d) => d.ruleId)).toEqual(['no-hardcoded-secret']);
  });

  it('fixes references to ${VAR:?message} (unsafe), keeping a ? message', async () => {
    const ds = (await lintFiles({ 'compose.yaml': compose }, { rules })).filter((d) => d.ruleId === 'required-var-guard');
    expect(ds.map((d) => d.fix?.edits[0]?.text)).toEqual([
      '${WEBUI_SECRET_KEY:?WEBUI_SECRET_KEY is required}',
      '${OPENAI_API_KEY:?OPENAI_API_KEY is required}',
      '${DB_PASSWORD:?DB_PASSWORD is required}',
      '${REDIS_URL:?set REDIS_URL}',
      '${JWT_SECRET:?JWT_SECRET is required}',
      '${HF_TOKEN:?HF_TOKEN is required}',
    ]);
    let text = compose;
    for (const d of [...ds].reverse()) {
      const e = d.fix?.edits[0];
      if (e) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    expect(text.split('\n')[11]).toBe('      DATABASE_URL: postgresql://rag:${DB_PASSWORD:?DB_PASSWORD is required}@db:5432/rag');
    expect(ds[1]!.fix!.safe).toBe(false);
  });

  it('checks prod stacks only', async () => {
    const dev = { 'compose.dev.yaml': 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' };
    expect(await lintFiles(dev, { rules: ['required-var-guard'] })).toEqual([]);
  });
});

describe('fix', () => {
  it('requires each variable with :? and documents it in .env.example, so the stack still loads (unsafe)', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: ghcr.io/acme/rag-api:2.1.0',
      '    environment:',
      '      - API_KEY= # empty',
      '      - "DATABASE_URL=postgresql://rag:${DB_PASSWORD:-}@db:5432/rag" # url',
      '      - REDIS_URL=${REDIS_URL?set REDIS_URL}',
      '  db:',
      '    image: postgres:16.4',
      '    environment:',
      '      POSTGRES_PASSWORD: $POSTGRES_PASSWORD # bare',
      '',
    ].join('\n');
    const files = { 'compose.yaml': compose, '.env.example': 'REDIS_URL=\n' };
    const r = await fixFiles(files, { rules: ['required-var-guard'], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  api:',
      '    image: ghcr.io/acme/rag-api:2.1.0',
      '    environment:',
      '      - API_KEY=${API_KEY:?API_KEY is required} # empty',
      '      - "DATABASE_URL=postgresql://rag:${DB_PASSWORD:?DB_PASSWORD is required}@db:5432/rag" # url',
      '      - REDIS_URL=${REDIS_URL:?set REDIS_URL}',
      '  db:',
      '    image: postgres:16.4',
      '    environment:',
      '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required} # bare',
      '',
    ].join('\n'));
    expect(r.files['.env.example']).toBe('REDIS_URL=\nAPI_KEY=\nDB_PASSWORD=\nPOSTGRES_PASSWORD=\n');
    expect(r.outcome.reverted).toEqual([]);
    expect(r.remaining.filter((d) => ['required-var-guard', 'parse-error', 'env-contract'].includes(d.ruleId))).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('documents a variable two services reference once', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: ghcr.io/acme/rag-api:2.1.0',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '  worker:',
      '    image: ghcr.io/acme/rag-worker:2.1.0',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '',
    ].join('\n');
    const r = await fixFiles({ 'compose.yaml': compose, '.env.example': 'LOG_LEVEL=\n' }, { rules: ['required-var-guard'], unsafe: true });
    expect(r.files['.env.example']).toBe('LOG_LEVEL=\nDB_PASSWORD=\n');
    expect(r.second).toEqual([]);
  });
});
