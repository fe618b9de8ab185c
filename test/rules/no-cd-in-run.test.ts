import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-cd-in-run.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('no-cd-in-run', () => {
  it('reports every cd, in chains, subshells and substitutions, in every stage', async () => {
    const text = [
      'FROM node:20-alpine AS build',
      'RUN cd /app && npm ci',
      'FROM python:3.12-slim',
      'RUN pip wheel . && (cd dist && ls) && echo "$(cd /tmp; pwd)"',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 12 },
      { line: 4, column: 21, endLine: 4, endColumn: 28 },
      { line: 4, column: 47, endLine: 4, endColumn: 54 },
    ]);
    expect(ds[0]!.message).toBe('cd /app lasts only until the end of this RUN and hides where the next commands run; use WORKDIR /app before the RUN instead');
    expect(ds[1]!.message).toBe('cd dist lasts only until the end of this RUN and hides where the next commands run; use WORKDIR <absolute path> before the RUN instead');
  });

  it('accepts WORKDIR, exec-form RUNs and cd as a word', async () => {
    expect(await lint('FROM alpine:3.20\nWORKDIR /app\nRUN echo cd && ls cd\nRUN ["sh", "-c", "cd /x"]\n')).toEqual([]);
  });
});
