import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/lockfile-install.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('lockfile-install', () => {
  it('reports installs that resolve versions instead of reading the lockfile', async () => {
    const text = [
      'FROM node:20-alpine AS web',
      'RUN npm install && yarn install && pnpm install',
      'FROM python:3.12-slim',
      'RUN pip install --no-cache-dir fastapi "uvicorn>=0.30" pydantic==2.10.4',
      'RUN poetry lock && uv sync',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 16 },
      { line: 2, column: 20, endLine: 2, endColumn: 32 },
      { line: 2, column: 36, endLine: 2, endColumn: 48 },
      { line: 4, column: 32, endLine: 4, endColumn: 39 },
      { line: 4, column: 40, endLine: 4, endColumn: 55 },
      { line: 5, column: 5, endLine: 5, endColumn: 16 },
      { line: 5, column: 20, endLine: 5, endColumn: 27 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'npm install may update package-lock.json and install other versions than it records; use npm ci',
      'yarn install may rewrite yarn.lock; add --frozen-lockfile (Yarn 1) or --immutable (Yarn 2+)',
      'pnpm install may rewrite pnpm-lock.yaml; add --frozen-lockfile',
      'fastapi is not pinned, so each build may install a different version; pin it (fastapi==<version>) or install from a lockfile or requirements file',
      'uvicorn>=0.30 is not pinned, so each build may install a different version; pin it (uvicorn==<version>) or install from a lockfile or requirements file',
      'poetry lock resolves versions during the build; commit the lockfile and install from it',
      'uv sync updates uv.lock when it is out of date; add --locked (fail instead) or --frozen (use it as it is)',
    ]);
  });

  it('accepts lockfile installs, pins, requirement files, paths, constraints and packaging tools', async () => {
    const text = [
      'FROM node:20-alpine AS web',
      'RUN npm ci && yarn install --immutable && yarn --frozen-lockfile && pnpm install --frozen-lockfile',
      'RUN npm install -g pm2@5.4.3',
      'FROM python:3.12-slim',
      'RUN pip install --no-cache-dir --upgrade pip setuptools wheel',
      'RUN pip install --no-cache-dir -r requirements.txt . ./libs/x /wheels/*.whl',
      'RUN pip install --no-cache-dir -c constraints.txt fastapi',
      'RUN uv sync --frozen && uv lock --check && poetry install --no-root',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
