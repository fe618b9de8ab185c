import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Authorizer } from './auth.js';
import { RegistryError } from './errors.js';
import { checkMediaType, MANIFEST_ACCEPT, registryErrorCode, statusError } from './manifest.js';
import type { RegistryRef } from './reference.js';
import { registryBaseUrl, request, type Transport } from './transport.js';

/** Registries cap manifests at 4 MiB; a bigger answer is not a manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A layer download may take minutes; the per-request timeout is for metadata. */
const BLOB_TIMEOUT_MS = 30 * 60_000;

export interface FetchedManifest {
  /** The JSON as served; its sha256 is `digest`. */
  body: Buffer;
  mediaType: string;
  digest: string;
}

/** GET with the registry's challenge answered once, as digest lookups do. */
async function authorizedGet(ref: RegistryRef, url: string, accept: string | undefined, t: Transport, auth: Authorizer): Promise<Response> {
  let authorization = await auth.upFront(ref.host, ref.name);
  for (let answered = false; ; answered = true) {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (authorization) headers.authorization = authorization;
    const res = await request(t, url, { method: 'GET', headers });
    if (res.status !== 401) return res;
    await res.body?.cancel().catch(() => undefined);
    if (answered) throw auth.denied(ref.host, ref.name);
    authorization = await auth.answer(ref.host, ref.name, res.headers.get('www-authenticate'));
  }
}

/**
 * The manifest (or index) `reference` names: a tag, or a digest whose content is checked
 * against it. Indexes are accepted; following one to a platform is the caller's choice.
 */
export async function fetchManifest(ref: RegistryRef, reference: string, t: Transport, auth: Authorizer): Promise<FetchedManifest> {
  const url = `${registryBaseUrl(ref.host, t.insecureRegistries)}/v2/${ref.name}/manifests/${encodeURIComponent(reference)}`;
  const shown: RegistryRef = { ...ref, tag: reference };
  const res = await authorizedGet(ref, url, MANIFEST_ACCEPT, t, auth);
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw statusError(res.status, shown, registryErrorCode(text));
  }
  checkMediaType(res, shown);
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_MANIFEST_BYTES) throw new RegistryError(`registry error: ${ref.host} answered ${body.length} bytes for a manifest (limit 4 MiB)`);
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (reference.startsWith('sha256:') && reference !== digest) {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}@${reference} whose sha256 is ${digest}`);
  }
  let mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  try {
    mediaType = (JSON.parse(body.toString('utf8')) as { mediaType?: string }).mediaType ?? mediaType;
  } catch {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}:${reference} that is not JSON`);
  }
  return { body, mediaType, digest };
}

/** A blob (config or layer) as a stream; the registry's redirect to storage is followed. */
export async function fetchBlob(ref: RegistryRef, digest: string, t: Transport, auth: Authorizer): Promise<Readable> {
  const url = `${registryBaseUrl(ref.host, t.insecureRegistries)}/v2/${ref.name}/blobs/${encodeURIComponent(digest)}`;
  const res = await authorizedGet(ref, url, undefined, { ...t, timeoutMs: Math.max(t.timeoutMs, BLOB_TIMEOUT_MS) }, auth);
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    if (res.status === 404) throw new RegistryError(`not found: blob ${digest} of ${ref.name} on ${ref.host}`);
    throw statusError(res.status, { ...ref, tag: digest }, registryErrorCode(text));
  }
  return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
}

/** A small blob (an image config) read whole and checked against its digest. */
export async function fetchBlobText(ref: RegistryRef, digest: string, t: Transport, auth: Authorizer): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of await fetchBlob(ref, digest, t, auth)) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > MAX_MANIFEST_BYTES * 4) throw new RegistryError(`registry error: the blob ${digest} of ${ref.name} is too big for an image config`);
  }
  const body = Buffer.concat(chunks);
  const computed = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (digest.startsWith('sha256:') && computed !== digest) throw new RegistryError(`registry error: ${ref.host} sent ${ref.name}'s blob ${digest} with sha256 ${computed}`);
  return body.toString('utf8');
}
