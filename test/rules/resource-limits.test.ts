import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/resource-limits.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string, options?: Record<string, unknown>) =>
  lintFiles({ 'compose.yaml': compose }, { rules: [id], ...(options && { options: { [id]: options } }) });

describe('resource-limits', () => {
  it('reports a missing memory limit at the service key, or at limits when it has other limits (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: acme/api:1\n  worker:\n    image: acme/worker:1\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 3, endLine: 2, endColumn: 6 },
      { line: 8, column: 9, endLine: 8, endColumn: 15 },
    ]);
    expect(ds[0]!.message).toBe('api has no memory limit, so a leak or a large batch can starve every other service on the host; set deploy.resources.limits.memory');
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('accepts mem_limit and deploy.resources.limits.memory', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    mem_limit: 1g\n  b:\n    image: acme/b:1\n    deploy: { resources: { limits: { memory: 2G } } }\n';
    expect(await lint(compose)).toEqual([]);
  });

  it('with requireCpu, reports a missing CPU limit in the same finding', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n  b:\n    image: acme/b:1\n    mem_limit: 1g\n  c:\n    image: acme/c:1\n    mem_limit: 1g\n    cpus: 1.5\n';
    const ds = await lint(compose, { requireCpu: true });
    expect(ds.map((d) => d.message)).toEqual([
      'a has no memory or CPU limit, so a leak or a large batch can starve every other service on the host; set deploy.resources.limits.memory and deploy.resources.limits.cpus',
      'b has no CPU limit, so a leak or a large batch can starve every other service on the host; set deploy.resources.limits.cpus',
    ]);
  });

  it('reports a GPU image without a GPU at the image, with the way to pass its vendor in', async () => {
    const compose = [
      'services:',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '    mem_limit: 16g',
      '  rocm:',
      '    image: ollama/ollama:0.5.7-rocm',
      '    mem_limit: 16g',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.13.0-gpu-nvidia',
      '    mem_limit: 8g',
      '',
    ].join('\n');
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 3, column: 12, endLine: 3, endColumn: 31 },
      { line: 6, column: 12, endLine: 6, endColumn: 36 },
      { line: 9, column: 12, endLine: 9, endColumn: 44 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      "ollama runs ollama's NVIDIA GPU image without a GPU, so it falls back to the CPU without saying so; add deploy.resources.reservations.devices [{driver: nvidia, count: 1, capabilities: [gpu]}] (or gpus: all)",
      "rocm runs ollama's AMD GPU image without a GPU, so it falls back to the CPU without saying so; pass /dev/kfd and /dev/dri under devices",
      "qdrant runs qdrant's NVIDIA GPU image without a GPU, so it falls back to the CPU without saying so; add deploy.resources.reservations.devices [{driver: nvidia, count: 1, capabilities: [gpu]}] (or gpus: all), or use its CPU tag",
    ]);
  });

  it('accepts GPU reservations, gpus:, device nodes and CDI names; CPU tags need none', async () => {
    const compose = [
      'services:',
      '  a:',
      '    image: ollama/ollama:0.5.7',
      '    mem_limit: 16g',
      '    deploy:',
      '      resources:',
      '        reservations:',
      '          devices: [{ driver: nvidia, count: all, capabilities: [gpu] }]',
      '  b:',
      '    image: ollama/ollama:0.5.7',
      '    mem_limit: 16g',
      '    gpus: all',
      '  c:',
      '    image: ollama/ollama:0.5.7-rocm',
      '    mem_limit: 16g',
      '    devices: [/dev/kfd, /dev/dri]',
      '  d:',
      '    image: ollama/ollama:0.5.7',
      '    mem_limit: 16g',
      '    devices: ["nvidia.com/gpu=all"]',
      '  e:',
      '    image: qdrant/qdrant:v1.13.0',
      '    mem_limit: 8g',
      '',
    ].join('\n');
    expect(await lint(compose)).toEqual([]);
  });

  it('follows a built image to its GPU base and reports at the service key', async () => {
    const files = {
      'compose.yaml': 'services:\n  llm:\n    build: .\n    mem_limit: 16g\n',
      Dockerfile: 'FROM ollama/ollama:0.5.7\nCOPY Modelfile /Modelfile\n',
    };
    const ds = await lintFiles(files, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 2, column: 3, endLine: 2, endColumn: 6 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: ollama/ollama:0.5.7\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
  });
});
