import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateImage, type ImageEstimate } from '../../src/budget/estimate.js';
import { parseDockerfile } from '../../src/dockerfile/index.js';
import { packageSize } from '../../src/images/package-sizes.js';
import { packageRoot } from '../../src/package-root.js';
import { SourceFile } from '../../src/source/source-file.js';

const GB = 1e9;
const MB = 1e6;

function estimate(text: string, stage?: string): ImageEstimate {
  const model = parseDockerfile(new SourceFile('Dockerfile', text));
  return estimateImage(model, stage ? model.stages.find((s) => s.name === stage)! : model.stages.at(-1)!);
}

const fixture = (name: string) => readFileSync(join(packageRoot, 'fixtures/layer-budget', name, 'Dockerfile'), 'utf8');
const layerAt = (e: ImageEstimate, line: number) => e.layers.find((l) => l.instruction.span.line === line)!;
const labels = (e: ImageEstimate, line: number) => layerAt(e, line).parts.map((p) => p.label);

/**
 * The wheels `pip install torch==2.4.0` downloads on linux/amd64, in MB as PyPI lists them
 * (https://pypi.org/project/<name>/<version>/#files). Checked against pip's download log of the
 * same install (its "(NNN MB)" sizes, decimal like PyPI's): every nvidia-* wheel is py3-none, one
 * file for all Pythons; torch and triton as logged for the CPython 3.10 wheels, the 3.11 ones
 * being the same size to within rounding.
 */
const TORCH_240_WHEELS: Record<string, number> = {
  torch: 797.2, // torch-2.4.0-cp311-cp311-manylinux1_x86_64.whl
  'nvidia-cudnn-cu12': 664.8, // 9.1.0.70
  'nvidia-cublas-cu12': 410.6, // 12.1.3.1
  'triton': 209.4, // 3.0.0
  'nvidia-cusparse-cu12': 196.0, // 12.1.0.106
  'nvidia-nccl-cu12': 176.2, // 2.20.5
  'nvidia-cusolver-cu12': 124.2, // 11.4.5.107
  'nvidia-cufft-cu12': 121.6, // 11.0.2.54
  'nvidia-curand-cu12': 56.5, // 10.3.2.106
  'nvidia-cuda-nvrtc-cu12': 23.7, // 12.1.105
  'nvidia-nvjitlink-cu12': 19.7, // 12.6.20 (unpinned)
  'nvidia-cuda-cupti-cu12': 14.1, // 12.1.105
  sympy: 6.2, // 1.13.1
  networkx: 1.7, // 3.3
  'nvidia-cuda-runtime-cu12': 0.82, // 12.1.105
  mpmath: 0.5, // 1.3.0
  jinja2: 0.1, // 3.1.4
  'nvidia-nvtx-cu12': 0.1, // 12.1.105
};

