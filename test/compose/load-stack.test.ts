import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCache } from '../../src/compose/file-cache.js';
import { loadStack, loadTree } from '../../src/compose/load-stack.js';
import { at, toJS, type YScalar } from '../../src/compose/ynode.js';
import type { StackPlan } from '../../src/discover/types.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ragcheck-load-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const plan = (dir: string, files: string[], envFiles: string[] = []): StackPlan => ({
  name: files[0]!,
  environment: 'prod',
  files: files.map((f) => path.join(dir, f)),
  envFiles: envFiles.map((f) => path.join(dir, f)),
  projectDir: dir,
});

describe('loadStack', () => {
  it('loads, interpolates from .env only, merges and builds the model', async () => {
    const dir = project({
      '.env': 'TAG=1.4\n',
      'compose.yaml': 'services:\n  api:\n    image: "acme/api:${TAG}"\n    user: "${HOME:-nobody}"\n',
      'compose.prod.yaml': 'services:\n  api:\n    restart: always\n    ports: ["8080:80"]\n',
    });
    const loaded = await loadStack(plan(dir, ['compose.yaml', 'compose.prod.yaml']), { cwd: dir, files: new FileCache(dir) });
    expect(loaded.diagnostics).toEqual([]);
    const stack = loaded.stack!;
    expect(stack.files).toEqual(['compose.yaml', 'compose.prod.yaml']);
    expect(stack.env).toEqual({ TAG: '1.4' });
    expect(stack.services[0]!.image?.text).toBe('acme/api:1.4');
    // HOME is set in the process, but lint results must not depend on the machine.
    expect(stack.services[0]!.user?.value).toBe('nobody');
    expect((at(stack.root, 'services', 'api', 'restart') as YScalar).span).toMatchObject({ file: 'compose.prod.yaml', line: 3, column: 14 });
    expect(loaded.sources.map((s) => s.path).sort()).toEqual(['.env', 'compose.prod.yaml', 'compose.yaml']);
  });

  it('says nothing of a missing required variable the stack documents in .env.example', async () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}\n      USER: ${DB_USER:?set it}\n';
    const dir = project({ 'compose.yaml': compose, '.env.example': '# the database password\nDB_PASSWORD=\n' });
    const loaded = await loadStack(plan(dir, ['compose.yaml']), { cwd: dir, files: new FileCache(dir) });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'Required variable DB_USER is missing a value: set it in services.db.environment.USER; Compose refuses to start unless the environment sets it',
    ]);
  });

  it('uses --env-file files in order instead of .env', async () => {
    const dir = project({
      '.env': 'TAG=from-dotenv\n',
      'a.env': 'TAG=a\nOTHER=a\n',
      'b.env': 'TAG=b\n',
      'compose.yaml': 'services:\n  api:\n    image: "acme/api:${TAG}-${OTHER}"\n',
    });
    const tree = await loadTree(plan(dir, ['compose.yaml'], ['a.env', 'b.env']), { cwd: dir, files: new FileCache(dir) });
    expect(toJS(at(tree.root, 'services', 'api', 'image'))).toBe('acme/api:b-a');
  });

  it('warns of a missing required variable where it is used (the deploy environment may set it)', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}\n' });
    const loaded = await loadStack(plan(dir, ['compose.yaml']), { cwd: dir, files: new FileCache(dir) });
    expect(loaded.stack).toBeDefined();
    expect(loaded.diagnostics).toEqual([
      {
        ruleId: 'compose-schema',
        severity: 'warning',
        message: 'Required variable DB_PASSWORD is missing a value: set it in services.db.environment.POSTGRES_PASSWORD; Compose refuses to start unless the environment sets it',
        span: expect.objectContaining({ file: 'compose.yaml', line: 5, column: 26, endLine: 5, endColumn: 48 }),
      },
    ]);
  });

  it('loads the stack from the other files when an overlay cannot be read or parsed', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1.0\n',
      'broken.yaml': 'services:\n  api: [\n',
    });
    const loaded = await loadStack(plan(dir, ['compose.yaml', 'broken.yaml', 'missing.yaml']), { cwd: dir, files: new FileCache(dir) });
    expect(loaded.stack?.services.map((s) => s.name)).toEqual(['api']);
    expect(loaded.diagnostics.map((d) => [d.ruleId, d.span.file, d.span.line])).toEqual([
      ['parse-error', 'broken.yaml', expect.any(Number)],
      ['parse-error', 'missing.yaml', 1],
    ]);
    expect(loaded.diagnostics[1]!.message).toBe('Cannot read file: File not found');
  });

  it('has no stack when the first file fails, and reports a directory given as a file', async () => {
    const dir = project({ 'sub/x.txt': '' });
    const loaded = await loadStack(plan(dir, ['sub']), { cwd: dir, files: new FileCache(dir) });
    expect(loaded.stack).toBeUndefined();
    expect(loaded.diagnostics).toMatchObject([{ ruleId: 'parse-error', severity: 'error', span: { file: 'sub', line: 1, column: 1 } }]);
  });

  it('reports schema problems, extends cycles and include conflicts as compose-schema', async () => {
    const dir = project({
      'compose.yaml': [
        'include:',
        '  - other/compose.yaml',
        'services:',
        '  api:',
        '    image: acme/api:1.0',
        '    extends: worker',
        '  worker:',
        '    extends: api',
        '  cache:',
        '    image: valkey/valkey:8',
        '',
      ].join('\n'),
      'other/compose.yaml': 'services:\n  cache:\n    image: redis:7\n',
    });
    const loaded = await loadStack(plan(dir, ['compose.yaml']), { cwd: dir, files: new FileCache(dir) });
    const msgs = loaded.diagnostics.map((d) => `${d.ruleId} ${d.span.file}:${d.span.line}:${d.span.column} ${d.message}`);
    expect(msgs).toContain('compose-schema compose.yaml:8:5 Circular extends: api -> worker -> api');
    expect(msgs).toContain('compose-schema compose.yaml:9:3 services.cache conflicts with a resource of the same name in an included file');
  });

  it('reads each file once across stacks', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  a:\n    image: x:1\n' });
    const cache = new FileCache(dir);
    const a = await cache.parse(path.join(dir, 'compose.yaml'));
    const b = await cache.parse('compose.yaml');
    expect(a).toBe(b);
  });
});
