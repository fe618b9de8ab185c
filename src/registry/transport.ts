import { RegistryError, oneLine } from './errors.js';

export interface RetryPolicy {
  /** Tries per request, the first included (default 3). */
  attempts: number;
  /** Delay before the second try; doubled for each further one (default 250 ms). */
  baseDelayMs: number;
  /** Upper bound for any delay, `Retry-After` included (default 5 s). */
  maxDelayMs: number;
}

export interface Transport {
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Registries reached over plain HTTP although they are not on this machine. */
  insecureRegistries: readonly string[];
}

/** Statuses worth asking again: rate limits and server-side trouble. */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/** Docker's rule: a registry on this machine is spoken to over plain HTTP. */
export function isLoopbackHost(host: string): boolean {
  const name = hostName(host).toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** `host[:port]` without the port, IPv6 brackets removed. */
function hostName(host: string): string {
  const v6 = /^\[([^\]]+)\]/.exec(host);
  if (v6) return v6[1]!;
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** The `host[:port]` a registry is named by in a list or config key (`https://ghcr.io/v1/` → `ghcr.io`). */
export function entryHost(entry: string): string {
  return entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
}

/** An entry names `host:port` exactly, or `host` for any of its ports; a scheme or path is ignored. */
function isInsecureRegistry(host: string, insecure: readonly string[]): boolean {
  const h = host.toLowerCase();
  return insecure.some((entry) => {
    const e = entryHost(entry);
    return e === h || e === hostName(h);
  });
}

export function usesPlainHttp(host: string, insecure: readonly string[]): boolean {
  return isLoopbackHost(host) || isInsecureRegistry(host, insecure);
}

export function registryBaseUrl(host: string, insecure: readonly string[]): string {
  return `${usesPlainHttp(host, insecure) ? 'http' : 'https'}://${host}`;
}

/** TLS spoken to a server that answers in plain HTTP fails with one of these. */
const PLAIN_HTTP_SIGNS = /WRONG_VERSION_NUMBER|EPROTO|packet length too long|ERR_SSL/i;

/**
 * One request with a timeout, tried again after network errors, 429 and 5xx with exponential
 * backoff. A timeout is not retried so a silent registry costs one timeout, not several. The
 * last response is returned whatever its status; failures to get any response throw.
 */
export async function request(t: Transport, url: string, init: RequestInit): Promise<Response> {
  const origin = new URL(url).origin;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= t.retry.attempts;
    let res: Response;
    try {
      res = await t.fetch(url, { ...init, signal: AbortSignal.timeout(t.timeoutMs) });
    } catch (err) {
      if ((err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError') {
        throw new RegistryError(`timeout: no answer from ${origin} within ${formatSeconds(t.timeoutMs)}`);
      }
      if (!last) {
        await sleep(backoff(t.retry, attempt));
        continue;
      }
      const why = oneLine(err);
      const hint = url.startsWith('https:') && PLAIN_HTTP_SIGNS.test(why)
        ? '; if it serves plain HTTP, list it as an insecure registry (--insecure-registry)'
        : '';
      throw new RegistryError(`registry unreachable: ${origin} (${why})${hint}`);
    }
    if (last || !RETRY_STATUS.has(res.status)) return res;
    await res.body?.cancel().catch(() => undefined);
    await sleep(backoff(t.retry, attempt, res.headers.get('retry-after')));
  }
}

function backoff(p: RetryPolicy, attempt: number, retryAfter?: string | null): number {
  const asked = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
  return Math.min(p.maxDelayMs, Math.max(asked, p.baseDelayMs * 2 ** (attempt - 1)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms} ms`;
}
