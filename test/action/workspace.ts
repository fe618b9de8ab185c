import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FakePullFile } from '../helpers/fake-github.js';

export const TOKEN = 'ghs_testTOKEN0123456789abcdef';
export const FORK_TOKEN = 'ghs_forkTOKEN9876543210fedcba';
export const HEAD_SHA = 'a'.repeat(40);
export const MERGE_SHA = 'm'.repeat(40);

/**
 * compose.yaml: lines 4–5 are what the pull request adds (the published port, an error with a
 * fix), line 7 sits in the hunk's context (an unpinned image), line 10 is in the file but
 * outside the hunk, and other/compose.yaml is not in the pull request at all.
 */
export const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16.4',
  '    ports:',
  '      - "5432:5432"',
  '  cache:',
  '    image: redis:latest',
  '    user: "999"',
  '  web:',
  '    image: nginx',
  '    restart: always',
  '',
].join('\n');

export const COMPOSE_PATCH = [
  '@@ -1,5 +1,7 @@',
  ' services:',
  '   db:',
  '     image: postgres:16.4',
  '+    ports:',
  '+      - "5432:5432"',
  '   cache:',
  '     image: redis:latest',
].join('\n');

/** Rules that would fire on every service: off, so each line above has the findings the tests name. */
export const CONFIG = ['rules:', ...['healthcheck-required', 'log-rotation', 'no-new-privileges', 'resource-limits', 'restart-policy', 'named-volume-for-data'].map((r) => `  ${r}: off`), ''].join('\n');

export const PR_FILES: FakePullFile[] = [{ filename: 'compose.yaml', patch: COMPOSE_PATCH }];

export interface Workspace {
  root: string;
  dir: string;
  env: Record<string, string>;
  outputs(): string;
  summary(): string;
  cleanup(): void;
}

export interface WorkspaceOptions {
  files?: Record<string, string>;
  /** The event payload; a pull request unless `null` (a push). */
  pullRequest?: { number: number; fork?: boolean } | null;
  inputs?: Record<string, string>;
  apiUrl: string;
}

/** A checkout, an event payload and the runner's files, with the environment a runner gives the action. */
export function makeWorkspace(opts: WorkspaceOptions): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'ragcheck-action-'));
  const dir = join(root, 'repo');
  const files = opts.files ?? { 'compose.yaml': COMPOSE, 'other/compose.yaml': 'services:\n  api:\n    image: nginx\n', '.ragcheck.yaml': CONFIG };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const pr = opts.pullRequest === undefined ? { number: 7 } : opts.pullRequest;
  const event = pr
    ? {
        action: 'synchronize',
        number: pr.number,
        pull_request: {
          number: pr.number,
          base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/stack' } },
          head: { sha: HEAD_SHA, repo: { full_name: pr.fork ? 'someone/stack' : 'acme/stack', fork: pr.fork === true } },
        },
      }
    : { ref: 'refs/heads/main', after: MERGE_SHA };
  writeFileSync(join(root, 'event.json'), JSON.stringify(event));
  writeFileSync(join(root, 'output'), '');
  writeFileSync(join(root, 'summary.md'), '');
  const inputs = { 'github-token': TOKEN, ...opts.inputs };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: pr ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: join(root, 'event.json'),
    GITHUB_REPOSITORY: 'acme/stack',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(root, 'output'),
    GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
    // As the runner names them: upper case, spaces to `_`, hyphens kept.
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
  };
  return {
    root,
    dir,
    env,
    outputs: () => readFileSync(join(root, 'output'), 'utf8'),
    summary: () => readFileSync(join(root, 'summary.md'), 'utf8'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
