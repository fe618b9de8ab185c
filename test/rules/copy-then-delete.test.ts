import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/copy-then-delete.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('copy-then-delete', () => {
  it('reports the COPY of a path a later RUN removes, with the removal as related', async () => {
    const text = [
      'FROM python:3.11-slim AS wheels',
      'RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt',
      'FROM python:3.11-slim',
      'WORKDIR /app',
      'COPY --from=wheels /wheels /wheels',
      'COPY data.tar.gz ./',
      'RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels',
      'RUN tar -xzf data.tar.gz && rm data.tar.gz',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 1, endLine: 5, endColumn: 35 },
      { line: 6, column: 1, endLine: 6, endColumn: 20 },
    ]);
    expect(ds.map((d) => d.related!.map((r) => [r.line, r.column, r.endLine, r.endColumn]))).toEqual([[[7, 52, 7, 59]], [[8, 32, 8, 43]]]);
    expect(ds[0]!.message).toBe(
      '/wheels is copied here and deleted by a later RUN (line 7), but its bytes stay in this layer; mount it for that RUN instead (`RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels …`)',
    );
    expect(ds[1]!.message).toBe(
      'data.tar.gz is copied here and deleted by a later RUN (line 8), but its bytes stay in this layer; mount it for that RUN instead (`RUN --mount=type=bind,source=data.tar.gz,target=/app/data.tar.gz …`) or do the work in a builder stage and COPY --from only the result',
    );
  });

  it('follows the stage chain and resolves relative paths against WORKDIR', async () => {
    const text = ['FROM debian:12 AS base', 'COPY vendor /opt/vendor/', 'FROM base', 'WORKDIR /opt', 'RUN rm -rf vendor', ''].join('\n');
    const ds = await lint(text);
    expect(ds.map((d) => d.span.line)).toEqual([2]);
  });

  it('ignores partial removals, removals before the COPY, and builder stages', async () => {
    const text = [
      'FROM debian:12 AS build',
      'COPY src /src',
      'RUN make -C /src && rm -rf /src',
      'FROM debian:12',
      'WORKDIR /app',
      'RUN rm -rf /app/cache',
      'COPY cache /app/cache',
      'COPY . .',
      'RUN rm -rf tests',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
