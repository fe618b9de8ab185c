import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/pip-no-cache.js';
import { fixWithRule } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('pip-no-cache', () => {
  it('reports pip, python -m pip and uv pip installs that keep their cache', async () => {
    const ds = await lint('FROM python:3.12-slim\nRUN pip install -r requirements.txt && python3 -m pip install .\nRUN uv pip install --system -r requirements.txt\n');
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 16 },
      { line: 2, column: 40, endLine: 2, endColumn: 62 },
      { line: 3, column: 5, endLine: 3, endColumn: 19 },
    ]);
    expect(ds[0]!.message).toBe('pip install keeps its download cache in the layer; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or use a cache mount)');
    expect(ds[2]!.message).toBe('uv pip install keeps its download cache in the layer; add --no-cache (or set UV_NO_CACHE=1, or use a cache mount)');
  });

  it('offers a safe fix that inserts the option', async () => {
    const text = 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n';
    const [d] = await lint(text);
    const e = d!.fix!.edits[0]!;
    expect(d!.fix!.safe).toBe(true);
    expect(text.slice(0, e.start) + e.text + text.slice(e.end)).toBe('FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n');
  });

  it('accepts options, ENV set before (also in a base stage), cache mounts and cleanups', async () => {
    const text = [
      'FROM python:3.12-slim AS base',
      'ENV PIP_NO_CACHE_DIR=1 UV_NO_CACHE=1',
      'FROM base',
      'RUN pip install -r a.txt && uv pip install --system -r a.txt',
      'RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir -r a.txt',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
    const more = [
      'FROM python:3.12-slim',
      'RUN --mount=type=cache,target=/root/.cache/pip pip install -r a.txt',
      'RUN pip install -r a.txt && pip cache purge',
      'RUN uv pip install -n --system -r a.txt',
      '',
    ].join('\n');
    expect(await lint(more)).toEqual([]);
  });

  it('does not count an ENV set after the install, or UV_NO_CACHE set to a false value', async () => {
    const ds = await lint('FROM python:3.12-slim\nRUN pip install -r a.txt\nENV PIP_NO_CACHE_DIR=1\n');
    expect(ds.map((d) => d.span.line)).toEqual([2]);
    const off = await lint('FROM python:3.12-slim\nENV UV_NO_CACHE=false PIP_NO_CACHE_DIR=off\nRUN uv pip install --system -r a.txt && pip install -r a.txt\n');
    expect(off.map((d) => d.message.split(' keeps')[0])).toEqual(['uv pip install']);
  });
});

describe('fix', () => {
  const fix = (files: Record<string, string>, unsafe = false) => fixWithRule(id, files, unsafe);

  it('adds --no-cache-dir to pip and --no-cache to uv pip, comments kept', async () => {
    const r = await fix({ Dockerfile: 'FROM python:3.12-slim\n# deps\nRUN pip install -r requirements.txt \\\n    # the tool\n    && python3 -m pip install . \\\n    && uv pip install --system -r requirements.txt\n' });
    expect(r.files.Dockerfile).toBe('FROM python:3.12-slim\n# deps\nRUN pip install --no-cache-dir -r requirements.txt \\\n    # the tool\n    && python3 -m pip install --no-cache-dir . \\\n    && uv pip install --no-cache --system -r requirements.txt\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
