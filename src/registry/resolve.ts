import { parseImageRef } from '../images/ref.js';
import { Authorizer } from './auth.js';
import { defaultDockerConfigPath, loadCredentials } from './credentials.js';
import { oneLine } from './errors.js';
import { fetchManifestDigest } from './manifest.js';
import { lookupKey, toRegistryRef, type RegistryRef } from './reference.js';
import type { RetryPolicy, Transport } from './transport.js';

export type DigestResult = { ok: true; digest: string } | { ok: false; error: string };

export interface ResolveOptions {
  /** Lookups in flight at once (default 4). */
  concurrency?: number;
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
  /** Called once per distinct input reference when its lookup ends, successful or not. */
  onProgress?: (done: number, total: number, ref: string) => void;
  /** HTTP client (default the global `fetch`). */
  fetch?: typeof fetch;
}

const DEFAULTS = { concurrency: 4, timeoutMs: 15_000, retry: { attempts: 3, baseDelayMs: 250, maxDelayMs: 5_000 } };

/**
 * Resolves image references as written (`postgres:16.4`, `ghcr.io/org/app:1.2`) to the digest
 * their registry holds for the tag. Every distinct input gets an entry; one failing lookup does
 * not stop the others. A reference that already has a digest but no tag keeps that digest
 * without a lookup. Never rejects.
 */
export async function resolveDigests(refs: readonly string[], opts: ResolveOptions = {}): Promise<Map<string, DigestResult>> {
  const env = opts.env ?? process.env;
  const transport: Transport = {
    fetch: opts.fetch ?? globalThis.fetch,
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: { ...DEFAULTS.retry, ...opts.retry },
    insecureRegistries: opts.insecureRegistries ?? [],
  };
  transport.retry.attempts = Math.max(1, Math.floor(transport.retry.attempts));
  const credentials = await loadCredentials(opts.dockerConfigPath ?? defaultDockerConfigPath(env), env);
  const auth = new Authorizer(transport, credentials);

  const inputs = [...new Set(refs)];
  const results = new Map<string, DigestResult>();
  // Spellings of one image (`postgres`, `docker.io/library/postgres:latest`) share a lookup.
  const lookups = new Map<string, { ref: RegistryRef; inputs: string[] }>();
  let done = 0;
  const finish = (input: string, result: DigestResult): void => {
    results.set(input, result);
    opts.onProgress?.(++done, inputs.length, input);
  };
  for (const input of inputs) {
    const parsed = toRegistryRef(input);
    if ('error' in parsed) finish(input, { ok: false, error: parsed.error });
    else if (parsed.ref.digest && parseImageRef(input)?.tag === undefined) finish(input, { ok: true, digest: parsed.ref.digest });
    else {
      const key = lookupKey(parsed.ref);
      const entry = lookups.get(key) ?? { ref: parsed.ref, inputs: [] };
      entry.inputs.push(input);
      lookups.set(key, entry);
    }
  }

  const queue = [...lookups.values()];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      let result: DigestResult;
      try {
        result = { ok: true, digest: await fetchManifestDigest(item.ref, transport, auth) };
      } catch (err) {
        result = { ok: false, error: oneLine(err) };
      }
      for (const input of item.inputs) finish(input, result);
    }
  };
  const limit = Math.max(1, Math.floor(opts.concurrency ?? DEFAULTS.concurrency));
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  // Callers read the map in input order.
  return new Map(inputs.map((i) => [i, results.get(i)!]));
}

