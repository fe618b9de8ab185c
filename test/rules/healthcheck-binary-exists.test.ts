import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['healthcheck-binary-exists'];

describe('healthcheck-binary-exists', () => {
  it('reports each missing tool of a compose CMD-SHELL string at its word', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': [
          'services:',
          '  qdrant:',
          '    image: qdrant/qdrant:v1.12.1',
          '    healthcheck:',
          '      test: curl -fs http://localhost:6333/readyz || wget -qO- http://localhost:6333/readyz',
          '',
        ].join('\n'),
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'healthcheck-binary-exists', file: 'compose.yaml', line: 5, column: 13, endLine: 5, endColumn: 17 },
      { ruleId: 'healthcheck-binary-exists', file: 'compose.yaml', line: 5, column: 54, endLine: 5, endColumn: 58 },
    ]);
    expect(ds[0]!.message).toBe(
      `qdrant's healthcheck calls curl, which qdrant/qdrant:v1.12.1 does not have; use test: ["CMD-SHELL", "bash -c ':> /dev/tcp/127.0.0.1/6333' || exit 1"]`,
    );
  });

  it('checks a compose exec-form test against what the built stage installs', async () => {
    const compose = (svc: string) => `services:\n  api:\n    build: ./${svc}\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n`;
    const slim = 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n';
    const withCurl = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
    const bad = await lintFiles({ 'compose.yaml': compose('api'), 'api/Dockerfile': slim }, { rules });
    expect(bad.map(at)).toEqual([{ ruleId: 'healthcheck-binary-exists', file: 'compose.yaml', line: 5, column: 21, endLine: 5, endColumn: 27 }]);
    expect(bad[0]!.message).toBe(
      `api's healthcheck calls curl, which api/Dockerfile (python:3.12-slim) does not have; use test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]`,
    );
    expect(await lintFiles({ 'compose.yaml': compose('api'), 'api/Dockerfile': withCurl }, { rules })).toEqual([]);
  });

  it('reports a Dockerfile HEALTHCHECK in shell and exec form, and CMD-SHELL without a shell', async () => {
    const ds = await lintFiles(
      {
        'a/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1\n',
        'b/Dockerfile': 'FROM gcr.io/distroless/static-debian12:nonroot\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:8080/"]\n',
        'compose.yaml': 'services:\n  b:\n    build: ./b\n    healthcheck:\n      test: ["CMD-SHELL", "/app/probe"]\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'healthcheck-binary-exists', file: 'a/Dockerfile', line: 2, column: 32, endLine: 2, endColumn: 36 },
      { ruleId: 'healthcheck-binary-exists', file: 'b/Dockerfile', line: 2, column: 18, endLine: 2, endColumn: 24 },
      { ruleId: 'healthcheck-binary-exists', file: 'compose.yaml', line: 5, column: 14, endLine: 5, endColumn: 25 },
    ]);
    expect(ds[0]!.message).toContain(`use HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/')"]`);
    expect(ds[2]!.message).toMatch(/^b's healthcheck runs through \/bin\/sh, which b\/Dockerfile \(gcr.io\/distroless\/static-debian12:nonroot\) does not have/);
  });

  it('says nothing about tools whose presence is unknown or present', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': [
          'services:',
          '  app:',
          '    image: ghcr.io/acme/app:1.0.2',
          '    healthcheck:',
          '      test: curl -f http://localhost:3000/',
          '  proxy:',
          '    image: caddy:2.8.4',
          '    healthcheck:',
          '      test: ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:2019/config/"]',
          '',
        ].join('\n'),
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });
});
