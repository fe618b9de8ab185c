import { describe, expect, it } from 'vitest';
import { runCli, tempProjects } from '../helpers/cli.js';

const project = tempProjects();

/** The runtime stage is what compose builds; the last stage, a debug image, is not. */
const DOCKERFILE = [
  'FROM python:3.12-slim AS runtime',
  'USER 10001',
  'CMD ["python", "-m", "app"]',
  '',
  'FROM runtime AS debug',
  'USER root',
  'RUN pip install --no-cache-dir debugpy',
  '',
].join('\n');
const BUILDS_RUNTIME = 'services:\n  api:\n    build:\n      context: ./api\n      target: runtime\n';

async function findings(argv: string[], cwd: string): Promise<string[]> {
  const r = await runCli(['lint', '--format', 'json', ...argv], cwd);
  return JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`);
}

describe('a Dockerfile named on its own (as pre-commit passes changed files)', () => {
  it('is linted with the stack above it that builds it, as in a run over the whole folder', async () => {
    const dir = await project({ 'compose.yaml': BUILDS_RUNTIME, 'api/Dockerfile': DOCKERFILE, 'other/compose.yaml': 'services:\n  web:\n    image: nginx:latest\n' });
    const whole = (await findings([], dir)).filter((f) => !f.startsWith('other/'));
    expect(await findings(['api/Dockerfile'], dir)).toEqual(whole);
    // Judged by the stage compose runs, not the debug stage after it.
    expect(whole).not.toContain('api/Dockerfile:6 non-root-user');
    expect(whole).not.toContain('api/Dockerfile:7 no-debug-tooling-in-prod');
  });

  it('is linted on its own, by its last stage, when no stack above it builds it', async () => {
    const dir = await project({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27.2\n', 'api/Dockerfile': DOCKERFILE });
    const got = await findings(['api/Dockerfile'], dir);
    expect(got.every((f) => f.startsWith('api/Dockerfile:'))).toBe(true);
    expect(got).toContain('api/Dockerfile:6 non-root-user');
  });
});
