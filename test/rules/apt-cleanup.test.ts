import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/apt-cleanup.js';
import { fixFiles, fixWithRule } from '../helpers/fix-files.js';
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

describe('fix', () => {
  const fix = (dockerfile: string, unsafe = false) => fixWithRule(id, { Dockerfile: dockerfile }, unsafe);

  it('appends the cleanup to a one-line RUN', async () => {
    const r = await fix('FROM debian:bookworm-slim\n# tools\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n');
    expect(r.files.Dockerfile).toBe('FROM debian:bookworm-slim\n# tools\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('adds a continuation line in the leading-operator style, comment lines kept', async () => {
    const r = await fix(
      'FROM debian:bookworm-slim\nRUN apt-get update \\\n    # tini reaps zombies\n    && apt-get install -y --no-install-recommends tini \\\n    && apt-get clean\nUSER 1000\n',
    );
    expect(r.files.Dockerfile).toBe(
      'FROM debian:bookworm-slim\nRUN apt-get update \\\n    # tini reaps zombies\n    && apt-get install -y --no-install-recommends tini \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*\nUSER 1000\n',
    );
  });

  it('adds a continuation line in the trailing-operator style, with the file\'s CRLF', async () => {
    const r = await fix('FROM debian:bookworm-slim\r\nRUN apt-get update && \\\r\n  apt-get install -y --no-install-recommends curl\r\n');
    expect(r.files.Dockerfile).toBe('FROM debian:bookworm-slim\r\nRUN apt-get update && \\\r\n  apt-get install -y --no-install-recommends curl && \\\r\n  rm -rf /var/lib/apt/lists/*\r\n');
  });

  it('uses the escape directive for continuations', async () => {
    const r = await fix('# escape=`\nFROM debian:bookworm-slim\nRUN apt-get update `\n && apt-get install -y --no-install-recommends curl\n');
    expect(r.files.Dockerfile).toBe('# escape=`\nFROM debian:bookworm-slim\nRUN apt-get update `\n && apt-get install -y --no-install-recommends curl `\n && rm -rf /var/lib/apt/lists/*\n');
  });

  it('ends a heredoc body with the cleanup, indented like its lines', async () => {
    const r = await fix('FROM debian:bookworm-slim\nRUN <<EOF\n  set -e\n  apt-get update\n  apt-get install -y --no-install-recommends curl\nEOF\n# done\n');
    expect(r.files.Dockerfile).toBe('FROM debian:bookworm-slim\nRUN <<EOF\n  set -e\n  apt-get update\n  apt-get install -y --no-install-recommends curl\n  rm -rf /var/lib/apt/lists/*\nEOF\n# done\n');
  });

  it('follows a trailing semicolon without another operator', async () => {
    const r = await fix('FROM debian:bookworm-slim\nRUN apt-get update; apt-get install -y --no-install-recommends curl;\n');
    expect(r.files.Dockerfile).toBe('FROM debian:bookworm-slim\nRUN apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*\n');
  });

  it('offers no fix when the last line ends in a shell comment or an operator', async () => {
    for (const run of ['RUN apt-get update && apt-get install -y --no-install-recommends curl # tools', 'RUN apt-get update && apt-get install -y --no-install-recommends curl &']) {
      const [d] = await lint(`FROM debian:bookworm-slim\n${run}\n`);
      expect(d!.fix).toBeUndefined();
    }
  });

  it('is unsafe when a later RUN installs from the lists without updating them', async () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\n';
    const [d] = await lint(text);
    expect(d!.fix!.safe).toBe(false);
    expect((await fixFiles({ Dockerfile: text }, { rules: [id] })).files.Dockerfile).toBe(text);
  });
});
