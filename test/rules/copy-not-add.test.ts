import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/copy-not-add.js';
import { fixFiles, fixWithRule } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });
const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

describe('copy-not-add', () => {
  it('reports ADD of local files on the keyword, with a safe fix to COPY', async () => {
    const text = 'FROM python:3.12-slim\nADD --chown=1000 requirements.txt app/ /app/\n';
    const [d, ...rest] = await lint(text);
    expect(rest).toEqual([]);
    expect(pos(d!)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 4 });
    expect(d!.message).toBe("ADD requirements.txt app/ copies local files, which COPY does without ADD's URL fetching and archive unpacking; use COPY");
    expect(d!.fix!.safe).toBe(true);
    const fixed = apply(text, d!.fix!.edits[0]!);
    expect(fixed).toBe('FROM python:3.12-slim\nCOPY --chown=1000 requirements.txt app/ /app/\n');
    expect(await lint(fixed)).toEqual([]);
  });

  it('reports a URL without --checksum on the URL', async () => {
    const ds = await lint('FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n');
    expect(ds.map(pos)).toEqual([{ line: 2, column: 5, endLine: 2, endColumn: 36 }]);
    expect(ds[0]!.message).toBe(
      'ADD downloads https://example.com/tool.tar.gz without --checksum, so the build takes whatever the server returns; add --checksum=sha256:<digest>, or download and verify it in a RUN',
    );
    expect(ds[0]!.fix).toBeUndefined();
  });

  it('offers no fix when COPY would change what ADD does', async () => {
    const ds = await lint('FROM alpine:3.20\nADD vendor.tar.gz config.yaml /opt/\n');
    expect(ds.map((d) => [d.span.line, d.message.split(' copies')[0], d.fix])).toEqual([[2, 'ADD config.yaml', undefined]]);
  });

  it('accepts COPY, local archives, git sources, checksummed downloads and unknown variables', async () => {
    const text = [
      'FROM alpine:3.20',
      'COPY requirements.txt /app/',
      'ADD vendor/onnxruntime-1.20.tgz /opt/',
      'ADD https://github.com/chroma-core/chroma.git#1.0.0 /src/chroma',
      'ADD git@github.com:org/private.git /src/private',
      'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/t.json /m/',
      'ARG SRC',
      'ADD $SRC /x/',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});

describe('fix', () => {
  const fix = (files: Record<string, string>, unsafe = false) => fixWithRule(id, files, unsafe);

  it('replaces ADD of local files with COPY, options and comments kept, in the case written', async () => {
    const r = await fix({ Dockerfile: 'FROM python:3.12-slim\n# deps first\nADD --chown=1000:1000 requirements.txt .\nadd . /app\nADD app.tar.gz /opt/\n' });
    expect(r.files.Dockerfile).toBe('FROM python:3.12-slim\n# deps first\nCOPY --chown=1000:1000 requirements.txt .\ncopy . /app\nADD app.tar.gz /opt/\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });

  it('leaves ADD with an ADD-only option or a URL source', async () => {
    const text = 'FROM python:3.12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.txt local.txt /x/\n';
    expect((await fixFiles({ Dockerfile: text }, { rules: [id] })).files.Dockerfile).toBe(text);
  });
});
