import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/layer-budget.js';
import { packageRoot } from '../../src/package-root.js';
import { ruleDocPath } from '../../src/cli/rules-command.js';
import { exampleProjects } from '../../src/docs/examples.js';
import { lintDir, lintFiles } from '../helpers/lint-fixture.js';

const id = rule.meta.id;

const lintWithBudgets = (files: Record<string, string>, rules = [id]) => lintFiles(files, { rules });
const lintBudgetDir = (dir: string, rules = [id]) => lintDir(dir, { rules });

const TORCH = ['FROM python:3.11-slim AS runtime', 'RUN pip install --no-cache-dir torch==2.4.0', 'CMD ["python", "app.py"]', ''].join('\n');
const COMPOSE = 'services:\n  api:\n    build: .\n  worker:\n    build: .\n';

describe('layer-budget', () => {
  it('reports nothing without budgets', async () => {
    expect(await lintWithBudgets({ Dockerfile: TORCH, 'compose.yaml': COMPOSE })).toEqual([]);
    expect(await lintWithBudgets({ Dockerfile: TORCH, '.ragcheck.yaml': 'budgets:\n  services.other: { layer: 1MB }\n', 'compose.yaml': COMPOSE })).toEqual([]);
  });

  it('reports a layer over the tightest budget of the services that build it, with its largest contributors', async () => {
    const ds = await lintWithBudgets({
      Dockerfile: TORCH,
      'compose.yaml': COMPOSE,
      '.ragcheck.yaml': 'budgets:\n  default: { layer: 5GB }\n  services.api: { layer: 2GB }\n  services.worker: { layer: 800MB }\n',
    });
    expect(ds.map((d) => [d.span.line, d.span.column, d.span.endLine, d.span.endColumn])).toEqual([[2, 1, 2, 44]]);
    expect(ds[0]!.message).toBe(
      'RUN adds ≈ 4.80 GB (estimate): torch 2.4 (CUDA) 1.55 GB, nvidia-cudnn-cu12 9.1 900 MB, nvidia-cublas-cu12 12.1 600 MB, triton 3.0 430 MB, …; over the 800 MB layer budget (budgets.services.worker)',
    );
  });

  it('reports an image over budget on the FROM line of the stage that runs, with the heaviest layers related', async () => {
    const ds = await lintWithBudgets({
      Dockerfile: ['FROM python:3.11-slim AS base', 'RUN pip install --no-cache-dir pandas', 'FROM base AS runtime', 'RUN pip install --no-cache-dir scipy', ''].join('\n'),
      '.ragcheck.yaml': 'budgets:\n  stages.runtime: { image: 300MB }\n',
    });
    expect(ds.map((d) => [d.span.line, d.message])).toEqual([
      [3, 'Image ≈ 387 MB (estimate): RUN line 2 142 MB, python:3.11-slim 130 MB, RUN line 4 115 MB; over the 300 MB image budget (budgets.stages.runtime)'],
    ]);
    expect(ds[0]!.related!.map((r) => r.line)).toEqual([2, 4]);
  });

  it('says what it could not count', async () => {
    const ds = await lintWithBudgets({
      Dockerfile: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir -r requirements.txt fastapi torch\n',
      '.ragcheck.yaml': 'budgets:\n  default: { layer: 1GB }\n',
    });
    expect(ds.map((d) => d.message)).toEqual([expect.stringContaining('… (not in the size table, not counted: fastapi, requirements.txt); over the 1.00 GB layer budget (budgets.default)')]);
  });

  it('flags both seeds before any build: the backend pip layer, and the kept wheels layer with copy-then-delete', async () => {
    const backend = await lintBudgetDir(join(packageRoot, 'fixtures/layer-budget/bad'));
    expect(backend.map((d) => d.message)).toEqual([
      expect.stringMatching(/^Image ≈ 6\.\d+ GB \(estimate\): RUN line 7 6\.\d+ GB, python:3\.11-slim 130 MB; over the 4\.00 GB image budget \(budgets\.default\)$/),
      expect.stringMatching(/^RUN adds ≈ 6\.\d+ GB \(estimate\): torch 2\.4 \(CUDA\) 1\.55 GB, .*over the 2\.00 GB layer budget \(budgets\.services\.backend\)$/),
    ]);
    const kb = await lintBudgetDir(join(packageRoot, 'fixtures/layer-budget/bad-wheels'), [id, 'copy-then-delete']);
    expect(kb.map((d) => `${d.span.line} ${d.ruleId}`)).toEqual(['9 copy-then-delete', '9 layer-budget', '11 layer-budget']);
    expect(kb[1]!.message).toMatch(/^COPY adds ≈ 2\.\d+ GB \(estimate\): torch 2\.4 \(CUDA\) wheel 797 MB, nvidia-cudnn-cu12 9\.1 wheel 665 MB/);
    expect(await lintBudgetDir(join(packageRoot, 'fixtures/layer-budget/good'))).toEqual([]);
  });

  it('is on by default and needs only budgets', async () => {
    expect(rule.meta.recommended).toBeUndefined();
    expect(await lintWithBudgets({ Dockerfile: TORCH })).toEqual([]);
    expect((await lintWithBudgets({ Dockerfile: TORCH, '.ragcheck.yaml': 'budgets:\n  default: { layer: 1MB }\n' })).map((d) => d.span.line)).toEqual([2]);
  });

  it('docs: the Example gives this finding and Use instead none, with their .ragcheck.yaml budgets', async () => {
    const { example, useInstead } = exampleProjects(readFileSync(ruleDocPath(id), 'utf8'));
    const strict = (files: Record<string, string>) => ({ ...files, '.ragcheck.yaml': `extends: strict\n${files['.ragcheck.yaml'] ?? ''}` });
    expect(example.length).toBeGreaterThan(0);
    for (const files of example) expect((await lintWithBudgets(strict(files))).map((d) => d.span.line)).toEqual([1, 4]);
    for (const files of useInstead) expect((await lintWithBudgets(strict(files))).map((d) => d.message)).toEqual([]);
  });
});
