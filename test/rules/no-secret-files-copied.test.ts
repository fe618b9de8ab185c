import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-secret-files-copied.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (files: Record<string, string>, options?: Record<string, unknown>) => lintFiles(files, { rules: [id], ...(options && { options: { [id]: options } }) });

describe('no-secret-files-copied', () => {
  it('reports each secret source of a shipped stage, at the source', async () => {
    const dockerfile = [
      'FROM node:20 AS build',
      'COPY .npmrc ./',
      'FROM node:20-slim',
      'COPY .env .env.example ./',
      'COPY certs/server.key certs/ca.pem /certs/',
      'COPY id_rsa* id_rsa.pub /root/.ssh/',
      'COPY --from=build /root/.ssh /root/.ssh',
      'ADD credentials.json *.pem ./',
      '',
    ].join('\n');
    const ds = await lint({ Dockerfile: dockerfile });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 6, endLine: 4, endColumn: 10 },
      { line: 5, column: 6, endLine: 5, endColumn: 22 },
      { line: 6, column: 6, endLine: 6, endColumn: 13 },
      { line: 7, column: 19, endLine: 7, endColumn: 29 },
      { line: 8, column: 5, endLine: 8, endColumn: 21 },
      { line: 8, column: 22, endLine: 8, endColumn: 27 },
    ]);
    expect(ds[0]!.message).toBe('COPY .env puts an environment file into stage 1 (line 3), which ships; keep it out of the build context (.dockerignore) and provide it at run time');
    expect(ds[2]!.message).toBe('COPY id_rsa* puts an SSH key into stage 1 (line 3), which ships; use RUN --mount=type=ssh for the step that needs it');
    expect(ds[4]!.message).toBe('ADD credentials.json puts a credentials file into stage 1 (line 3), which ships; keep it out of the build context (.dockerignore) and provide it at run time');
  });

  it('names the image when there is one stage', async () => {
    const [d] = await lint({ Dockerfile: 'FROM python:3.12-slim\nCOPY .pypirc /root/\n' });
    expect(d!.message).toBe('COPY .pypirc puts a credentials file into the image; use RUN --mount=type=secret for the step that needs it');
  });

  it('checks the stage a compose service runs, not the builder it copies from', async () => {
    const files = {
      'compose.yaml': 'services:\n  api:\n    build: { context: ., target: runtime }\n',
      Dockerfile: 'FROM python:3.12-slim AS deps\nCOPY .netrc /root/.netrc\nFROM python:3.12-slim AS runtime\nCOPY .env.production .\nFROM runtime AS test\nCOPY .git-credentials /root/\n',
    };
    expect((await lint(files)).map((d) => d.span.line)).toEqual([4]);
  });

  it('honours allow globs over the source as written', async () => {
    expect(await lint({ Dockerfile: 'FROM nginx:1.27\nCOPY test/fixtures/server.key /etc/nginx/\n' }, { allow: ['test/fixtures/*'] })).toEqual([]);
  });
});
