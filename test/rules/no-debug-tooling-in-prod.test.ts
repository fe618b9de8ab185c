import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-debug-tooling-in-prod.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (files: Record<string, string>, environment?: string) => lintFiles(files, { rules: [id], environment });

describe('no-debug-tooling-in-prod', () => {
  it('reports debug settings, debugger installs and starts', async () => {
    const dockerfile = [
      'FROM python:3.12-slim',
      'ENV PYTHONPATH=/app/src:/workspace FLASK_DEBUG=1 PYTHONBREAKPOINT=0',
      'RUN pip install --no-cache-dir -r requirements.txt debugpy',
      'CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "-m", "app"]',
      '',
    ].join('\n');
    const ds = await lint({ Dockerfile: dockerfile });
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 16, endLine: 2, endColumn: 35 },
      { line: 2, column: 48, endLine: 2, endColumn: 49 },
      { line: 3, column: 52, endLine: 3, endColumn: 59 },
      { line: 4, column: 6, endLine: 4, endColumn: 72 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'ENV PYTHONPATH=/app/src:/workspace imports code from source folders instead of installed packages; set it in Dockerfile.dev or a dev overlay, not in the production image',
      'ENV FLASK_DEBUG=1 turns on the Flask debugger, which runs code sent to it; set it in Dockerfile.dev or a dev overlay, not in the production image',
      'debugpy is installed in the production image; install debuggers in Dockerfile.dev or a dev stage only',
      'CMD starts a debugger in the production image; start the app itself and attach debuggers in development only',
    ]);
    expect(ds[0]!.severity).toBe('warning');
  });

  it('reads the effective ENV of the runtime stage: a later override wins', async () => {
    const dockerfile = 'FROM node:20-slim AS base\nENV NODE_ENV=development\nFROM base AS prod\nENV NODE_ENV=production\nCMD ["node", "server.js"]\nFROM base AS dev\nCMD node --inspect=0.0.0.0:9229 server.js\n';
    const compose = 'services:\n  web:\n    build: { context: ., target: prod }\n';
    expect(await lint({ Dockerfile: dockerfile, 'compose.yaml': compose })).toEqual([]);
    const ds = await lint({ Dockerfile: dockerfile });
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 14, endLine: 2, endColumn: 25 },
      { line: 7, column: 5, endLine: 7, endColumn: 42 },
    ]);
  });

  it('leaves Dockerfile.dev and other environments alone', async () => {
    const files = { 'Dockerfile.dev': 'FROM python:3.12-slim\nRUN pip install debugpy\n' };
    expect(await lint(files)).toEqual([]);
    expect(await lint(files, 'prod')).toHaveLength(1);
  });
});
