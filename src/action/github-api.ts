import { Octokit } from '@octokit/rest';

const quiet = (): void => {};

/**
 * A REST client on the runner's API URL (GitHub Enterprise Server has its own). It logs
 * nothing itself: request lines are noise in a job log, and errors are reported by the caller.
 */
export function githubApi(token: string, baseUrl: string): Octokit {
  return new Octokit({ auth: token, baseUrl, userAgent: 'ragcheck-action', log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

/** The HTTP status of a failed request (Octokit's RequestError), if it is one. */
export function httpStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}
