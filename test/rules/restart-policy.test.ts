import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/restart-policy.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('restart-policy', () => {
  it('reports a missing policy at the service key and "no" at the value (two findings)', async () => {
    const ds = await lint('services:\n  api:\n    image: acme/api:1\n  qdrant:\n    image: qdrant/qdrant:v1.12.4\n    restart: "no"\n');
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 3, endLine: 2, endColumn: 6 },
      { line: 6, column: 14, endLine: 6, endColumn: 18 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'api has no restart policy, so it stays down after a crash or a host reboot; add restart: unless-stopped',
      'qdrant is never restarted (no), so it stays down after a crash or a host reboot; use restart: unless-stopped, or on-failure for a job that must end',
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('reads deploy.restart_policy: condition none is reported, a policy without condition means any', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    deploy:\n      restart_policy:\n        condition: none\n  b:\n    image: acme/b:1\n    deploy:\n      restart_policy:\n        max_attempts: 3\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([{ line: 6, column: 20, endLine: 6, endColumn: 24 }]);
    expect(ds[0]!.message).toContain('a is never restarted (none)');
  });

  it('accepts always, unless-stopped and on-failure[:n]', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    restart: always\n  b:\n    image: acme/b:1\n    restart: unless-stopped\n  c:\n    image: acme/c:1\n    restart: on-failure:5\n';
    expect(await lint(compose)).toEqual([]);
  });

  it('exempts one-shot jobs others await to complete, unless they restart forever', async () => {
    const compose = [
      'services:',
      '  migrate:',
      '    image: acme/api:1',
      '  pull:',
      '    image: ollama/ollama:0.5.7',
      '    restart: "no"',
      '  api:',
      '    image: acme/api:1',
      '    restart: unless-stopped',
      '    depends_on:',
      '      migrate: { condition: service_completed_successfully }',
      '      pull: { condition: service_completed_successfully }',
      '      cache: { condition: service_started }',
      '  cache:',
      '    image: redis:7.4',
      '',
    ].join('\n');
    expect((await lint(compose)).map(pos)).toEqual([{ line: 14, column: 3, endLine: 14, endColumn: 8 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: acme/a:1\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toHaveLength(1);
  });
});

describe('fix', () => {
  it('adds restart: unless-stopped, or replaces a policy that never restarts, keeping quotes and comments (unsafe)', async () => {
    const compose = [
      'services:',
      '  api: # the api',
      '    image: acme/api:1 # pinned',
      '',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4',
      '    restart: "no" # was a job',
      '  worker:',
      '    image: acme/worker:1',
      '    deploy:',
      '      restart_policy:',
      '        condition: none # never',
      '',
    ].join('\r\n');
    const safeOnly = await fixFiles({ 'compose.yaml': compose }, { rules: [rule.meta.id] });
    expect(safeOnly.outcome.changes).toEqual([]);
    const r = await fixFiles({ 'compose.yaml': compose }, { rules: [rule.meta.id], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  api: # the api',
      '    image: acme/api:1 # pinned',
      '    restart: unless-stopped',
      '',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4',
      '    restart: "unless-stopped" # was a job',
      '  worker:',
      '    image: acme/worker:1',
      '    deploy:',
      '      restart_policy:',
      '        condition: any # never',
      '',
    ].join('\r\n'));
    expect(r.remaining.filter((d) => d.ruleId === rule.meta.id)).toEqual([]);
    expect(r.second).toEqual([]);
  });
});
