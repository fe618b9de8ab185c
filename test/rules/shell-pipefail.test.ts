import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/shell-pipefail.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('shell-pipefail', () => {
  it('reports the first pipeline of each RUN without pipefail, in every stage', async () => {
    const text = [
      'FROM debian:bookworm-slim AS fetch',
      'RUN curl -fsSL https://x.io/a.tgz | tar -xz && echo ok | tee /log',
      'FROM alpine:3.20',
      'RUN apk add --no-cache curl \\',
      '    && curl -fsSL https://x.io/i.sh 2>/dev/null \\',
      '    | sh',
      'RUN echo "$(cat /etc/os-release | head -1)"',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 44 },
      { line: 5, column: 8, endLine: 6, endColumn: 9 },
      { line: 7, column: 13, endLine: 7, endColumn: 42 },
    ]);
    expect(ds[0]!.message).toBe(
      'This pipe hides a failure of the command before it: the RUN succeeds if the last command does; add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it, or start the RUN with set -o pipefail && (bash, ash)',
    );
  });

  it('accepts a pipefail SHELL (inherited from the base stage) and set -o pipefail before the pipe', async () => {
    const text = [
      'FROM debian:bookworm-slim AS base',
      'SHELL ["/bin/bash", "-euo", "pipefail", "-c"]',
      'FROM base',
      'RUN curl -fsSL https://x.io/a.tgz | tar -xz',
      'FROM alpine:3.20',
      'RUN set -eo pipefail; wget -qO- https://x.io/i.sh | sh',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('reports a pipe before set -o pipefail, and a SHELL set after the RUN does not count', async () => {
    const ds = await lint('FROM alpine:3.20\nRUN wget -qO- x | sh && set -o pipefail\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\n');
    expect(ds.map((d) => d.span.line)).toEqual([2]);
  });

  it('ignores what is not a pipe, non-POSIX shells and non-shell heredoc scripts', async () => {
    const text = [
      'FROM alpine:3.20',
      'RUN test -f /x || exit 1',
      "RUN echo 'a | b' > /f && grep -E \"x|y\" /f",
      'RUN cat <<EOF > /etc/motd',
      'models | embeddings',
      'EOF',
      'RUN case "$TARGETARCH" in amd64|arm64) echo ok;; esac',
      "RUN sh -c 'ls | wc -l'",
      'RUN ["sh", "-c", "ls | wc -l"]',
      'RUN <<EOF',
      '#!/usr/bin/env python3',
      'print("a" | "b")',
      'EOF',
      'SHELL ["pwsh", "-Command"]',
      'RUN Get-ChildItem | Measure-Object',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('reports a pipe in a heredoc script run by the shell', async () => {
    const ds = await lint('FROM alpine:3.20\nRUN <<EOF\nset -e\nwget -qO- x | sh\nEOF\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 1, endLine: 4, endColumn: 17 }]);
  });
});
