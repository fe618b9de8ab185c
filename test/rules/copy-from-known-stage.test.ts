import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/copy-from-known-stage.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('copy-from-known-stage', () => {
  it('reports an unknown name and a copy from the stage itself, on the --from option', async () => {
    const text = [
      'FROM node:20-alpine AS deps',
      'FROM node:20-alpine AS build',
      'COPY --from=build /a /b',
      'FROM nginx:1.27-alpine',
      'COPY --from=bulid /app/dist /usr/share/nginx/html',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 6, endLine: 3, endColumn: 18 },
      { line: 5, column: 6, endLine: 5, endColumn: 18 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'COPY --from=build names the stage it is in; a stage cannot copy from itself, so name an earlier stage',
      'COPY --from=bulid names no earlier stage (deps, build), so Docker pulls an image called bulid; fix the stage name, or give the image with its tag (bulid:<tag>)',
    ]);
  });

  it('accepts earlier stages by name or index, tagged or pathed images and unknown variables', async () => {
    const text = [
      'FROM node:20-alpine AS build',
      'FROM python:3.12-slim',
      'ARG UV_IMAGE',
      'COPY --from=build /a /a',
      'COPY --from=0 /a /b',
      'COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/',
      'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
      'COPY --from=$UV_IMAGE /uv /bin/',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('leaves a later stage or index to parse-error', async () => {
    const text = 'FROM alpine:3.20\nCOPY --from=later /a /a\nCOPY --from=1 /b /b\nFROM alpine:3.20 AS later\n';
    const ds = await lintFiles({ Dockerfile: text }, { rules: [id, 'parse-error'] });
    expect(ds.map((d) => `${d.span.line} ${d.ruleId}`)).toEqual(['2 parse-error', '3 parse-error']);
  });
});
