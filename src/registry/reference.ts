import { DOMAIN, PATH_COMPONENT, TAG } from '../images/reference-grammar.js';
import { DOCKER_HUB, parseImageRef } from '../images/ref.js';

/** Where and what to ask a registry for: `GET <host>/v2/<name>/manifests/<tag>`. */
export interface RegistryRef {
  /** Host as written (`ghcr.io`, `127.0.0.1:5000`); Docker Hub is `registry-1.docker.io`. */
  host: string;
  /** Repository path on that registry; Docker Hub's official images get `library/`. */
  name: string;
  /** The tag to resolve; `latest` when the reference has none. */
  tag: string;
  /** A digest already written in the reference. */
  digest?: string;
}

export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

const HOST = new RegExp(`^${DOMAIN}$`);
const COMPONENT = new RegExp(`^${PATH_COMPONENT}$`);
const TAG_TEXT = new RegExp(`^${TAG}$`);
export const DIGEST = /^sha256:[a-f0-9]{64}$/;

export type ParsedRegistryRef = { ref: RegistryRef } | { error: string };

/** Turns an image string as written in a Compose file or Dockerfile into a registry lookup. */
export function toRegistryRef(text: string): ParsedRegistryRef {
  const invalid = (why: string): ParsedRegistryRef => ({ error: `invalid reference: ${JSON.stringify(text)} ${why}` });
  if (text.includes('$')) return invalid('contains a variable; resolve it first');
  const parsed = parseImageRef(text);
  if (!parsed) return invalid('is not an image reference');
  const hub = parsed.registry === undefined || DOCKER_HUB.has(parsed.registry);
  const host = hub ? DOCKER_HUB_API_HOST : parsed.registry!;
  if (!HOST.test(host)) return invalid(`has an invalid registry host "${host}"`);
  const name = hub && !parsed.repository.includes('/') ? `library/${parsed.repository}` : parsed.repository;
  if (!name.split('/').every((c) => COMPONENT.test(c))) return invalid('has an invalid repository name');
  const tag = parsed.tag ?? 'latest';
  if (!TAG_TEXT.test(tag)) return invalid(`has an invalid tag "${tag}"`);
  if (parsed.digest !== undefined && !DIGEST.test(parsed.digest)) return invalid(`has an invalid digest "${parsed.digest}"`);
  return { ref: { host, name, tag, ...(parsed.digest !== undefined && { digest: parsed.digest }) } };
}

/** The digest of a reference written with a digest and no tag (`ref.tag` is then only the default). */
export function pinnedDigest(text: string, ref: RegistryRef): string | undefined {
  return ref.digest && parseImageRef(text)?.tag === undefined ? ref.digest : undefined;
}

/** One key per distinct lookup, so `postgres` and `docker.io/library/postgres:latest` share it. */
export function lookupKey(ref: RegistryRef): string {
  return `${ref.host}/${ref.name}:${ref.tag}`;
}

/**
 * `name:tag@sha256:…` as Renovate writes it: the reference keeps its spelling and tag, an
 * existing digest is replaced, and a reference without a tag gets `:latest` so the file says
 * which tag the digest was taken from.
 */
export function formatPinnedRef(text: string, digest: string): string {
  const t = text.trim();
  const at = t.indexOf('@');
  const name = at === -1 ? t : t.slice(0, at);
  const hasTag = name.lastIndexOf(':') > name.lastIndexOf('/');
  return `${name}${hasTag ? '' : ':latest'}@${digest}`;
}
