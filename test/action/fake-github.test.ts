import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

/** The fake must refuse what GitHub refuses, or the action's tests would prove nothing. */
let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub({ pulls: { 1: [{ filename: 'compose.yaml', patch: '@@ -3,2 +3,3 @@\n a\n+b\n c' }] }, forkTokens: ['fork'] });
});
afterAll(() => gh.stop());

const call = (method: string, path: string, body: unknown, token = 'good'): Promise<Response> =>
  fetch(`${gh.url}${path}`, { method, headers: { authorization: `token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const annotation = { path: 'compose.yaml', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'm' };

it('refuses more than 50 annotations in one request', async () => {
  expect((await call('POST', '/repos/acme/stack/check-runs', { name: 'x', head_sha: 'h', output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) } })).status).toBe(422);
  expect((await call('POST', '/repos/acme/stack/check-runs', { name: 'x', head_sha: 'h', output: { title: 't', summary: 's', annotations: Array(50).fill(annotation) } })).status).toBe(201);
});

it('refuses columns on an annotation over several lines', async () => {
  const res = await call('POST', '/repos/acme/stack/check-runs', { name: 'x', head_sha: 'h', output: { title: 't', summary: 's', annotations: [{ ...annotation, end_line: 2, start_column: 1 }] } });
  expect(res.status).toBe(422);
});

it('refuses a review comment outside the diff', async () => {
  const review = (line: number, start_line?: number) => call('POST', '/repos/acme/stack/pulls/1/reviews', { event: 'COMMENT', comments: [{ path: 'compose.yaml', line, side: 'RIGHT', start_line, body: 'b' }] });
  expect((await review(5)).status).toBe(200);
  expect((await review(6)).status).toBe(422);
  expect((await review(5, 2)).status).toBe(422);
});

it('answers 403 to writes with a fork token, and lists files for it', async () => {
  expect((await call('POST', '/repos/acme/stack/pulls/1/reviews', { event: 'COMMENT', comments: [] }, 'fork')).status).toBe(403);
  const res = await fetch(`${gh.url}/repos/acme/stack/pulls/1/files`, { headers: { authorization: 'token fork' } });
  expect(res.status).toBe(200);
});
