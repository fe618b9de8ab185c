import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/apt-cleanup.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string, files: Record<string, string> = {}) => lintFiles({ Dockerfile: dockerfile, ...files }, { rules: [id] });

describe('apt-cleanup', () => {
  it('reports each apt install of a RUN that keeps the lists, at the install words', async () => {
    const ds = await lint('FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && apt install -y --no-install-recommends tini\n');
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 23, endLine: 2, endColumn: 38 },
      { line: 3, column: 8, endLine: 3, endColumn: 19 },
    ]);
    expect(ds[0]!.message).toBe("apt-get install leaves apt's package lists (tens of MB) in this layer; end the same RUN with `rm -rf /var/lib/apt/lists/*`");
    expect(ds[0]!.severity).toBe('warning');
  });

  it('accepts rm -rf of the lists and cache mounts on /var/lib/apt', async () => {
    const text = [
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
      'RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends tini',
      'RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends jq',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('does not accept a cleanup in a later RUN', async () => {
    const ds = await lint('FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n');
    expect(ds.map((d) => d.span.line)).toEqual([2]);
  });

  it('checks only stages that ship: the runtime stages and what they are built from', async () => {
    const text = [
      'FROM debian:12 AS base',
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates',
      'FROM debian:12 AS builder',
      'RUN apt-get update && apt-get install -y --no-install-recommends gcc',
      'FROM base AS app',
      'COPY --from=builder /x /x',
      'FROM debian:12 AS unused',
      'RUN apt-get update && apt-get install -y --no-install-recommends make',
      '',
    ].join('\n');
    const compose = 'services:\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    build:\n      context: .\n      target: app\n';
    const ds = await lint(text, { 'compose.yaml': compose });
    expect(ds.map((d) => d.span.line)).toEqual([2]);
  });
});
