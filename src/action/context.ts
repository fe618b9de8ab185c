import { readFileSync } from 'node:fs';
import type { Env } from './inputs.js';

/** Where the action runs, from the runner's `GITHUB_*` variables and the event payload. */
export interface ActionContext {
  owner: string;
  repo: string;
  /** The commit the workflow runs on (for a pull request, GitHub's merge commit). */
  sha: string;
  apiUrl: string;
  serverUrl: string;
  /** The checkout: ragcheck lints from here, and reports paths relative to it. */
  workspace: string;
  pr?: PullRequest;
}

export interface PullRequest {
  number: number;
  baseSha: string;
  headSha: string;
  /** The head branch lives in a fork: its workflow token is read-only. */
  fork: boolean;
}

interface PullRequestPayload {
  number?: unknown;
  base?: { sha?: unknown };
  head?: { sha?: unknown; repo?: { fork?: unknown; full_name?: unknown } | null };
}

export function readContext(env: Env, cwd: string): ActionContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE || cwd,
    pr: pullRequest(env.GITHUB_EVENT_PATH, env.GITHUB_REPOSITORY),
  };
}

/** The pull request of a `pull_request` / `pull_request_target` event; none for other events. */
function pullRequest(eventPath: string | undefined, repository: string | undefined): PullRequest | undefined {
  if (!eventPath) return undefined;
  let payload: { pull_request?: PullRequestPayload };
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as typeof payload;
  } catch {
    return undefined;
  }
  const pr = payload?.pull_request;
  if (!pr || typeof pr.number !== 'number' || typeof pr.head?.sha !== 'string') return undefined;
  const headRepo = pr.head.repo;
  // A deleted fork leaves `head.repo` null. `fork` alone also marks a forked repository's own
  // branches, so the names decide when both are known.
  const fork = !headRepo || (typeof headRepo.full_name === 'string' && repository ? headRepo.full_name !== repository : headRepo.fork === true);
  return { number: pr.number, baseSha: typeof pr.base?.sha === 'string' ? pr.base.sha : '', headSha: pr.head.sha, fork };
}
