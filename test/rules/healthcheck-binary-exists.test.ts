import { describe, expect, it } from 'vitest';
import { fixFiles } from '../helpers/fix-files.js';
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
      `api's healthcheck calls curl, which api/Dockerfile (python:3.12-slim) does not have; use test: ["CMD", "python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]`,
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
    expect(ds[0]!.message).toContain(`use HEALTHCHECK CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/')"]`);
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

describe('fix', () => {
  const id = 'healthcheck-binary-exists';
  const fix = async (files: Record<string, string>, unsafe = true) => {
    const r = await fixFiles(files, { rules: [id], unsafe });
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
    return r;
  };

  it('probes the same URL with python3 in a python image, in compose and in the Dockerfile, comments kept', async () => {
    const r = await fix({
      'compose.yaml': 'services:\n  api:\n    build: ./api\n    healthcheck:\n      # the app answers on /health\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]  # probe\n      interval: 10s\n',
      'api/Dockerfile': 'FROM python:3.12-slim\n# probe\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1\nUSER 1000\n',
    });
    const python = `["python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]`;
    expect(r.files['compose.yaml']).toBe(
      `services:\n  api:\n    build: ./api\n    healthcheck:\n      # the app answers on /health\n      test: ["CMD", ${python.slice(1, -1)}]  # probe\n      interval: 10s\n`,
    );
    expect(r.files['api/Dockerfile']).toBe(`FROM python:3.12-slim\n# probe\nHEALTHCHECK --interval=30s CMD ${python}\nUSER 1000\n`);
  });

  it('probes with node fetch in a node image', async () => {
    const r = await fix({ Dockerfile: 'FROM node:22-slim\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://127.0.0.1:3000/ready"]\nUSER node\n' });
    expect(r.files.Dockerfile).toBe(
      'FROM node:22-slim\nHEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:3000/ready\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nUSER node\n',
    );
  });

  it('calls node by its path in a distroless node image', async () => {
    const r = await fix({ Dockerfile: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://127.0.0.1:3000/"]\nCMD ["server.js"]\n' });
    expect(r.files.Dockerfile).toBe(
      'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nHEALTHCHECK CMD ["/nodejs/bin/node", "-e", "fetch(\'http://127.0.0.1:3000/\').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]\nCMD ["server.js"]\n',
    );
  });

  it("uses the image's own probe from the known-images data when no tool can fetch the URL", async () => {
    const r = await fix({
      'compose.yaml': [
        'services:',
        '  qdrant:',
        '    image: qdrant/qdrant:v1.12.1',
        '    healthcheck:',
        '      # ready?',
        '      test: curl -fs http://localhost:6333/readyz || wget -qO- http://localhost:6333/readyz',
        '  proxy:',
        '    image: caddy:2.8.4',
        '    healthcheck:',
        '      test:',
        '        - CMD',
        '        - bash',
        '        - -c',
        '        - echo > /dev/tcp/localhost/2019',
        '',
      ].join('\n'),
    });
    expect(r.files['compose.yaml']).toBe(
      [
        'services:',
        '  qdrant:',
        '    image: qdrant/qdrant:v1.12.1',
        '    healthcheck:',
        '      # ready?',
        `      test: ["CMD-SHELL", "bash -c ':> /dev/tcp/127.0.0.1/6333' || exit 1"]`,
        '  proxy:',
        '    image: caddy:2.8.4',
        '    healthcheck:',
        '      test:',
        '        ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:2019/config/"]',
        '',
      ].join('\n'),
    );
  });

  it('writes a plain CMD-SHELL command in exec form for an image without a shell', async () => {
    const r = await fix({
      'compose.yaml': 'services:\n  probe:\n    build: .\n    healthcheck:\n      test: ["CMD-SHELL", "/app/probe --ready || exit 1"]\n',
      Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY probe /app/probe\nENTRYPOINT ["/app/probe"]\n',
    });
    expect(r.files['compose.yaml']).toBe('services:\n  probe:\n    build: .\n    healthcheck:\n      test: ["CMD", "/app/probe", "--ready"]\n');
  });

  it('offers no fix when nothing the image has can probe', async () => {
    const ds = await lintFiles(
      {
        Dockerfile: 'FROM gcr.io/distroless/static-debian12:nonroot\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:8080/"]\nENTRYPOINT ["/app"]\n',
        'py/Dockerfile': 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:$PORT/ || exit 1\nUSER 1000\n',
      },
      { rules },
    );
    expect(ds.length).toBe(2);
    expect(ds.filter((d) => d.fix)).toEqual([]);
  });

  it('is unsafe: not applied without --unsafe', async () => {
    const text = 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nUSER 1000\n';
    expect((await fixFiles({ Dockerfile: text }, { rules: [id] })).files.Dockerfile).toBe(text);
  });
});
