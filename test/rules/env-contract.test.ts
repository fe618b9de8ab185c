import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['env-contract'];

describe('env-contract', () => {
  const compose = [
    'services:',
    '  lamb:',
    '    image: ghcr.io/lamb-project/lamb:${LAMB_TAG:-1.4.0}',
    '    environment:',
    '      LAMB_BEARER_TOKEN: ${LAMB_BEARER_TOKEN:?}',
    '      OWI_ADMIN_PASSWORD: "${OWI_ADMIN_PASSWORD}"',
    '      DB_URL: ${DB_URL:-${FALLBACK_DB_URL}}',
    '      OPENAI_API_KEY:',
    '    ports:',
    '      - "127.0.0.1:${LAMB_PORT?}:8000"',
    '      - "127.0.0.1:${OWI_ADMIN_PASSWORD}:9000"',
    '',
  ].join('\n');
  const example = ['# Copy to .env', 'LAMB_BEARER_TOKEN=', 'OPENAI_API_KEY=', 'LAMB_PROJECT_PATH=/opt/lamb', 'COMPOSE_PROJECT_NAME=lamb', 'FALLBACK_DB_URL=', ''].join('\n');

  it('reports undocumented required variables at their first reference and stale names in .env.example', async () => {
    const ds = await lintFiles({ 'compose.yaml': compose, '.env.example': example }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'env-contract', file: '.env.example', line: 4, column: 1, endLine: 4, endColumn: 18 },
      { ruleId: 'env-contract', file: 'compose.yaml', line: 6, column: 28, endLine: 6, endColumn: 49 },
      { ruleId: 'env-contract', file: 'compose.yaml', line: 10, column: 20, endLine: 10, endColumn: 33 },
    ]);
    expect(ds[0]!.message).toBe('.env.example documents LAMB_PROJECT_PATH, which no file of the stack uses; remove it, or use it');
    expect(ds[1]!.message).toBe('OWI_ADMIN_PASSWORD has no default and .env.example does not document it; add a OWI_ADMIN_PASSWORD= line to .env.example');
  });

  it('skips stacks without a .env.example', async () => {
    expect(await lintFiles({ 'compose.yaml': compose }, { rules })).toEqual([]);
  });

  it('counts a name used by another stack of the folder as used', async () => {
    const files = {
      'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n',
      'compose.dev.yaml': 'services:\n  api:\n    environment:\n      DEBUG: ${DEBUG:-false}\n',
      '.env.example': 'DEBUG=false\nUNUSED=1\n',
    };
    expect((await lintFiles(files, { rules })).map((d) => `${d.span.file}:${d.span.line}`)).toEqual(['.env.example:2']);
  });

  it('skips the stale check when a service loads a .env file', async () => {
    const files = {
      'compose.yaml': 'services:\n  api:\n    image: ghcr.io/acme/api:1.0.0\n    env_file: .env\n',
      '.env.example': 'APP_SETTING=1\n',
    };
    expect(await lintFiles(files, { rules })).toEqual([]);
  });
});
