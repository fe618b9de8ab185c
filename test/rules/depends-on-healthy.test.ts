import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['depends-on-healthy'];

const services = [
  '  redis:',
  '    image: redis:7.4.1',
  '    healthcheck:',
  '      test: ["CMD", "redis-cli", "ping"]',
  '  postgres:',
  '    image: postgres:16.4',
  '  cache:',
  '    image: valkey/valkey:8.0.1',
  '    healthcheck:',
  '      disable: true',
  '  app:',
  '    image: ghcr.io/acme/app:1.0.2',
];

describe('depends-on-healthy', () => {
  it('warns at entries that wait only for a start, in short and long form', async () => {
    const compose = ['services:', '  api:', '    image: ghcr.io/acme/api:1.4.2', '    depends_on:', '      - redis', '      - postgres', '  worker:', '    image: ghcr.io/acme/api:1.4.2', '    depends_on:', '      redis:', '        condition: service_started', ...services, ''].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'depends-on-healthy', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 14 },
      { ruleId: 'depends-on-healthy', file: 'compose.yaml', line: 10, column: 7, endLine: 10, endColumn: 12 },
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(ds[0]!.message).toBe('api starts as soon as redis is running, not when its healthcheck passes; use the long form with condition: service_healthy');
  });

  it('errs on service_healthy for a dependency without a healthcheck, or with it disabled', async () => {
    const compose = [
      'services:',
      '  api:',
      '    image: ghcr.io/acme/api:1.4.2',
      '    depends_on:',
      '      postgres:',
      '        condition: service_healthy',
      '      cache:',
      '        condition: service_healthy',
      '      app:',
      '        condition: service_healthy',
      '      redis:',
      '        condition: service_healthy',
      ...services,
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'depends-on-healthy', file: 'compose.yaml', line: 5, column: 7, endLine: 5, endColumn: 15 },
      { ruleId: 'depends-on-healthy', file: 'compose.yaml', line: 7, column: 7, endLine: 7, endColumn: 12 },
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(ds.map((d) => d.message)).toEqual([
      'api waits for postgres to be healthy, but it has no healthcheck, so docker compose up fails',
      'api waits for cache to be healthy, but its healthcheck is disabled, so docker compose up fails',
    ]);
  });

  it('sees a HEALTHCHECK in the Dockerfile stage a dependency builds', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  web:\n    image: ghcr.io/acme/web:1.0.0\n    depends_on: [api]\n  api:\n    build: ./api\n',
        'api/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/\')"\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'depends-on-healthy', file: 'compose.yaml', line: 4, column: 18, endLine: 4, endColumn: 21 }]);
  });
});
