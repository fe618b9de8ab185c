import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['healthcheck-required'];

describe('healthcheck-required', () => {
  it('reports services without a healthcheck from any source, at the service key', async () => {
    const compose = [
      'services:',
      '  postgres:',
      '    image: postgres:16.4',
      '  cache:',
      '    image: valkey/valkey:8.0.1',
      '    healthcheck:',
      '      disable: true',
      '  redis:',
      '    image: redis:7.4.1',
      '    healthcheck:',
      '      test: ["CMD", "redis-cli", "ping"]',
      '  webui:',
      '    image: ghcr.io/open-webui/open-webui:v0.5.4',
      '  api:',
      '    build: .',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose, Dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "print(1)"\n' }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'healthcheck-required', file: 'compose.yaml', line: 2, column: 3, endLine: 2, endColumn: 11 },
      { ruleId: 'healthcheck-required', file: 'compose.yaml', line: 4, column: 3, endLine: 4, endColumn: 8 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'postgres has no healthcheck, so nothing notices when it hangs and depends_on cannot wait for it; for postgres, test: ["CMD-SHELL", "pg_isready -U \\"$${POSTGRES_USER:-postgres}\\""] works',
      'cache has its healthcheck disabled, so nothing notices when it hangs and depends_on cannot wait for it; for valkey, test: ["CMD", "valkey-cli", "ping"] works',
    ]);
  });

  it('exempts one-shot jobs others await, unless they restart', async () => {
    const compose = (restart: string) =>
      `services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    healthcheck:\n      test: ["CMD", "true"]\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: ghcr.io/acme/api:1.4.2\n${restart}`;
    expect(await lintFiles({ 'compose.yaml': compose('    restart: "no"\n') }, { rules })).toEqual([]);
    expect(await lintFiles({ 'compose.yaml': compose('') }, { rules })).toEqual([]);
    const ds = await lintFiles({ 'compose.yaml': compose('    restart: always\n') }, { rules });
    expect(ds.map(at)).toEqual([{ ruleId: 'healthcheck-required', file: 'compose.yaml', line: 9, column: 3, endLine: 9, endColumn: 10 }]);
  });

  it('applies to production stacks only', async () => {
    expect(await lintFiles({ 'compose.dev.yaml': 'services:\n  db:\n    image: postgres:16.4\n' }, { rules })).toEqual([]);
  });
});
