import { parseChallenges, type Challenge } from './challenge.js';
import type { CredentialStore, Credentials } from './credentials.js';
import { RegistryError } from './errors.js';
import type { RegistryRef } from './reference.js';
import { request, usesPlainHttp, type Transport } from './transport.js';

interface Token {
  value: string;
  expiresAt: number;
}

/** Token lifetime when the token service does not say (the spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;

/**
 * Answers registry challenges: the bearer-token flow (Docker Hub, GHCR, distribution's token
 * auth) and Basic. Tokens are cached per (realm, service, scope, user) and shared by lookups
 * in flight; the challenge a host sent once is answered up front for its next repositories,
 * which saves each of them a 401 round trip.
 */
export class Authorizer {
  private readonly tokens = new Map<string, Promise<Token>>();
  private readonly hostChallenges = new Map<string, Challenge>();

  constructor(
    private readonly transport: Transport,
    private readonly credentials: CredentialStore,
  ) {}

  /** The `Authorization` value to send before being asked, if this host challenged before. */
  async upFront(host: string, name: string): Promise<string | undefined> {
    const challenge = this.hostChallenges.get(host);
    return challenge && this.authorize(host, name, challenge);
  }

  /** The `Authorization` value answering a 401's `WWW-Authenticate` header. */
  async answer(host: string, name: string, header: string | null): Promise<string> {
    const challenges = parseChallenges(header ?? '');
    const challenge = challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
    if (!challenge) {
      throw new RegistryError(`unauthorized: ${host} asked for authentication without a usable challenge (${header ?? 'no WWW-Authenticate header'})`);
    }
    this.hostChallenges.set(host, challenge);
    return this.authorize(host, name, challenge);
  }

  /** Why access was denied after answering the challenge, as one line. */
  denied(host: string, name: string): RegistryError {
    const creds = this.credentials.get(host);
    return new RegistryError(creds
      ? `unauthorized: ${host} denied ${creds.username} access to ${name} (or the repository does not exist)`
      : `unauthorized: ${host} denied anonymous access to ${name} (or the repository does not exist); ${this.credentials.missingHint(host)}`);
  }

  private async authorize(host: string, name: string, challenge: Challenge): Promise<string> {
    const creds = this.credentials.get(host);
    if (challenge.scheme === 'basic') {
      if (!creds) throw new RegistryError(`unauthorized: ${host} requires a login; ${this.credentials.missingHint(host)}`);
      return `Basic ${basic(creds)}`;
    }
    const realm = challenge.params.realm;
    if (!realm) throw new RegistryError(`unauthorized: ${host} sent a Bearer challenge without a realm`);
    const asked = challenge.params.scope;
    // A challenge remembered from another repository carries that repository's scope.
    const scope = asked && asked.split(':')[1] === name ? asked : `repository:${name}:pull`;
    const service = challenge.params.service ?? '';
    const key = [realm, service, scope, creds?.username ?? ''].join('\n');
    let pending = this.tokens.get(key);
    if (pending) {
      const cached = await pending.catch(() => undefined);
      if (!cached || cached.expiresAt <= Date.now()) pending = undefined;
    }
    if (!pending) {
      const fetching = this.fetchToken(host, name, realm, service, scope, creds);
      this.tokens.set(key, fetching);
      fetching.catch(() => this.tokens.get(key) === fetching && this.tokens.delete(key));
      pending = fetching;
    }
    return `Bearer ${(await pending).value}`;
  }

  private async fetchToken(host: string, name: string, realm: string, service: string, scope: string, creds: Credentials | undefined): Promise<Token> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError(`unauthorized: ${host} named an invalid token realm "${realm}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new RegistryError(`unauthorized: ${host} named a token realm that is not HTTP(S): ${realm}`);
    }
    // The realm gets the credentials, so it follows the same plain-HTTP rule as registries.
    if (url.protocol === 'http:' && !usesPlainHttp(url.host, this.transport.insecureRegistries)) {
      throw new RegistryError(`insecure registry refused: ${host} sends logins to the plain-HTTP token service ${url.origin}; list ${url.host} as an insecure registry (--insecure-registry) to allow it`);
    }
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    if (creds) url.searchParams.set('account', creds.username);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (creds) headers.authorization = `Basic ${basic(creds)}`;
    const res = await request(this.transport, url.href, { method: 'GET', headers });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel().catch(() => undefined);
      throw new RegistryError(creds
        ? `unauthorized: the token service ${url.origin} rejected the login of ${creds.username} for ${host}`
        : `unauthorized: the token service ${url.origin} refused anonymous access to ${name}; ${this.credentials.missingHint(host)}`);
    }
    const body = await res.text().catch(() => '');
    if (!res.ok) throw new RegistryError(`token service error: ${url.origin} answered HTTP ${res.status}`);
    let json: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      json = JSON.parse(body) as typeof json;
    } catch {
      throw new RegistryError(`token service error: ${url.origin} did not answer with JSON`);
    }
    const value = typeof json.token === 'string' && json.token ? json.token : typeof json.access_token === 'string' ? json.access_token : '';
    if (!value) throw new RegistryError(`token service error: ${url.origin} answered without a token`);
    const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : DEFAULT_TOKEN_SECONDS;
    // Renewed a little early so a token does not expire between the check and its use.
    return { value, expiresAt: Date.now() + Math.max(0, seconds - 5) * 1000 };
  }
}

/** A request to `ref`'s registry with its challenge answered once. */
export async function authorizedRequest(ref: RegistryRef, url: string, method: 'HEAD' | 'GET', accept: string | undefined, t: Transport, auth: Authorizer): Promise<Response> {
  let authorization = await auth.upFront(ref.host, ref.name);
  for (let answered = false; ; answered = true) {
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (authorization) headers.authorization = authorization;
    const res = await request(t, url, { method, headers });
    if (res.status !== 401) return res;
    await res.body?.cancel().catch(() => undefined);
    if (answered) throw auth.denied(ref.host, ref.name);
    authorization = await auth.answer(ref.host, ref.name, res.headers.get('www-authenticate'));
  }
}

function basic(c: Credentials): string {
  return Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64');
}
