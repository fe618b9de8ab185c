import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/package-sizes.schema.json' with { type: 'json' };
import data from '../../src/images/package-sizes.json' with { type: 'json' };
import { CACHE_SIZES, PACKAGE_SIZES, cacheSize, packageSize } from '../../src/images/package-sizes.js';

const validate = new Ajv({ allErrors: true }).compile(schema);

function problems(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('package-sizes.json', () => {
  it('matches schemas/package-sizes.schema.json', () => {
    expect(problems(data)).toEqual([]);
  });

  it('reports a bad entry with its path', () => {
    const bad = structuredClone(data) as { packages: Array<Record<string, unknown>> };
    delete bad.packages[0]!.source;
    bad.packages[1]!.margin = 2;
    bad.packages[2]!.size = '1GB';
    const found = problems(bad);
    expect(found).toContain("/packages/0 must have required property 'source'");
    expect(found).toContain('/packages/1/margin must be <= 1');
    expect(found).toContain('/packages/2 must NOT have additional properties');
  });

  it('has one entry per manager, name and build, and every pull names an entry of the same manager', () => {
    const keys = PACKAGE_SIZES.map((p) => `${p.manager}:${p.name}:${p.variant ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of PACKAGE_SIZES) for (const pull of p.pulls) expect(packageSize(p.manager, pull), `${p.name} pulls ${pull}`).toBeDefined();
  });

  it('keeps wheel downloads smaller than what they install, and every pip entry has one', () => {
    for (const p of PACKAGE_SIZES.filter((x) => x.manager === 'pip')) {
      expect(p.download, p.name).toBeDefined();
      expect(p.download!, p.name).toBeLessThanOrEqual(p.installed);
    }
  });

  it('tells torch\'s CUDA build (with the nvidia-* wheels) from its CPU build', () => {
    const cuda = packageSize('pip', 'torch')!;
    const cpu = packageSize('pip', 'torch', 'cpu')!;
    expect(cuda.variant).toBe('cuda');
    expect(cuda.label).toBe('torch 2.4 (CUDA)');
    expect(cuda.pulls).toEqual(expect.arrayContaining(['nvidia-cudnn-cu12', 'nvidia-cublas-cu12', 'nvidia-cusparse-cu12', 'nvidia-nccl-cu12', 'triton']));
    expect(cpu.pulls.some((p) => p.startsWith('nvidia-'))).toBe(false);
    expect(cpu.installed).toBeLessThan(cuda.installed);
    expect(packageSize('pip', 'TORCH', 'cpu')).toBe(cpu);
  });

  it('covers the heavyweights the estimate is for', () => {
    const pip = ['torch', 'tensorflow', 'onnxruntime', 'onnxruntime-gpu', 'opencv-python', 'opencv-python-headless', 'transformers', 'sentence-transformers', 'scipy', 'numpy', 'pandas', 'playwright'];
    for (const name of pip) expect(packageSize('pip', name), name).toBeDefined();
    for (const name of ['build-essential', 'texlive-full', 'libreoffice']) expect(packageSize('apt', name), name).toBeDefined();
    for (const name of ['build-base', 'chromium']) expect(packageSize('apk', name), name).toBeDefined();
    for (const name of ['puppeteer', 'electron']) expect(packageSize('npm', name), name).toBeDefined();
    for (const name of ['chromium', 'firefox', 'webkit']) expect(packageSize('playwright', name), name).toBeDefined();
    expect(CACHE_SIZES.map((c) => c.kind).sort()).toEqual(['apt-lists', 'pip', 'uv']);
    expect(cacheSize('apt-lists').bytes).toBe(45_000_000);
  });
});
