import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-credentials-in-urls.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('no-credentials-in-urls', () => {
  it('reports the user info of URLs in ARG, RUN (across continuations), ADD and ENV', async () => {
    const text = [
      'ARG REPO=https://oauth2:glpat-abcdefghijklmnopqrst@gitlab.com/acme/x.git',
      'FROM python:3.12-slim',
      'RUN git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/acme/lib.git && \\',
      '    pip install --index-url https://user:s3cret@pypi.acme.dev/simple lib',
      'ADD https://user:pw@files.acme.dev/a.tgz /tmp/',
      'ENV DATABASE_URL=postgres://app:app@db:5432/app',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 1, column: 18, endLine: 1, endColumn: 51 },
      { line: 3, column: 23, endLine: 3, endColumn: 57 },
      { line: 4, column: 37, endLine: 4, endColumn: 48 },
      { line: 5, column: 13, endLine: 5, endColumn: 20 },
      { line: 6, column: 29, endLine: 6, endColumn: 36 },
    ]);
    expect(ds[1]!.message).toBe('RUN puts credentials in a URL for github.com, which the Dockerfile and the image history keep; use RUN --mount=type=secret (or --mount=type=ssh for git) instead');
    expect(ds.map((d) => d.message).join('\n')).not.toContain('s3cret');
  });

  it('reports inside a heredoc body', async () => {
    const ds = await lint('FROM alpine:3.20\nRUN <<EOF\nset -e\nwget -q https://bot:hunter22@files.acme.dev/model.bin\nEOF\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 17, endLine: 4, endColumn: 29 }]);
  });

  it('leaves user names, variables and secret mounts alone', async () => {
    const text = [
      'FROM python:3.12-slim',
      'ARG GIT_HOST=https://github.com',
      'RUN git clone ssh://git@github.com/acme/z.git',
      'RUN --mount=type=secret,id=gh,env=GITHUB_TOKEN git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/y.git',
      'RUN git clone https://$GH_USER:$GH_TOKEN@github.com/acme/w.git',
      'ENV MAIL=mailto:ops@acme.dev',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
