import { describe, expect, it } from 'vitest';
import { fixFiles, fixWithRule } from '../helpers/fix-files.js';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['non-root-user'];

describe('non-root-user', () => {
  it('reports compose user: root and a pulled image that defaults to root, at the deciding line', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  admin:\n    image: ghcr.io/acme/admin:2.3.0\n    user: "0:0"\n  qdrant:\n    image: qdrant/qdrant:v1.12.1\n  db:\n    image: postgres:16.4\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'non-root-user', file: 'compose.yaml', line: 4, column: 11, endLine: 4, endColumn: 16 },
      { ruleId: 'non-root-user', file: 'compose.yaml', line: 6, column: 12, endLine: 6, endColumn: 33 },
    ]);
    expect(ds.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(ds[1]!.message).toBe('qdrant runs as root, the default user of qdrant/qdrant:v1.12.1; set user: to a non-root uid or use a non-root variant of the image');
  });

  it('passes an image whose entrypoint steps down, unless the entrypoint is replaced', async () => {
    const ds = await lintFiles(
      { 'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n  db2:\n    image: postgres:16.4\n    entrypoint: ["postgres"]\n' },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'non-root-user', file: 'compose.yaml', line: 5, column: 12, endLine: 5, endColumn: 25 }]);
  });

  it('reports the USER line of the stage a service builds once, and the FROM of a stage left as root', async () => {
    const dockerfile = [
      'FROM python:3.12-slim AS build',
      'USER root',
      'RUN pip install --no-cache-dir --prefix=/install uvicorn',
      'FROM python:3.12-slim AS worker',
      'USER root',
      'CMD ["python", "-m", "worker"]',
      'FROM python:3.12-slim AS runtime',
      'CMD ["uvicorn", "app:app"]',
      '',
    ].join('\n');
    const compose = 'services:\n  a:\n    build: {context: ., target: worker}\n  b:\n    build: {context: ., target: worker}\n  c:\n    build: .\n';
    const ds = await lintFiles({ 'compose.yaml': compose, Dockerfile: dockerfile }, { rules });
    expect(ds.map(at)).toEqual([
      { ruleId: 'non-root-user', file: 'Dockerfile', line: 5, column: 1, endLine: 5, endColumn: 10 },
      { ruleId: 'non-root-user', file: 'Dockerfile', line: 7, column: 1, endLine: 7, endColumn: 33 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'stage "worker" of Dockerfile runs as root (USER root); add a non-root USER before CMD',
      'stage "runtime" of Dockerfile runs as root (no USER, and python:3.12-slim defaults to root); add a non-root USER before CMD',
    ]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('checks the last stage of a Dockerfile no service builds, following FROM <stage> chains', async () => {
    const ds = await lintFiles(
      {
        Dockerfile: 'FROM node:22.11-slim AS base\nUSER node\n\nFROM base\nCMD ["node", "server.js"]\n',
        'other/Dockerfile': 'FROM node:22.11-slim\nUSER node\nUSER 0\n',
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'non-root-user', file: 'other/Dockerfile', line: 3, column: 1, endLine: 3, endColumn: 7 }]);
  });

  it('says nothing when the user is not known', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  app:\n    image: ghcr.io/acme/app:1.0.2\n  api:\n    build: .\n',
        Dockerfile: 'ARG UID\nFROM ghcr.io/acme/base:3.1\nUSER ${UID}\n',
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });
});

describe('fix', () => {
  const id = 'non-root-user';
  const fix = (files: Record<string, string>, unsafe = true) => fixWithRule(id, files, unsafe);

  it('creates a user on a Debian-based image and switches to it before CMD, above its comment', async () => {
    const r = await fix({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n# serve\nCMD ["python", "-m", "app"]\n' });
    expect(r.files.Dockerfile).toBe('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --create-home --uid 10001 app\nUSER app\n# serve\nCMD ["python", "-m", "app"]\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('uses adduser on Alpine, after a USER root, at the end of a stage without CMD, with CRLF', async () => {
    const r = await fix({ Dockerfile: 'FROM alpine:3.20\r\n# packages need root\r\nUSER root\r\nRUN apk add --no-cache tini' });
    expect(r.files.Dockerfile).toBe('FROM alpine:3.20\r\n# packages need root\r\nUSER root\r\nRUN apk add --no-cache tini\r\nRUN adduser -D -u 10001 app\r\nUSER app');
  });

  it("switches a node image to its own node user, before the CMD that follows the last USER", async () => {
    const r = await fix({ Dockerfile: 'FROM node:22.11-slim\nUSER node\nCMD ["node", "a.js"]\nUSER 0:0\nENTRYPOINT ["node"]\n' });
    expect(r.files.Dockerfile).toBe('FROM node:22.11-slim\nUSER node\nCMD ["node", "a.js"]\nUSER 0:0\nUSER node\nENTRYPOINT ["node"]\n');
  });

  it('fixes the base stage first when two running stages share it', async () => {
    const compose = 'services:\n  a:\n    build:\n      context: .\n      target: base\n  b:\n    build:\n      context: .\n      target: app\n';
    const r = await fix({ 'compose.yaml': compose, Dockerfile: 'FROM debian:bookworm-slim AS base\nCMD ["sleep", "infinity"]\n\nFROM base AS app\nCMD ["true"]\n' });
    expect(r.files.Dockerfile).toBe('FROM debian:bookworm-slim AS base\nRUN useradd --create-home --uid 10001 app\nUSER app\nCMD ["sleep", "infinity"]\n\nFROM base AS app\nCMD ["true"]\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('offers no fix for an image without a shell or of unknown family, nor for compose services', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n    entrypoint: ["postgres"]\n  api:\n    build: .\n',
        Dockerfile: 'FROM gcr.io/distroless/static-debian12\nUSER root\nCMD ["/app"]\n',
        'other/Dockerfile': 'FROM ghcr.io/acme/base:1.0\nUSER root\nCMD ["/app"]\n',
      },
      { rules },
    );
    expect(ds.length).toBe(3);
    expect(ds.filter((d) => d.fix)).toEqual([]);
  });

  it('is unsafe: not applied without --unsafe', async () => {
    const text = 'FROM python:3.12-slim\nCMD ["python"]\n';
    expect((await fixFiles({ Dockerfile: text }, { rules: [id] })).files.Dockerfile).toBe(text);
  });
});
