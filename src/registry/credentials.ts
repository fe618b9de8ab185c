import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_HUB } from '../images/ref.js';
import { DOCKER_HUB_API_HOST } from './reference.js';
import { entryHost } from './transport.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Credentials per registry host, from Docker's config file and then the environment. */
export interface CredentialStore {
  get(host: string): Credentials | undefined;
  /** Why no credentials were found although the user may have some: said in "unauthorized" errors. */
  missingHint(host: string): string;
}

const ENV_USER = 'RAGCHECK_REGISTRY_USER';
const ENV_PASSWORD = 'RAGCHECK_REGISTRY_PASSWORD';

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export function defaultDockerConfigPath(env: Record<string, string | undefined>): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
}

/**
 * Reads `auths[host]` (`auth` = base64 `user:password`, or `username`/`password`) from Docker's
 * config file; RAGCHECK_REGISTRY_USER / RAGCHECK_REGISTRY_PASSWORD then serve every other
 * registry. Credential helpers (`credHelpers`, `credsStore`) are not run: they are external
 * programs, and the hint in the error names them instead.
 */
export async function loadCredentials(path: string, env: Record<string, string | undefined>): Promise<CredentialStore> {
  let config: DockerConfig = {};
  let problem: string | undefined;
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (parsed && typeof parsed === 'object') config = parsed as DockerConfig;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problem = `${path} could not be read (${(err as Error).message.split('\n')[0]})`;
  }
  const auths = new Map<string, Credentials>();
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const creds = decodeEntry(entry);
    if (creds) auths.set(configKey(key), creds);
  }
  const helpers = new Map(Object.entries(config.credHelpers ?? {}).map(([k, v]) => [configKey(k), v]));
  const envCreds = env[ENV_USER] && env[ENV_PASSWORD] !== undefined ? { username: env[ENV_USER]!, password: env[ENV_PASSWORD]! } : undefined;
  return {
    get: (host) => auths.get(configKey(host)) ?? envCreds,
    missingHint(host) {
      const key = configKey(host);
      const helper = helpers.get(key) ?? config.credsStore;
      const via = helper
        ? `${path} keeps them in the credential helper "docker-credential-${helper}", which ragcheck does not run; `
        : problem ? `${problem}; ` : '';
      return `${via}set auths["${host === DOCKER_HUB_API_HOST ? 'https://index.docker.io/v1/' : host}"] in ${path} or ${ENV_USER}/${ENV_PASSWORD}`;
    },
  };
}

function decodeEntry(entry: unknown): Credentials | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as { auth?: unknown; username?: unknown; password?: unknown };
  if (typeof e.auth === 'string' && e.auth) {
    const plain = Buffer.from(e.auth, 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    if (colon > 0) return { username: plain.slice(0, colon), password: plain.slice(colon + 1) };
  }
  if (typeof e.username === 'string' && typeof e.password === 'string') return { username: e.username, password: e.password };
  return undefined;
}

/** `https://ghcr.io/v1/` and `ghcr.io` name the same entry; Docker keeps Docker Hub's under its v1 index URL, whichever name is used. */
function configKey(key: string): string {
  const host = entryHost(key);
  return DOCKER_HUB.has(host) ? 'index.docker.io' : host;
}
