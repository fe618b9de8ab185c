import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One file of a pull request, as `GET /repos/{owner}/{repo}/pulls/{n}/files` lists it. */
export interface FakePullFile {
  filename: string;
  status?: string;
  /** Absent for binary or very large files, as on GitHub. */
  patch?: string;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Pull requests by number. */
  pulls?: Record<number, FakePullFile[]>;
  /** Tokens GitHub gives fork pull requests: reading works, every write answers 403. */
  forkTokens?: string[];
}

export interface RecordedRequest {
  method: string;
  /** The path without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
}

export interface FakeGitHub {
  /** The API's base URL, for GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** GitHub refuses a request with more annotations than this. */
const MAX_ANNOTATIONS = 50;
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm;

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type Handler = (req: RecordedRequest, m: RegExpExecArray, token: string | undefined) => Reply;

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, ...(headers && { headers }) });
const unprocessable = (why: string): Reply => json(422, { message: 'Validation Failed', errors: [why], documentation_url: 'https://docs.github.com/rest' });

/**
 * A stand-in for GitHub's REST API on 127.0.0.1, answering the requests the action makes the
 * way GitHub does: the pull request's files a page at a time with a `Link` header, check runs
 * refusing more than 50 annotations a request (422), reviews refusing a comment outside the
 * diff (422), and 403 for writes with a fork's read-only token. Records every request.
 */
export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = opts.owner ?? 'acme';
  const repo = opts.repo ?? 'stack';
  const pulls = opts.pulls ?? {};
  const forkTokens = new Set(opts.forkTokens ?? []);
  const requests: RecordedRequest[] = [];
  const checkRuns = new Set<number>();
  let nextId = 1000;
  let base = '';

  const repoPath = `/repos/${owner}/${repo}`;
  const forbidden = (token: string | undefined): Reply | undefined =>
    token === undefined ? json(401, { message: 'Requires authentication' }) : forkTokens.has(token) ? json(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }) : undefined;

  const routes: [string, RegExp, Handler][] = [
    ['GET', new RegExp(`^${repoPath}/pulls/(\\d+)/files$`), (req, m) => {
      const files = pulls[Number(m[1])];
      if (!files) return json(404, { message: 'Not Found' });
      const perPage = Math.min(100, Number(req.query.per_page ?? 30));
      const page = Number(req.query.page ?? 1);
      const last = Math.max(1, Math.ceil(files.length / perPage));
      const link = (p: number): string => `<${base}${req.path}?per_page=${perPage}&page=${p}>`;
      const links = page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
      const body = files.slice((page - 1) * perPage, page * perPage).map((f) => ({ sha: '0'.repeat(40), status: 'modified', additions: 1, deletions: 0, changes: 1, ...f }));
      return json(200, body, links.length ? { link: links.join(', ') } : undefined);
    }],
    ['POST', new RegExp(`^${repoPath}/check-runs$`), (req, _m, token) => {
      const body = req.body as { name?: unknown; head_sha?: unknown; output?: unknown };
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string') return unprocessable('name and head_sha are required');
      const refused = forbidden(token) ?? checkOutput(body.output);
      if (refused) return refused;
      const id = nextId++;
      checkRuns.add(id);
      return json(201, { id, head_sha: body.head_sha, name: body.name, status: 'in_progress' });
    }],
    ['PATCH', new RegExp(`^${repoPath}/check-runs/(\\d+)$`), (req, m, token) => {
      const refused = forbidden(token) ?? checkOutput((req.body as { output?: unknown }).output);
      if (refused) return refused;
      if (!checkRuns.has(Number(m[1]))) return json(404, { message: 'Not Found' });
      return json(200, { id: Number(m[1]) });
    }],
    ['POST', new RegExp(`^${repoPath}/pulls/(\\d+)/reviews$`), (req, m, token) => {
      const files = pulls[Number(m[1])];
      if (!files) return json(404, { message: 'Not Found' });
      const refused = forbidden(token);
      if (refused) return refused;
      const body = req.body as { comments?: ReviewCommentBody[] };
      for (const c of body.comments ?? []) {
        const why = outsideDiff(c, files);
        if (why) return unprocessable(why);
      }
      return json(200, { id: nextId++, state: 'COMMENTED' });
    }],
  ];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const auth = req.headers.authorization;
      const recorded: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body, ...(auth && { authorization: auth }) };
      requests.push(recorded);
      const token = auth?.replace(/^(token|bearer) /i, '');
      let reply = json(404, { message: 'Not Found' });
      for (const [method, pattern, handle] of routes) {
        const m = method === recorded.method ? pattern.exec(url.pathname) : null;
        if (m) {
          reply = handle(recorded, m, token);
          break;
        }
      }
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

interface CheckAnnotationBody {
  path?: unknown;
  start_line?: unknown;
  end_line?: unknown;
  start_column?: unknown;
  end_column?: unknown;
  annotation_level?: unknown;
  message?: unknown;
}

/** GitHub's rules for a check run's output: at most 50 annotations, columns only on one line. */
function checkOutput(output: unknown): Reply | undefined {
  const annotations = (output as { annotations?: CheckAnnotationBody[] } | undefined)?.annotations ?? [];
  if (annotations.length > MAX_ANNOTATIONS) return unprocessable(`Only ${MAX_ANNOTATIONS} annotations are allowed per request`);
  for (const a of annotations) {
    if (typeof a.path !== 'string' || typeof a.start_line !== 'number' || typeof a.end_line !== 'number' || typeof a.message !== 'string') return unprocessable('annotation is missing a field');
    if (!['notice', 'warning', 'failure'].includes(String(a.annotation_level))) return unprocessable('annotation_level is invalid');
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) return unprocessable('start_column and end_column need start_line equal to end_line');
  }
  return undefined;
}

interface ReviewCommentBody {
  path?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  body?: unknown;
}

/** Why GitHub would refuse a review comment: it must sit on the new side of one hunk. */
function outsideDiff(c: ReviewCommentBody, files: readonly FakePullFile[]): string | undefined {
  const patch = files.find((f) => f.filename === c.path)?.patch;
  if (patch === undefined || typeof c.line !== 'number' || c.side !== 'RIGHT') return 'Path could not be resolved';
  const start = typeof c.start_line === 'number' ? c.start_line : c.line;
  if (start > c.line) return 'start_line must precede line';
  for (const [, first, count] of patch.matchAll(HUNK)) {
    const from = Number(first);
    const to = from + (count === undefined ? 1 : Number(count)) - 1;
    if (from <= start && c.line <= to) return undefined;
  }
  return 'Line could not be resolved';
}
