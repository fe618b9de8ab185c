import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/build-deps-in-runtime.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string, files: Record<string, string> = {}) => lintFiles({ Dockerfile: dockerfile, ...files }, { rules: [id] });

describe('build-deps-in-runtime', () => {
  it('reports compilers, headers and git in the last stage, at the package word', async () => {
    const ds = await lint('FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends \\\n      gcc libpq-dev libpq5 git=1:2.39.5-0+deb12u1\n');
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 7, endLine: 3, endColumn: 10 },
      { line: 3, column: 11, endLine: 3, endColumn: 20 },
      { line: 3, column: 28, endLine: 3, endColumn: 50 },
    ]);
    expect(ds[0]!.message).toBe('gcc is installed in the runtime stage 0 (line 1), so it ships in the running image; install it in a builder stage and COPY --from the result');
  });

  it('follows FROM-stage chains from the stages compose runs, and skips builder stages', async () => {
    const text = [
      'FROM node:20-alpine AS base',
      'RUN apk add --no-cache build-base',
      'FROM node:20-alpine AS builder',
      'RUN apk add --no-cache git',
      'FROM base AS production',
      'COPY --from=builder /app /app',
      '',
    ].join('\n');
    const compose = 'services:\n  web:\n    image: ghcr.io/acme/web:1.0.0\n    build:\n      context: .\n      target: production\n';
    const ds = await lint(text, { 'compose.yaml': compose });
    expect(ds.map(pos)).toEqual([{ line: 2, column: 24, endLine: 2, endColumn: 34 }]);
    expect(ds[0]!.message).toBe('build-base is installed in stage "base", which the runtime stage "production" is built from, so it ships in the running image; install it in a builder stage and COPY --from the result');
  });

  it('accepts packages removed in the same RUN and apk virtual packages deleted there', async () => {
    const text = [
      'FROM python:3.12-alpine',
      'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir x==1 && apk del .build-deps',
      'RUN apt-get install -y gcc && pip install --no-cache-dir y==1 && apt-get purge -y gcc',
      'RUN apk add --no-cache libpq curl',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
