import { Authorizer } from './auth.js';
import { defaultDockerConfigPath, loadCredentials } from './credentials.js';
import type { RetryPolicy, Transport } from './transport.js';

/** How to reach registries: shared by digest lookups and image reads. */
export interface ClientOptions {
  /** `host[:port]` of registries to reach over plain HTTP although not on this machine. */
  insecureRegistries?: readonly string[];
  /** Docker's config file (default `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`). */
  dockerConfigPath?: string;
  /** Where DOCKER_CONFIG and RAGCHECK_REGISTRY_USER/PASSWORD are read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Retries on network errors, 429 and 5xx (default 3 attempts, 250 ms doubling, at most 5 s). */
  retry?: Partial<RetryPolicy>;
  /** HTTP client (default the global `fetch`). */
  fetch?: typeof fetch;
}

export interface Client {
  transport: Transport;
  auth: Authorizer;
}

const DEFAULTS = { timeoutMs: 15_000, retry: { attempts: 3, baseDelayMs: 250, maxDelayMs: 5_000 } };

export async function createClient(opts: ClientOptions): Promise<Client> {
  const env = opts.env ?? process.env;
  const transport: Transport = {
    fetch: opts.fetch ?? globalThis.fetch,
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: { ...DEFAULTS.retry, ...opts.retry },
    insecureRegistries: opts.insecureRegistries ?? [],
  };
  transport.retry.attempts = Math.max(1, Math.floor(transport.retry.attempts));
  const credentials = await loadCredentials(opts.dockerConfigPath ?? defaultDockerConfigPath(env), env);
  return { transport, auth: new Authorizer(transport, credentials) };
}
