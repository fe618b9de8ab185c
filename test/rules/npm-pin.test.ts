import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/npm-pin.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id], config: { extends: 'strict' } });

describe('npm-pin', () => {
  it('is opt-in', async () => {
    expect(rule.meta.recommended).toBe(false);
    expect(await lintFiles({ Dockerfile: 'FROM node:20-alpine\nRUN npm install -g pnpm\n' }, { rules: [id] })).toEqual([]);
  });

  it('reports packages without a version, @latest and git sources without a ref', async () => {
    const text = [
      'FROM node:20-alpine',
      'RUN npm install -g pnpm@latest @nestjs/cli typescript@^5',
      'RUN npm i git+https://github.com/org/kit.git',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 16 },
      { line: 3, column: 5, endLine: 3, endColumn: 10 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'npm install takes the latest release of pnpm@latest, @nestjs/cli; give each a version (pnpm@<version>)',
      'npm install takes the latest release of git+https://github.com/org/kit.git; give each a version (git+https://github.com/org/kit.git@<version>)',
    ]);
  });

  it('accepts npm ci, a bare npm install, versions, local folders, tarballs and git refs', async () => {
    const text = [
      'FROM node:20-alpine',
      'RUN npm ci && npm install && npm install -g @nestjs/cli@10.4.9 ./local ./pkg.tgz git+https://github.com/org/kit.git#v1.2.0',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
