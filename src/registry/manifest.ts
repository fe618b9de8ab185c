import { createHash } from 'node:crypto';
import { authorizedRequest, type Authorizer } from './auth.js';
import { RegistryError } from './errors.js';
import { DIGEST, type RegistryRef } from './reference.js';
import { registryBaseUrl, type Transport } from './transport.js';

/**
 * Multi-platform indexes first: the digest of the index is what `docker pull` records, and a
 * registry answers with the index only when the client accepts it.
 */
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** Registries cap manifests at 4 MiB; a bigger answer is not a manifest. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const SCHEMA1 = /application\/vnd\.docker\.distribution\.manifest\.v1\+(?:prettyjws|json)/;

export function v2Url(ref: RegistryRef, kind: 'manifests' | 'blobs', reference: string, t: Transport): string {
  return `${registryBaseUrl(ref.host, t.insecureRegistries)}/v2/${ref.name}/${kind}/${encodeURIComponent(reference)}`;
}

export function sha256Digest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** The digest a registry holds for `ref`'s tag: `HEAD` first, `GET` when HEAD does not tell. */
export async function fetchManifestDigest(ref: RegistryRef, t: Transport, auth: Authorizer): Promise<string> {
  const head = await authorizedRequest(ref, v2Url(ref, 'manifests', ref.tag, t), 'HEAD', MANIFEST_ACCEPT, t, auth);
  if (head.ok) {
    checkMediaType(head, ref);
    const digest = head.headers.get('docker-content-digest')?.trim();
    if (digest && DIGEST.test(digest)) return digest;
  } else if (head.status !== 405 && head.status !== 501 && head.status !== 400) {
    // HEAD carries no error body; anything but "method not supported" is final.
    throw statusError(head.status, ref);
  }

  const { res, digest } = await getManifest(ref, ref.tag, t, auth);
  const header = res.headers.get('docker-content-digest')?.trim();
  if (header && DIGEST.test(header) && header !== digest) {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}:${ref.tag} whose sha256 (${digest}) differs from its Docker-Content-Digest (${header})`);
  }
  return digest;
}

/** The manifest (or index) `reference` names, as served: status, schema and size checked, its sha256 computed. */
export async function getManifest(ref: RegistryRef, reference: string, t: Transport, auth: Authorizer): Promise<{ res: Response; body: Buffer; digest: string }> {
  const shown: RegistryRef = { ...ref, tag: reference };
  const res = await authorizedRequest(ref, v2Url(ref, 'manifests', reference, t), 'GET', MANIFEST_ACCEPT, t, auth);
  if (!res.ok) throw statusError(res.status, shown, registryErrorCode(await res.text().catch(() => '')));
  checkMediaType(res, shown);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_MANIFEST_BYTES) throw new RegistryError(`registry error: ${ref.host} answered ${body.length} bytes for a manifest (limit 4 MiB)`);
  return { res, body, digest: sha256Digest(body) };
}

function checkMediaType(res: Response, ref: RegistryRef): void {
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
