import { createClient, type ClientOptions } from './client.js';
import { oneLine } from './errors.js';
import { fetchManifestDigest } from './manifest.js';
import { lookupKey, pinnedDigest, toRegistryRef, type RegistryRef } from './reference.js';

export type DigestResult = { ok: true; digest: string } | { ok: false; error: string };

export interface ResolveOptions extends ClientOptions {
  /** Lookups in flight at once (default 4). */
  concurrency?: number;
  /** Called once per distinct input reference when its lookup ends, successful or not. */
  onProgress?: (done: number, total: number, ref: string) => void;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * Resolves image references as written (`postgres:16.4`, `ghcr.io/org/app:1.2`) to the digest
 * their registry holds for the tag. Every distinct input gets an entry; one failing lookup does
 * not stop the others. A reference that already has a digest but no tag keeps that digest
 * without a lookup. Never rejects.
 */
export async function resolveDigests(refs: readonly string[], opts: ResolveOptions = {}): Promise<Map<string, DigestResult>> {
  const { transport, auth } = await createClient(opts);

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
    else if (pinnedDigest(input, parsed.ref)) finish(input, { ok: true, digest: parsed.ref.digest! });
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
  const limit = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_CONCURRENCY));
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  // Callers read the map in input order.
  return new Map(inputs.map((i) => [i, results.get(i)!]));
}

