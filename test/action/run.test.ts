import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../helpers/fake-github.js';
import { COMPOSE_PATCH, FORK_TOKEN, HEAD_SHA, makeWorkspace, PR_FILES, TOKEN, type WorkspaceOptions } from './workspace.js';

let gh: FakeGitHub;
/** 149 other files and compose.yaml last: two pages of 100. */
const MANY_FILES: FakePullFile[] = [...Array.from({ length: 149 }, (_, i) => ({ filename: `docs/note-${i}.md`, patch: '@@ -0,0 +1 @@\n+hello' })), { filename: 'compose.yaml', patch: COMPOSE_PATCH }];

beforeAll(async () => {
  gh = await startFakeGitHub({ pulls: { 7: PR_FILES, 8: MANY_FILES }, forkTokens: [FORK_TOKEN] });
});
afterAll(() => gh.stop());

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  requests: FakeGitHub['requests'];
}

/** Runs the action as the runner would, and checks what every run must: the token is never shown. */
async function run(opts: Omit<WorkspaceOptions, 'apiUrl'> = {}): Promise<Ran> {
  const ws = makeWorkspace({ ...opts, apiUrl: gh.url });
  const before = gh.requests.length;
  let stdout = '';
  let stderr = '';
  try {
    const code = await runAction(ws.env, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, ws.dir);
    const token = ws.env['INPUT_GITHUB-TOKEN']!;
    // The one place the token may appear: the command that asks the runner to mask it.
    expect(stdout.split('\n')[0]).toBe(`::add-mask::${token}`);
    expect(stdout.split('\n').slice(1).join('\n')).not.toContain(token);
    expect(stderr).not.toContain(token);
    return { code, stdout, stderr, outputs: ws.outputs(), summary: ws.summary(), requests: gh.requests.slice(before) };
  } finally {
    ws.cleanup();
  }
}

const annotations = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
const annotated = (stdout: string): string[] => annotations(stdout).map((l) => /file=([^,]+),line=(\d+).*title=([^:]+)::/.exec(l)!.slice(1, 4).join(':'));

