import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/cuda-in-cpu-image.js';
import { fixWithRule } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('cuda-in-cpu-image', () => {
  it('reports pip and uv installs of torch on a CPU base, at the package names (two findings)', async () => {
    const ds = await lint('FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.3.1 torchvision sentence-transformers\nRUN uv pip install --system torch\n');
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 32, endLine: 2, endColumn: 56 },
      { line: 3, column: 29, endLine: 3, endColumn: 34 },
    ]);
    expect(ds[0]!.message).toBe('pip install torch torchvision pulls the CUDA build and 2–4 GB of nvidia-* wheels onto python:3.12-slim, a base without CUDA; add --extra-index-url https://download.pytorch.org/whl/cpu');
    expect(ds[0]!.severity).toBe('warning');
  });

  it('offers an unsafe fix that adds the CPU index', async () => {
    const text = 'FROM python:3.12-slim\nRUN pip install torch\n';
    const [d] = await lint(text);
    const e = d!.fix!.edits[0]!;
    expect(d!.fix!.safe).toBe(false);
    expect(text.slice(0, e.start) + e.text + text.slice(e.end)).toBe('FROM python:3.12-slim\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu torch\n');
  });

  it('accepts a chosen build: CPU or CUDA index, +cpu version, index settings, uv torch backend', async () => {
    const text = [
      'FROM python:3.12-slim AS a',
      'RUN pip install torch --index-url https://download.pytorch.org/whl/cpu',
      'RUN pip install torch==2.3.1+cpu -f https://download.pytorch.org/whl/torch_stable.html',
      'RUN pip install --extra-index-url https://download.pytorch.org/whl/cu124 torch',
      'RUN uv pip install --system --torch-backend=cpu torch',
      'ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu',
      'RUN pip install torchaudio',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });

  it('leaves GPU bases alone: nvidia/cuda, pytorch/pytorch, CUDA tags, a GPU runtime stage', async () => {
    for (const base of ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'nvcr.io/nvidia/pytorch:24.10-py3', 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime', 'acme/base:py311-cuda12']) {
      expect(await lint(`FROM ${base}\nRUN pip install torch\n`), base).toEqual([]);
    }
    const venv = 'FROM python:3.11 AS build\nRUN pip install --target /deps torch\nFROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nCOPY --from=build /deps /deps\n';
    expect(await lint(venv)).toEqual([]);
  });

  it('checks a builder stage the runtime copies from, and not one it ignores', async () => {
    const text = 'FROM python:3.12 AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install torch\nFROM python:3.12 AS unused\nRUN pip install torch\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n';
    expect((await lint(text)).map(pos)).toEqual([{ line: 2, column: 59, endLine: 2, endColumn: 64 }]);
  });

  it('does not judge an unresolved base', async () => {
    expect(await lint('ARG BASE\nFROM ${BASE}\nRUN pip install torch\n')).toEqual([]);
  });
});

describe('fix', () => {
  const fix = (files: Record<string, string>, unsafe = true) => fixWithRule(id, files, unsafe);

  it('adds the CPU index after install, comment lines kept', async () => {
    const r = await fix({ Dockerfile: 'FROM python:3.11-slim\n# the model runs on CPU\nRUN pip install --no-cache-dir torch==2.5.1 \\\n    # and the rest\n && uv pip install --system --no-cache sentence-transformers torchvision\nUSER 1000\n' });
    expect(r.files.Dockerfile).toBe('FROM python:3.11-slim\n# the model runs on CPU\nRUN pip install --extra-index-url https://download.pytorch.org/whl/cpu --no-cache-dir torch==2.5.1 \\\n    # and the rest\n && uv pip install --extra-index-url https://download.pytorch.org/whl/cpu --system --no-cache sentence-transformers torchvision\nUSER 1000\n');
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
