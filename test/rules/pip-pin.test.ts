import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/pip-pin.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id], config: { extends: 'strict' } });

describe('pip-pin', () => {
  it('is opt-in', async () => {
    expect(rule.meta.recommended).toBe(false);
    expect(await lintFiles({ Dockerfile: 'FROM python:3.12-slim\nRUN pip install fastapi\n' }, { rules: [id] })).toEqual([]);
  });

  it('reports pip, python -m pip and uv pip installs with packages without a version', async () => {
    const text = [
      'FROM python:3.12-slim',
      'RUN pip install --no-cache-dir fastapi "uvicorn>=0.30" git+https://github.com/org/kit.git',
      'RUN python3 -m pip install -U pip && uv pip install --system httpx',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 16 },
      { line: 3, column: 5, endLine: 3, endColumn: 27 },
      { line: 3, column: 38, endLine: 3, endColumn: 52 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'pip install takes the newest release of fastapi, git+https://github.com/org/kit.git; give each a version (fastapi==<version>) or install from a requirements file',
      'python3 -m pip install takes the newest release of pip; give each a version (pip==<version>) or install from a requirements file',
      'uv pip install takes the newest release of httpx; give each a version (httpx==<version>) or install from a requirements file',
    ]);
  });

  it('accepts requirements and constraints files, local paths, editable and versioned VCS installs', async () => {
    const text = [
      'FROM python:3.12-slim',
      'RUN pip install -r requirements.txt fastapi && pip install -c constraints.txt httpx',
      'RUN pip install . && pip install ./plugins/pdf /wheels/x-1.0-py3-none-any.whl dist/app.tar.gz',
      'RUN pip install -e git+https://github.com/org/kit.git git+https://github.com/org/kit.git@v1.2 "torch~=2.5"',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
