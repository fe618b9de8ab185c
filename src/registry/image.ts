import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { authorizedRequest, type Authorizer } from './auth.js';
import { RegistryError } from './errors.js';
import { getManifest, MAX_MANIFEST_BYTES, registryErrorCode, sha256Digest, statusError, v2Url } from './manifest.js';
import type { RegistryRef } from './reference.js';
import type { Transport } from './transport.js';

/** A layer download may take minutes; the per-request timeout is for metadata. */
const BLOB_TIMEOUT_MS = 30 * 60_000;

export interface FetchedManifest {
  /** The JSON as served; its sha256 is `digest`. */
  body: Buffer;
  /** The body parsed. */
  json: unknown;
  mediaType: string;
  digest: string;
}

/**
 * The manifest (or index) `reference` names: a tag, or a digest whose content is checked
 * against it. Indexes are accepted; following one to a platform is the caller's choice.
 */
export async function fetchManifest(ref: RegistryRef, reference: string, t: Transport, auth: Authorizer): Promise<FetchedManifest> {
  const { res, body, digest } = await getManifest(ref, reference, t, auth);
  if (reference.startsWith('sha256:') && reference !== digest) {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}@${reference} whose sha256 is ${digest}`);
  }
  let json: unknown;
  let mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  try {
    json = JSON.parse(body.toString('utf8'));
    mediaType = (json as { mediaType?: string }).mediaType ?? mediaType;
  } catch {
    throw new RegistryError(`registry error: ${ref.host} sent a manifest for ${ref.name}:${reference} that is not JSON`);
  }
  return { body, json, mediaType, digest };
}

/** A blob (config or layer) as a stream; the registry's redirect to storage is followed. */
export async function fetchBlob(ref: RegistryRef, digest: string, t: Transport, auth: Authorizer): Promise<Readable> {
  const res = await authorizedRequest(ref, v2Url(ref, 'blobs', digest, t), 'GET', undefined, { ...t, timeoutMs: Math.max(t.timeoutMs, BLOB_TIMEOUT_MS) }, auth);
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
  const computed = sha256Digest(body);
  if (digest.startsWith('sha256:') && computed !== digest) throw new RegistryError(`registry error: ${ref.host} sent ${ref.name}'s blob ${digest} with sha256 ${computed}`);
  return body.toString('utf8');
}
