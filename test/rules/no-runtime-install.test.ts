import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-runtime-install.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;

describe('no-runtime-install', () => {
  it('reports each install inside a sh -c string, at the command itself (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: python:3.12-slim\n    command: sh -c "pip install -r requirements.txt && npm run build && uvicorn main:app"\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 21, endLine: 4, endColumn: 52 },
      { line: 4, column: 56, endLine: 4, endColumn: 69 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'api runs "pip install -r requirements.txt" at start; install dependencies in the image instead',
      'api runs "npm run build" at start; build the app into the image instead',
    ]);
    expect(ds.every((d) => d.severity === 'error' && d.ruleId === id)).toBe(true);
  });

  it('leaves dev servers to no-dev-server', async () => {
    const compose = 'services:\n  api:\n    image: python:3.12-slim\n    command: sh -c "uvicorn main:app --reload"\n  web:\n    image: node:20\n    command: npm run dev\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id, 'no-dev-server'] });
    expect(ds.map((d) => d.ruleId)).toEqual(['no-dev-server', 'no-dev-server']);
  });

  it('reports in list form at the items, and inside a quoted sh -c item', async () => {
    const compose = [
      'services:',
      '  web:',
      '    image: node:20.18-alpine',
      '    entrypoint: ["npm", "ci"]',
      '    command: ["/bin/sh", "-c", "npm run build && node build"]',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 18, endLine: 4, endColumn: 29 },
      { line: 5, column: 33, endLine: 5, endColumn: 46 },
    ]);
    expect(ds[1]!.message).toBe('web runs "npm run build" at start; build the app into the image instead');
  });

  it('reports lines of a block scalar body where they stand', async () => {
    const compose = 'services:\n  w:\n    image: python:3.12-slim\n    command:\n      - bash\n      - -c\n      - |\n        set -e\n        apt-get install -y curl\n        exec python app.py\n';
    expect((await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).map(pos)).toEqual([{ line: 9, column: 9, endLine: 9, endColumn: 32 }]);
  });

  it('falls back to the whole scalar when the text cannot be mapped (a \\x escape)', async () => {
    const compose = 'services:\n  w:\n    image: node:20\n    command: "sh -c \\x22npm ci\\x22"\n';
    expect((await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).map(pos)).toEqual([{ line: 4, column: 14, endLine: 4, endColumn: 36 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: node:20\n    command: npm install\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toHaveLength(1);
  });

  it('leaves ordinary start commands alone', async () => {
    const compose = 'services:\n  a:\n    image: x:1\n    command: uvicorn main:app --host 0.0.0.0\n  b:\n    image: y:1\n    command: ["python", "-m", "app"]\n  c:\n    image: z:1\n    command: sh -c "echo pip install is not run here"\n';
    expect(await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).toEqual([]);
  });

  it('honours allow globs over the command line', async () => {
    const compose = 'services:\n  mcp:\n    image: node:20\n    command: sh -c "npx -y @modelcontextprotocol/server-memory && npm ci"\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id], options: { [id]: { allow: ['npx -y @modelcontextprotocol/*'] } } });
    expect(ds.map((d) => d.message)).toEqual(['mcp runs "npm ci" at start; install dependencies in the image instead']);
  });
});

describe('no-runtime-install in Dockerfiles', () => {
  const lintDockerfile = (files: Record<string, string>, environment?: string) => lintFiles(files, { rules: [id], environment });

  it('reports installs and builds in a shell-form CMD, at the command', async () => {
    const ds = await lintDockerfile({ Dockerfile: 'FROM python:3.12-slim\nCMD pip install -r requirements.txt && npm run build && exec python app.py\n' });
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 36 },
      { line: 2, column: 40, endLine: 2, endColumn: 53 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'CMD runs "pip install -r requirements.txt" each time the container starts; install in a RUN step so the image ships with it',
      'CMD runs "npm run build" each time the container starts; build in a RUN step (or a builder stage) so the image ships built',
    ]);
  });

  it('reads an exec-form CMD under a sh -c ENTRYPOINT, and an inherited ENTRYPOINT once', async () => {
    const dockerfile = 'FROM node:20-slim AS base\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["npm ci && node dist/index.js"]\nFROM base AS a\nFROM base AS b\nENTRYPOINT ["sh", "-c", "apt-get install -y curl; exec \\"$@\\"", "--"]\n';
    const compose = 'services:\n  a:\n    build: { context: ., target: a }\n  b:\n    build: { context: ., target: b }\n';
    const ds = await lintDockerfile({ Dockerfile: dockerfile, 'compose.yaml': compose });
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 7, endLine: 3, endColumn: 13 },
      // A string with JSON escapes is reported whole.
      { line: 6, column: 25, endLine: 6, endColumn: 63 },
    ]);
  });

  it('leaves dev servers, ordinary starts and dev Dockerfiles alone', async () => {
    expect(await lintDockerfile({ Dockerfile: 'FROM python:3.12-slim\nCMD ["uvicorn", "main:app", "--reload"]\n' })).toEqual([]);
    expect(await lintDockerfile({ Dockerfile: 'FROM python:3.12-slim\nCMD echo pip install && python app.py\n' })).toEqual([]);
    expect(await lintDockerfile({ 'Dockerfile.dev': 'FROM node:20\nCMD npm install && npm run dev\n' })).toEqual([]);
  });
});
