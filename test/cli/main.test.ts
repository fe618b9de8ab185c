import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { runCli, tempProjects } from '../helpers/cli.js';

const project = tempProjects();

const run = runCli;

/** What the prod policies ask of every long-running service. */
const RUN_POLICY = '    restart: unless-stopped\n    security_opt: [no-new-privileges:true]\n    logging:\n      options: { max-size: 10m }\n    deploy:\n      resources: { limits: { memory: 512m } }\n';
const VOLUME = RUN_POLICY + '    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n    volumes:\n      - redis-data:/data\nvolumes:\n  redis-data: {}\n';
const CLEAN = `services:\n  redis:\n    image: redis:7.4.1-alpine\n${VOLUME}`;
const PINNED_LATEST = `services:\n  redis:\n    image: redis:latest\n${VOLUME}`;

describe('ragcheck lint', () => {
  it('exits 0 on a clean stack and prints nothing', async () => {
    const r = await run(['lint'], await project({ 'compose.yaml': CLEAN }));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints the JSON contract and exits 1 on an error', async () => {
    const r = await run(['lint', '--format', 'json'], await project({ 'compose.yaml': PINNED_LATEST }));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      diagnostics: [
        {
          ruleId: 'pinned-image-tag',
          severity: 'error',
          message: 'redis runs redis:latest, and latest is a moving tag; pin an explicit version',
          file: 'compose.yaml',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 24,
          fixable: false,
        },
      ],
      summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
    });
  });

  it('reports files relative to the working folder with / separators', async () => {
    const dir = await project({ 'deploy/rag/compose.yaml': PINNED_LATEST });
    const r = await run(['lint', '--format', 'json', join(dir, 'deploy')], dir);
    expect(JSON.parse(r.stdout).diagnostics[0].file).toBe('deploy/rag/compose.yaml');
  });

  it('exits 1 only when warnings exceed --max-warnings', async () => {
    const dir = await project({ 'compose.yaml': `version: "3"\n${CLEAN}` });
    expect((await run(['lint'], dir)).code).toBe(0);
    expect((await run(['lint', '--max-warnings', '1'], dir)).code).toBe(0);
    const over = await run(['lint', '--max-warnings', '0'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings exceed --max-warnings 0');
  });

  it('lints the other files when one is malformed, binary or not a mapping', async () => {
    const dir = await project({
      'a/compose.yaml': 'services:\n  api:\n    image: [oops\n',
      'b/compose.yaml': PINNED_LATEST,
      'c/compose.yaml': Buffer.from([0x73, 0x3a, 0x00, 0x01]),
      'd/compose.yaml': '- a\n- b\n',
      'e/compose.yaml': 'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nservices: {}\n',
    });
    const r = await run(['lint', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; ruleId: string; line: number }) => `${d.file}:${d.line} ${d.ruleId}`);
    expect(found).toEqual(['a/compose.yaml:4 parse-error', 'b/compose.yaml:3 pinned-image-tag', 'c/compose.yaml:1 parse-error', 'd/compose.yaml:1 parse-error', 'e/compose.yaml:6 parse-error']);
  });

  it('reports a binary or broken Dockerfile at its position and still lints the rest', async () => {
    const dir = await project({
      'a/Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01]),
      'b/Dockerfile': 'RUN echo hi\n',
      'c/compose.yaml': PINNED_LATEST,
    });
    const r = await run(['lint', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; ruleId: string; line: number; message: string }) => `${d.file}:${d.line} ${d.ruleId}: ${d.message}`);
    expect(found).toEqual([
      'a/Dockerfile:1 parse-error: File is binary, not a Dockerfile',
      'b/Dockerfile:1 parse-error: RUN before the first FROM: only ARG may come before it',
      'b/Dockerfile:1 parse-error: No FROM instruction: there is nothing to build',
      'c/compose.yaml:3 pinned-image-tag: redis runs redis:latest, and latest is a moving tag; pin an explicit version',
    ]);
  });

  it('exits 2 with one clear line for bad usage, bad config and missing paths', async () => {
    const dir = await project({ 'compose.yaml': CLEAN, 'bad/.ragcheck.yaml': 'rules:\n  pinned-image-tag: [error, { require: sha }]\n' });
    const cases: [string[], RegExp][] = [
      [['lint', '--bogus'], /Unknown option '--bogus'/],
      [['lint', '--format', 'xml'], /unknown format "xml"/],
      [['lint', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['lint', 'no/such/path'], /no\/such\/path does not exist/],
      [['lint', '--config', 'bad/.ragcheck.yaml'], /^ragcheck: bad\/\.ragcheck\.yaml:2:/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('stylish output is plain without a terminal and coloured with FORCE_COLOR, unless NO_COLOR or --no-color', async () => {
    const dir = await project({ 'compose.yaml': PINNED_LATEST });
    const plain = await run(['lint'], dir);
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('3:12  error    redis runs redis:latest');
    expect((await run(['lint'], dir, { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await run(['lint'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await run(['lint', '--no-color'], dir, { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });

  it('forces an environment with --environment', async () => {
    const dir = await project({ 'compose.dev.yaml': `services:\n  api:\n    image: python:3.12.7\n    user: "10001"\n${RUN_POLICY}    healthcheck:\n      test: ["CMD", "python", "-V"]\n    volumes:\n      - .:/app\n` });
    expect((await run(['lint'], dir)).code).toBe(0);
    const r = await run(['lint', '-e', 'prod', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['no-source-bind-mount']);
  });
});

describe('the installed binary', () => {
  it('runs from bin/ragcheck.js against a bundled example', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(packageRoot, 'bin/ragcheck.js'), '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const r = await promisify(execFile)(process.execPath, [join(packageRoot, 'bin/ragcheck.js'), 'lint', '--format', 'json', 'fixtures/stacks/seed-004-rag-onprem'], { cwd: packageRoot }).catch((e: { code: number; stdout: string }) => e);
    expect((r as { code?: number }).code).toBe(1);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 4, errors: 10, warnings: 41 });
  });

  it('stops quietly when its reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [join(packageRoot, 'bin/ragcheck.js'), 'lint', 'fixtures'], { cwd: packageRoot });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect([0, 1, 141]).toContain(code);
  });
});
