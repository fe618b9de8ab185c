import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/dev-deps-then-build.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });
const where = (s: { line: number; column: number; endLine: number; endColumn: number }) => [s.line, s.column, s.endLine, s.endColumn];

describe('dev-deps-then-build', () => {
  it('reports a build after a production-only install, with the install as related', async () => {
    const text = [
      'FROM node:20-alpine AS build',
      'RUN npm ci --only=production',
      'COPY . .',
      'RUN npm run build',
      'FROM node:20-alpine AS web',
      'RUN yarn install --production && yarn build',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 5, endLine: 4, endColumn: 18 },
      { line: 6, column: 34, endLine: 6, endColumn: 44 },
    ]);
    expect(ds.map((d) => d.related!.map(where))).toEqual([[[2, 5, 2, 29]], [[6, 5, 6, 30]]]);
    expect(ds[0]!.message).toBe(
      'npm run build runs after npm ci --only=production left out dev dependencies, where build tools live; install everything, build, then prune (`npm prune --omit=dev`) or copy the output to a clean stage',
    );
    expect(ds[0]!.severity).toBe('error');
  });

  it('follows FROM-stage chains and NODE_ENV=production', async () => {
    const text = ['FROM node:20-alpine AS deps', 'ENV NODE_ENV=production', 'RUN pnpm install --frozen-lockfile', 'FROM deps AS build', 'RUN pnpm run build:prod', ''].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([{ line: 5, column: 5, endLine: 5, endColumn: 24 }]);
  });

  it('accepts a full install before the build and dev-including overrides', async () => {
    const text = [
      'FROM node:20-alpine AS a',
      'RUN npm ci --omit=dev && npm ci && npm run build',
      'FROM node:20-alpine AS b',
      'ENV NODE_ENV=production',
      'RUN npm ci --include=dev && npm run build',
      'FROM node:20-alpine AS c',
      'RUN npm run build && npm ci --omit=dev',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