describe('reporter annotations', () => {
  it('annotates only the lines the pull request adds, and says so in outputs and the summary', async () => {
    const r = await run();
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([
      '::error file=compose.yaml,line=5,endLine=5,col=9,endColumn=20,title=internal-service-not-published::db (postgres) publishes port 5432 on every host interface, and a database must not face the network; bind it to 127.0.0.1 or drop the port and reach it as db:5432',
    ]);
    expect(r.outputs).toBe('errors=1\nwarnings=0\n');
    expect(r.requests).toEqual([{ method: 'GET', path: '/repos/acme/stack/pulls/7/files', query: { per_page: '100' }, body: undefined, authorization: `token ${TOKEN}` }]);
    expect(r.summary).toBe(
      [
        '## ragcheck',
        '',
        '### Production readiness',
        '',
        '| Stack | Environment | Services | Pinned | Non-root | Healthchecks | Data on named volumes | No runtime installs |',
        '| --- | --- | ---: | --- | --- | --- | --- | --- |',
        '| `compose.yaml#prod` | prod | 3 | ⚠️ 1/3 | ⚠️ 2/3 | ✅ 3/3 | ✅ 3/3 | ✅ 3/3 |',
        '| `other/compose.yaml#prod` | prod | 1 | ⚠️ 0/1 | ⚠️ 0/1 | ✅ 1/1 | ✅ 1/1 | ✅ 1/1 |',
        '',
        "**1 problem (1 error, 0 warnings, 0 infos); 5 more findings outside the pull request's changes (filter: added)**",
        '',
        '| Severity | Location | Rule | Message |',
        '| --- | --- | --- | --- |',
        `| ❌ error | [compose.yaml:5](https://github.com/acme/stack/blob/${HEAD_SHA}/compose.yaml#L5) | \`internal-service-not-published\` | db (postgres) publishes port 5432 on every host interface, and a database must not face the network; bind it to 127.0.0.1 or drop the port and reach it as db:5432 (fixable) |`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['added', ['compose.yaml:5:internal-service-not-published'], 'errors=1\nwarnings=0\n'],
    ['diff-context', ['compose.yaml:5:internal-service-not-published', 'compose.yaml:7:pinned-image-tag'], 'errors=2\nwarnings=0\n'],
    ['file', ['compose.yaml:5:internal-service-not-published', 'compose.yaml:7:pinned-image-tag', 'compose.yaml:10:pinned-image-tag', 'compose.yaml:10:non-root-user'], 'errors=3\nwarnings=1\n'],
    // Errors first; within a severity, nearest the change first.
    ['nofilter', ['compose.yaml:5:internal-service-not-published', 'compose.yaml:7:pinned-image-tag', 'compose.yaml:10:pinned-image-tag', 'other/compose.yaml:3:pinned-image-tag', 'compose.yaml:10:non-root-user', 'other/compose.yaml:3:non-root-user'], 'errors=4\nwarnings=2\n'],
  ])('filter %s', async (filter, expected, outputs) => {
    const r = await run({ inputs: { filter } });
    expect(annotated(r.stdout)).toEqual(expected);
    expect(r.outputs).toBe(outputs);
  });

  it('puts findings in the diff before the others of the same severity', async () => {
    const files = { 'a/compose.yaml': 'services:\n  x:\n    image: nginx\n', 'compose.yaml': 'services:\n  y:\n    image: nginx\n', '.ragcheck.yaml': 'rules:\n  non-root-user: off\n  healthcheck-required: off\n  log-rotation: off\n  no-new-privileges: off\n  resource-limits: off\n  restart-policy: off\n' };
    const r = await run({ files, inputs: { filter: 'nofilter' } });
    // a/compose.yaml comes first in the engine's order; compose.yaml:3 is in the diff.
    expect(annotated(r.stdout)).toEqual(['compose.yaml:3:pinned-image-tag', 'a/compose.yaml:3:pinned-image-tag']);
  });

  it('reads every page of the pull request files', async () => {
    const r = await run({ pullRequest: { number: 8 } });
    expect(r.requests.map((q) => `${q.method} ${q.path} ${JSON.stringify(q.query)}`)).toEqual([
      'GET /repos/acme/stack/pulls/8/files {"per_page":"100"}',
      'GET /repos/acme/stack/pulls/8/files {"per_page":"100","page":"2"}',
    ]);
    expect(annotated(r.stdout)).toEqual(['compose.yaml:5:internal-service-not-published']);
  });

  it('reports every finding outside a pull request, without calling the API', async () => {
    const r = await run({ pullRequest: null });
    expect(r.requests).toEqual([]);
    expect(r.outputs).toBe('errors=4\nwarnings=2\n');
    expect(r.summary).toContain(`[compose.yaml:5](https://github.com/acme/stack/blob/${'m'.repeat(40)}/compose.yaml#L5)`);
    expect(r.summary).toContain('**6 problems (4 errors, 2 warnings, 0 infos)**');
  });

  it.each([
    ['never', 0],
    ['warning', 1],
    ['error', 0],
  ])('fail-on %s with warnings only exits %i', async (failOn, code) => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', '.ragcheck.yaml': 'rules:\n  healthcheck-required: off\n  log-rotation: off\n  no-new-privileges: off\n  resource-limits: off\n  restart-policy: off\n' };
    const r = await run({ files, pullRequest: null, inputs: { 'fail-on': failOn } });
    expect(r.outputs).toBe('errors=0\nwarnings=1\n');
    expect(r.code).toBe(code);
  });

  it('writes SARIF with every finding, unfiltered, and names it in the outputs', async () => {
    const ws = makeWorkspace({ apiUrl: gh.url, inputs: { 'sarif-file': 'reports/ragcheck.sarif' } });
    try {
      await runAction(ws.env, { stdout: () => {}, stderr: () => {} }, ws.dir);
      const { readFileSync } = await import('node:fs');
      const path = `${ws.dir}/reports/ragcheck.sarif`;
      const sarif = JSON.parse(readFileSync(path, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results).toHaveLength(6);
      expect(ws.outputs()).toBe(`errors=1\nwarnings=0\nsarif-file=${path}\n`);
    } finally {
      ws.cleanup();
    }
  });

  it('stops with a workflow error on a bad input', async () => {
    const r = await run({ inputs: { 'fail-on': 'sometimes' } });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[1]).toBe('::error::ragcheck: input fail-on is "sometimes" (expected one of: error, warning, never)');
    expect(r.outputs).toBe('');
  });
});

describe('reporter check', () => {
  const services = Array.from({ length: 120 }, (_, i) => `  s${i}:\n    image: nginx\n`).join('');
  const files = { 'compose.yaml': `services:\n${services}`, '.ragcheck.yaml': 'rules:\n  non-root-user: off\n  healthcheck-required: off\n  log-rotation: off\n  no-new-privileges: off\n  resource-limits: off\n  restart-policy: off\n' };

  it('creates a check run on the head commit and adds 120 annotations 50 at a time', async () => {
    const r = await run({ files, inputs: { reporter: 'check', filter: 'nofilter' } });
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([]);
    const [create, ...updates] = r.requests.slice(1);
    expect(create).toMatchObject({ method: 'POST', path: '/repos/acme/stack/check-runs', body: { name: 'ragcheck', head_sha: HEAD_SHA, status: 'in_progress' } });
    expect(updates.map((u) => `${u.method} ${u.path}`)).toEqual(Array(3).fill('PATCH /repos/acme/stack/check-runs/1000'));
    const bodies = updates.map((u) => u.body as { output: { annotations: unknown[]; title: string }; status?: string; conclusion?: string });
    expect(bodies.map((b) => b.output.annotations.length)).toEqual([50, 50, 20]);
    expect(bodies.map((b) => b.conclusion)).toEqual([undefined, undefined, 'failure']);
    expect(bodies[2]!.status).toBe('completed');
    const lines = bodies.flatMap((b) => b.output.annotations.map((a) => (a as { start_line: number }).start_line));
    expect(new Set(lines).size).toBe(120);
    expect(bodies[0]!.output.title).toBe('120 problems (120 errors, 0 warnings, 0 infos)');
    // s1's image is on line 5, which the pull request adds: it comes first.
    expect(bodies[0]!.output.annotations[0]).toEqual({ path: 'compose.yaml', start_line: 5, end_line: 5, start_column: 12, end_column: 16, annotation_level: 'failure', message: 's1 runs nginx without a tag, which means :latest; pin an explicit version', title: 'pinned-image-tag' });
    expect(r.outputs).toBe('errors=120\nwarnings=0\n');
  });

  it('completes a clean run in one update with success', async () => {
    const r = await run({ files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    user: "101"\n', '.ragcheck.yaml': files['.ragcheck.yaml'] }, inputs: { reporter: 'check' } });
    expect(r.code).toBe(0);
    const bodies = r.requests.filter((q) => q.method === 'PATCH').map((q) => q.body as { conclusion?: string; output: { annotations: unknown[] } });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ conclusion: 'success', status: 'completed', output: { annotations: [] } });
  });

  it('uses the workflow commit outside a pull request', async () => {
    const r = await run({ pullRequest: null, inputs: { reporter: 'check' } });
    expect(r.requests[0]).toMatchObject({ method: 'POST', body: { head_sha: 'm'.repeat(40) } });
  });
});

describe('fork pull requests', () => {
  it.each(['check', 'review'])('reporter %s falls back to annotations with a notice when GitHub answers 403', async (reporter) => {
    const r = await run({ pullRequest: { number: 7, fork: true }, inputs: { reporter, 'github-token': FORK_TOKEN } });
    const writes = r.requests.filter((q) => q.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.authorization).toBe(`token ${FORK_TOKEN}`);
    const notice = r.stdout.split('\n').find((l) => l.startsWith('::notice::'));
    expect(notice).toBe(`::notice::ragcheck: cannot post the ${reporter} (HTTP 403: Resource not accessible by integration - https://docs.github.com/rest): the pull request comes from a fork, whose token is read-only; reporting as annotations instead`);
    expect(annotated(r.stdout)).toEqual(['compose.yaml:5:internal-service-not-published']);
    expect(r.code).toBe(1);
    expect(r.summary).toContain('| ❌ error | [compose.yaml:5]');
  });
  it('names the missing permission when the pull request is not from a fork', async () => {
    const r = await run({ inputs: { reporter: 'check', 'github-token': FORK_TOKEN } });
    expect(r.stdout).toContain('::notice::ragcheck: cannot post the check (HTTP 403: Resource not accessible by integration - https://docs.github.com/rest): the token needs `checks: write`; reporting as annotations instead');
    expect(annotated(r.stdout)).toEqual(['compose.yaml:5:internal-service-not-published']);
  });
});

describe('reporter review', () => {
  type Review = { commit_id: string; event: string; body: string; comments: { path: string; line: number; side: string; start_line?: number; body: string }[] };
  const reviewOf = (r: Ran): Review => {
    const posts = r.requests.filter((q) => q.method === 'POST');
    expect(posts.map((q) => q.path)).toEqual(['/repos/acme/stack/pulls/7/reviews']);
    return posts[0]!.body as Review;
  };

  it('comments on diff lines only, with the fixed line as a suggestion', async () => {
    const r = await run({ inputs: { reporter: 'review', filter: 'file' } });
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([]);
    const review = reviewOf(r);
    expect(review.commit_id).toBe(HEAD_SHA);
    expect(review.event).toBe('COMMENT');
    expect(review.comments).toEqual([
      {
        path: 'compose.yaml',
        line: 5,
        side: 'RIGHT',
        body: [
          '**Error** `internal-service-not-published`: db (postgres) publishes port 5432 on every host interface, and a database must not face the network; bind it to 127.0.0.1 or drop the port and reach it as db:5432',
          '',
          "Bind db's port to 127.0.0.1 (may change what runs: check before committing):",
          '',
          '```suggestion',
          '      - "127.0.0.1:5432:5432"',
          '```',
        ].join('\n'),
      },
      { path: 'compose.yaml', line: 7, side: 'RIGHT', body: '**Error** `pinned-image-tag`: cache runs redis:latest, and latest is a moving tag; pin an explicit version' },
    ]);
    expect(review.body).toBe(
      [
        "**ragcheck**: 4 problems (3 errors, 1 warning, 0 infos); 2 more findings outside the pull request's changes (filter: file)",
        '',
        'Outside the lines this pull request changes:',
        '',
        '- compose.yaml:10 error `pinned-image-tag`: web runs nginx without a tag, which means :latest; pin an explicit version',
        '- compose.yaml:10 warning `non-root-user`: web runs as root, the default user of nginx; set user: to a non-root uid or use a non-root variant of the image',
      ].join('\n'),
    );
  });

  it('leaves suggestions out when suggest-fixes is false', async () => {
    const r = await run({ inputs: { reporter: 'review', 'suggest-fixes': 'false' } });
    expect(reviewOf(r).comments).toEqual([
      { path: 'compose.yaml', line: 5, side: 'RIGHT', body: '**Error** `internal-service-not-published`: db (postgres) publishes port 5432 on every host interface, and a database must not face the network; bind it to 127.0.0.1 or drop the port and reach it as db:5432' },
    ]);
  });

  it('posts nothing when nothing is found in the changes', async () => {
    const r = await run({ files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    user: "101"\n', '.ragcheck.yaml': 'rules:\n  healthcheck-required: off\n  log-rotation: off\n  no-new-privileges: off\n  resource-limits: off\n  restart-policy: off\n' }, inputs: { reporter: 'review' } });
    expect(r.code).toBe(0);
    expect(r.requests.filter((q) => q.method === 'POST')).toEqual([]);
  });

  it('falls back to annotations outside a pull request', async () => {
    const r = await run({ pullRequest: null, inputs: { reporter: 'review' } });
    expect(r.stdout).toContain('::notice::ragcheck: reporter review cannot run: this is not a pull request; reporting as annotations instead');
    expect(annotated(r.stdout)).toHaveLength(6);
    expect(r.requests).toEqual([]);
  });
});
