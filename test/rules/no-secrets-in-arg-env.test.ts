import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-secrets-in-arg-env.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string, options?: Record<string, unknown>) => lintFiles({ Dockerfile: dockerfile }, { rules: [id], ...(options && { options: { [id]: options } }) });

describe('no-secrets-in-arg-env', () => {
  it('reports secret ARGs at their name and secret ENV values at the value', async () => {
    const ds = await lint('ARG GITHUB_TOKEN\nFROM python:3.12-slim\nARG HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz\nENV OPENAI_API_KEY=sk-123456 LOG_LEVEL=info\nENV HF_TOKEN=${HF_TOKEN}\nENV SECRET_KEY changeme\n');
    expect(ds.map(pos)).toEqual([
      { line: 1, column: 5, endLine: 1, endColumn: 17 },
      { line: 3, column: 5, endLine: 3, endColumn: 13 },
      { line: 4, column: 20, endLine: 4, endColumn: 29 },
      { line: 5, column: 14, endLine: 5, endColumn: 25 },
      { line: 6, column: 16, endLine: 6, endColumn: 24 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'ARG GITHUB_TOKEN passes a secret as a build arg, which the image history keeps; use RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN in the step that needs it',
      'ARG HF_TOKEN has a literal default, so the secret is in the Dockerfile and the image history; drop the ARG and use RUN --mount=type=secret,id=hf_token,env=HF_TOKEN',
      'ENV OPENAI_API_KEY bakes a literal secret into the image, where every container and docker inspect see it; pass it at run time instead',
      'ENV HF_TOKEN copies a build-time value into the image config, where every container and docker inspect see it; use RUN --mount=type=secret,id=hf_token,env=HF_TOKEN to build and pass it at run time',
      'ENV SECRET_KEY bakes a literal secret into the image, where every container and docker inspect see it; pass it at run time instead',
    ]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports a literal default inside a variable reference', async () => {
    const ds = await lint('FROM python:3.12-slim\nENV WEBUI_SECRET_KEY=${WEBUI_SECRET_KEY:-t0p-s3cr3t}\n');
    expect(ds.map(pos)).toEqual([{ line: 2, column: 22, endLine: 2, endColumn: 53 }]);
    expect(ds[0]!.message).toContain('falls back to a literal secret');
  });

  it('accepts names about secrets, empty values, paths and settings', async () => {
    const text = [
      'FROM python:3.12-slim',
      'ARG PIP_INDEX_URL',
      'ARG TOKEN_URL=https://auth.acme.dev/token',
      'ENV POSTGRES_PASSWORD_FILE=/run/secrets/pg MAX_TOKENS=512 API_KEY="" AUTH_TOKEN=/run/secrets/token',
      'ENV ENABLE_PASSWORD_AUTH=true',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('honours allow globs, case-insensitively', async () => {
    expect(await lint('FROM node:20-slim\nARG VITE_PUBLIC_API_KEY=pk_live_123\n', { allow: ['vite_*'] })).toEqual([]);
  });
});