describe('estimateImage', () => {
  it('counts torch with the nvidia-* wheels it pulls, within the stated error of the real wheel sizes', () => {
    const e = estimate('FROM python:3.11-slim\nRUN pip wheel --no-cache-dir -w /wheels torch==2.4.0\n');
    const layer = layerAt(e, 2);
    const real = Object.values(TORCH_240_WHEELS).reduce((n, mb) => n + mb * MB, 0);
    expect(Math.abs(layer.bytes - real)).toBeLessThanOrEqual(layer.error);
    expect(layer.parts.map((p) => p.label.replace(/ \d.*$/, '').replace(/ wheel$/, ''))).toEqual(expect.arrayContaining(['torch', 'nvidia-cudnn-cu12', 'nvidia-cublas-cu12', 'nvidia-cusparse-cu12', 'nvidia-nccl-cu12', 'triton']));
    expect(layer.parts).toHaveLength(Object.keys(TORCH_240_WHEELS).length);
  });

  it('estimates the seeds\' backend pip layer (7.13 GB measured) within its stated error', () => {
    const e = estimate(fixture('bad'));
    const layer = layerAt(e, 7);
    expect(Math.abs(layer.bytes - 7.13 * GB)).toBeLessThanOrEqual(layer.error);
    expect(layer.parts[0]!.label).toBe('torch 2.4 (CUDA)');
    expect(labels(e, 7)).toContain('nvidia-cudnn-cu12 9.1');
    expect(layer.uncounted).toEqual(['requirements.txt']);
    expect(e.base).toEqual({ label: 'python:3.11-slim', bytes: 130 * MB, margin: 0.2 });
    expect(Math.abs(e.bytes - 7.27 * GB)).toBeLessThanOrEqual(e.error);
  });

  it('takes the CPU build from the CPU index, a +cpu version or --torch-backend', () => {
    for (const run of [
      'pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch==2.4.0',
      'pip install --no-cache-dir torch==2.4.0+cpu',
      'uv pip install --system --no-cache --torch-backend=cpu torch',
    ]) {
      const e = estimate(`FROM python:3.11-slim\nRUN ${run}\n`);
      expect(labels(e, 2), run).toContain('torch 2.4 (CPU)');
      expect(labels(e, 2).some((l) => l.startsWith('nvidia-')), run).toBe(false);
    }
    const env = estimate('FROM python:3.11-slim\nENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir sentence-transformers\n');
    expect(labels(env, 3)).toContain('torch 2.4 (CPU)');
  });

  it('follows pulls: sentence-transformers brings torch (CUDA), transformers, scipy', () => {
    const e = estimate('FROM python:3.11-slim\nRUN pip install --no-cache-dir sentence-transformers\n');
    expect(labels(e, 2)).toEqual(expect.arrayContaining(['sentence-transformers 3.0', 'torch 2.4 (CUDA)', 'transformers 4.44', 'scipy 1.14', 'nvidia-cudnn-cu12 9.1']));
  });

  it('counts a package once along the chain, and not with --no-deps', () => {
    const e = estimate('FROM python:3.11-slim AS base\nRUN pip install --no-cache-dir numpy\nFROM base\nRUN pip install --no-cache-dir scipy pandas\nRUN pip install --no-cache-dir --no-deps scikit-learn\n');
    expect(labels(e, 2)).toEqual(['numpy 1.26']);
    expect(labels(e, 4)).not.toContain('numpy 1.26');
    expect(labels(e, 5)).toEqual(['scikit-learn 1.5']);
  });

  it('adds the pip cache when pip keeps it, and apt lists left by apt-get update', () => {
    const kept = estimate('FROM python:3.11-slim\nRUN pip install numpy\n');
    expect(labels(kept, 2)).toEqual(['numpy 1.26', 'pip cache']);
    expect(layerAt(kept, 2).parts[1]!.bytes).toBe(18.2 * MB);
    for (const clean of ['pip install --no-cache-dir numpy', 'pip install numpy && pip cache purge', 'PIP_NO_CACHE_DIR=1 pip install numpy']) {
      expect(labels(estimate(`FROM python:3.11-slim\nENV PIP_NO_CACHE_DIR=1\nRUN ${clean}\n`), 3), clean).toEqual(['numpy 1.26']);
    }
    const mounted = estimate('FROM python:3.11-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install numpy\n');
    expect(labels(mounted, 2)).toEqual(['numpy 1.26']);
    const apt = estimate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n');
    expect(labels(apt, 2)).toEqual(['build-essential', 'apt lists']);
    expect(estimate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y texlive-full && rm -rf /var/lib/apt/lists/*\n').layers[0]!.parts.map((p) => p.label)).toEqual(['texlive-full']);
  });

  it('counts playwright browsers, apk and npm heavyweights', () => {
    expect(labels(estimate('FROM python:3.11\nRUN playwright install --with-deps chromium\n'), 2)).toEqual(['playwright chromium', 'playwright system deps']);
    expect(labels(estimate('FROM node:22\nRUN npx playwright install\n'), 2)).toEqual(['playwright chromium', 'playwright webkit', 'playwright firefox', 'playwright ffmpeg']);
    expect(labels(estimate('FROM alpine:3.20\nRUN apk add --no-cache build-base chromium\n'), 2)).toEqual(['chromium', 'build-base']);
    expect(labels(estimate('FROM node:22-slim\nRUN npm install puppeteer\n'), 2)).toEqual(['puppeteer 23.2']);
  });

  it('sizes COPY --from of wheels a builder wrote, and of a virtualenv or prefix', () => {
    const e = estimate(fixture('bad-wheels'));
    const copy = layerAt(e, 9);
    expect(copy.parts[0]!.label).toBe('torch 2.4 (CUDA) wheel');
    expect(copy.bytes).toBeGreaterThan(2.5 * GB);
    const venv = estimate('FROM python:3.11-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir pandas\nFROM python:3.11-slim\nCOPY --from=build /opt/venv /opt/venv\n');
    expect(labels(venv, 4)).toEqual(expect.arrayContaining(['pandas 2.2', 'numpy 1.26']));
    const prefix = estimate('FROM python:3.11-slim AS build\nRUN pip install --no-cache-dir --prefix=/install scipy\nFROM python:3.11-slim\nCOPY --from=build /install /usr/local\nCOPY --from=build /etc/passwd /etc/passwd\n');
    expect(labels(prefix, 4)).toEqual(['scipy 1.14', 'numpy 1.26']);
    expect(labels(prefix, 5)).toEqual([]);
  });

  it('takes the base size from the tag\'s variant, and none for an unknown base', () => {
    expect(estimate('FROM python:3.12-alpine\n').base?.bytes).toBe(55 * MB);
    expect(estimate('FROM python:3.12\n').base?.bytes).toBe(1020 * MB);
    expect(estimate('FROM scratch\n').base?.bytes).toBe(0);
    expect(estimate('FROM example.com/mine:1\n').base).toBeUndefined();
    expect(packageSize('pip', 'Sentence_Transformers')?.name).toBe('sentence-transformers');
  });
});
