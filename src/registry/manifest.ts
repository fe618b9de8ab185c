import { createHash } from 'node:crypto';
import type { Authorizer } from './auth.js';
import { RegistryError } from './errors.js';
import type { RegistryRef } from './reference.js';
import { registryBaseUrl, request, type Transport } from './transport.js';

/**
 * Multi-platform indexes first: the digest of the index is what `docker pull` records, and a
 * registry answers with the index only when the client accepts it.
 */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** Registries cap manifests at 4 MiB; a bigger answer is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const SCHEMA1 = /application\/vnd\.docker\.distribution\.manifest\.v1\+(?:prettyjws|json)/;

/** The digest a registry holds for `ref`'s tag: `HEAD` first, `GET` when HEAD does not tell. */
export async function fetchManifestDigest(ref: RegistryRef, t: Transport, auth: Authorizer): Promise<string> {
  const url = `${registryBaseUrl(ref.host, t.insecureRegistries)}/v2/${ref.name}/manifests/${encodeURIComponent(ref.tag)}`;
  let authorization = await auth.upFront(ref.host, ref.name);
  let answered = false;
  const send = async (method: 'HEAD' | 'GET'): Promise<Response> => {
    for (;;) {
      const headers: Record<string, string> = { accept: MANIFEST_ACCEPT };
      if (authorization) headers.authorization = authorization;
      const res = await request(t, url, { method, headers });
      if (res.status !== 401) return res;
      await res.body?.cancel().catch(() => undefined);
      if (answered) throw auth.denied(ref.host, ref.name);
      authorization = await auth.answer(ref.host, ref.name, res.headers.get('www-authenticate'));
      answered = true;
    }
  };

  const head = await send('HEAD');
  if (head.ok) {
    checkMediaType(head, ref);
    const digest = head.headers.get('docker-content-digest')?.trim();
    if (digest && DIGEST.test(digest)) return digest;
  } else if (head.status !== 405 && head.status !== 501 && head.status !== 400) {
    // HEAD carries no error body; anything but "method not supported" is final.
    throw statusError(head.status, ref);
  }

  const get = await send('GET');
  const body = get.ok ? Buffer.from(await get.arrayBuffer()) : undefined;
  if (!get.ok || !body) {
    const text = await get.text().catch(() => '');
    throw statusError(get.status, ref, registryErrorCode(text));
  }
  checkMediaType(get, ref);
  if (body.length > MAX_MANIFEST_BYTES) throw new RegistryError(`registry error: ${ref.host} answered ${body.length} bytes for a manifest (limit 4 MiB)`);
  const computed = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const header = get.headers.get('docker-content-digest')?.trim();
  if (header && DIGEST.test(header) && header !== computed) {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}:${ref.tag} whose sha256 (${computed}) differs from its Docker-Content-Digest (${header})`);
  }
  return computed;
}

export function checkMediaType(res: Response, ref: RegistryRef): void {
  if (SCHEMA1.test(res.headers.get('content-type') ?? '')) {
    throw new RegistryError(`unsupported manifest: ${ref.host} serves ${ref.name}:${ref.tag} only as a deprecated schema 1 manifest, whose digest Docker no longer pins`);
  }
}

export function registryErrorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export function statusError(status: number, ref: RegistryRef, code?: string): RegistryError {
  const what = `${ref.name}:${ref.tag}`;
  if (status === 404) {
    const why = code === 'NAME_UNKNOWN' ? 'no such repository' : code === 'MANIFEST_UNKNOWN' ? 'no such tag' : 'no such repository or tag';
    return new RegistryError(`not found: ${what} on ${ref.host} (${why})`);
  }
  if (status === 403) return new RegistryError(`forbidden: ${ref.host} refused access to ${what} (HTTP 403)`);
  if (status === 429) return new RegistryError(`rate limited: ${ref.host} answered HTTP 429 for ${what} after retries; log in or try again later`);
  if (status >= 500) return new RegistryError(`registry error: ${ref.host} answered HTTP ${status} for ${what} after retries`);
  return new RegistryError(`registry error: ${ref.host} answered HTTP ${status} for ${what}${code ? ` (${code})` : ''}`);
}
