import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACTION_BUNDLE, buildActionBundle } from '../../src/build/action-bundle.js';
import { packageRoot } from '../../src/package-root.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { CONFIG, HEAD_SHA, makeWorkspace, PR_FILES, TOKEN } from './workspace.js';

const run = promisify(execFile);

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub({ pulls: { 7: PR_FILES } });
});
afterAll(() => gh.stop());

it('the committed bundle is built from the current sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ragcheck-bundle-'));
  try {
    await buildActionBundle(join(dir, 'index.js'));
    const fresh = readFileSync(join(dir, 'index.js'), 'utf8');
    const committed = readFileSync(join(packageRoot, ACTION_BUNDLE), 'utf8');
    // toBe would print two 2 MB strings: say what to do instead.
    expect(committed === fresh, `${ACTION_BUNDLE} is stale: run \`npm run build:action\` and commit it`).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('action.yml runs the bundle on the current runtime with the inputs the action reads', () => {
  const action = parse(readFileSync(join(packageRoot, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
  expect(action.runs).toEqual({ using: 'node24', main: ACTION_BUNDLE });
  expect(Object.keys(action.inputs).sort()).toEqual(['config', 'environment', 'fail-on', 'filter', 'github-token', 'paths', 'reporter', 'sarif-file', 'suggest-fixes']);
  expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
  expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'sarif-file', 'warnings']);
});

it('runs from a fresh clone with no node_modules, as the runner starts it', async () => {
  // What a checkout of the action holds: no node_modules anywhere above it.
  const clone = mkdtempSync(join(tmpdir(), 'ragcheck-clone-'));
  mkdirSync(join(clone, 'dist', 'action'), { recursive: true });
  for (const f of ['action.yml', 'package.json', ACTION_BUNDLE]) copyFileSync(join(packageRoot, f), join(clone, f));
  // The config needs yaml and ajv; the `if` in `sh -c` needs the shell parser: all from the bundle.
  const compose = ['services:', '  db:', '    image: postgres:16.4', '    ports:', '      - "5432:5432"', '    command: sh -c "if [ -n \\"$$X\\" ]; then apt-get install -y curl; fi; exec postgres"', ''].join('\n');
  const ws = makeWorkspace({ apiUrl: gh.url, files: { 'compose.yaml': compose, '.ragcheck.yaml': CONFIG }, inputs: { reporter: 'check', filter: 'diff-context' } });
  const before = gh.requests.length;
  try {
    const env = { PATH: process.env.PATH ?? '', ...ws.env };
    const child = await run(process.execPath, [join(clone, ACTION_BUNDLE)], { cwd: ws.dir, env, timeout: 60_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(child.stderr).toBe('ragcheck: 2 problems (2 errors, 0 warnings, 0 infos) (fail-on: error)\n');
    expect(child.code).toBe(1);
    expect(child.stdout).toBe(`::add-mask::${TOKEN}\n`);
    const requests = gh.requests.slice(before);
    expect(requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /repos/acme/stack/pulls/7/files', 'POST /repos/acme/stack/check-runs', 'PATCH /repos/acme/stack/check-runs/1000']);
    expect(requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);
    expect(requests[1]!.body).toMatchObject({ head_sha: HEAD_SHA });
    const update = requests[2]!.body as { conclusion: string; output: { annotations: { title: string; start_line: number }[] } };
    expect(update.conclusion).toBe('failure');
    expect(update.output.annotations.map((a) => `${a.start_line}:${a.title}`)).toEqual(['5:internal-service-not-published', '6:no-runtime-install']);
    expect(ws.outputs()).toBe('errors=2\nwarnings=0\n');
    expect(ws.summary()).toContain('| ❌ error | [compose.yaml:6]');
  } finally {
    ws.cleanup();
    rmSync(clone, { recursive: true, force: true });
  }
}, 60_000);
