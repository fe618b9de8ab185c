import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The tools the registry tests drive; `.ci/run` installs them. */
const TOOLS: Record<string, string> = { 'docker-registry': 'docker-registry', skopeo: 'skopeo', umoci: 'umoci', openssl: 'openssl' };

/** Fails (never skips) when a tool is missing, naming the package to install. */
export function requireTools(): void {
  const missing = Object.keys(TOOLS).filter((t) => !(process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, t))));
  if (missing.length) {
    throw new Error(`registry tests need ${missing.join(', ')}: install with \`apt-get install -y ${missing.map((t) => TOOLS[t]).join(' ')}\` (.ci/run does)`);
  }
}

export interface RegistryServer {
  /** `127.0.0.1:PORT`, as written in image references. */
  host: string;
  /** Present with token auth: the users the token service accepts and how often it was asked. */
  token?: TokenServer;
  stop(): Promise<void>;
}

export interface TokenServer {
  url: string;
  users: Record<string, string>;
  requests: number;
  stop(): Promise<void>;
}

const SERVICE = 'ragcheck-test-registry';
const ISSUER = 'ragcheck-test-issuer';
const READY_TRIES = 100;
const READY_DELAY_MS = 100;

/** Runs Debian's `docker-registry` on 127.0.0.1 (a free port, a temp storage dir), optionally behind token auth. */
export async function startRegistry(opts: { tokenAuth?: { users: Record<string, string> } } = {}): Promise<RegistryServer> {
  requireTools();
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-registry-'));
  let token: TokenServer | undefined;
  let authYaml = '';
  if (opts.tokenAuth) {
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=ragcheck-test-token']);
    const key = createPrivateKey(await readFile(join(dir, 'key.pem')));
    const cert = new X509Certificate(await readFile(join(dir, 'cert.pem')));
    token = await startTokenServer(opts.tokenAuth.users, key, cert);
    authYaml = `auth:\n  token:\n    realm: ${token.url}\n    service: ${SERVICE}\n    issuer: ${ISSUER}\n    rootcertbundle: ${join(dir, 'cert.pem')}\n`;
  }
  const port = await freePort();
  const config = join(dir, 'config.yml');
  await writeFile(config, `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'storage')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${authYaml}`);
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  // A crashed test run must not leave a registry behind.
  const onExit = (): boolean => child.kill('SIGKILL');
  process.once('exit', onExit);
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    await killChild(child);
    process.off('exit', onExit);
    await token?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`http://127.0.0.1:${port}/v2/`, child);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { host: `127.0.0.1:${port}`, ...(token && { token }), stop };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < READY_TRIES; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      // 200 without auth, 401 with it: either way it answers the API.
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, READY_DELAY_MS));
  }
  throw new Error(`docker-registry not ready at ${url} after ${READY_TRIES} tries`);
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}

/**
 * The token service of distribution's token auth: known users get the actions they ask for;
 * anyone else gets a token with no access, as Docker Hub does, so the registry refuses it.
 * Tokens are RS256 JWTs whose `x5c` header carries the certificate in the registry's bundle.
 */
async function startTokenServer(users: Record<string, string>, key: KeyObject, cert: X509Certificate): Promise<TokenServer> {
  const x5c = [cert.raw.toString('base64')];
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    state.requests++;
    const url = new URL(req.url ?? '/', 'http://x');
    const login = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let user: string | undefined;
    if (login) {
      const [name, ...pass] = Buffer.from(login, 'base64').toString().split(':');
      if (users[name!] === undefined || users[name!] !== pass.join(':')) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
        return;
      }
      user = name;
    }
    const access = user ? url.searchParams.getAll('scope').flatMap(parseScope) : [];
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: ISSUER, sub: user ?? '', aud: url.searchParams.get('service'), exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access };
    const jwt = signJwt({ typ: 'JWT', alg: 'RS256', x5c }, claims, key);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: jwt, access_token: jwt, expires_in: 300 }));
  });
  const host = await listen(server);
  return {
    url: `http://${host}/token`,
    users,
    get requests() {
      return state.requests;
    },
    set requests(n: number) {
      state.requests = n;
    },
    stop: () => close(server),
  };
}

function parseScope(scope: string): { type: string; name: string; actions: string[] }[] {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first === -1 || last === first) return [];
  return [{ type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',') }];
}

function signJwt(header: object, claims: object, key: KeyObject): string {
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${b64(header)}.${b64(claims)}`;
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

/** A one-file OCI image made with umoci in a new layout; returns the layout path. */
export async function buildImage(dir: string, tag: string, content: string): Promise<string> {
  const layout = join(dir, `layout-${tag}`);
  const bundle = join(dir, `bundle-${tag}`);
  await run('umoci', ['init', '--layout', layout]);
  await run('umoci', ['new', '--image', `${layout}:${tag}`]);
  await run('umoci', ['unpack', '--rootless', '--image', `${layout}:${tag}`, bundle]);
  await writeFile(join(bundle, 'rootfs', 'hello.txt'), content);
  await run('umoci', ['repack', '--image', `${layout}:${tag}`, bundle]);
  await run('umoci', ['config', '--image', `${layout}:${tag}`, '--config.cmd', '/hello.txt']);
  return layout;
}

/**
 * Wraps the layout's image `tag` in a one-entry OCI image index tagged `indexTag`, so the
 * registry holds a multi-platform style index whose digest differs from the manifest's.
 */
export async function addIndex(layout: string, tag: string, indexTag: string): Promise<void> {
  const indexPath = join(layout, 'index.json');
  const top = JSON.parse(await readFile(indexPath, 'utf8')) as { manifests: { digest: string; size: number; mediaType: string; annotations?: Record<string, string> }[] };
  const image = top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)!;
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ mediaType: image.mediaType, digest: image.digest, size: image.size, platform: { architecture: 'amd64', os: 'linux' } }],
  });
  const hex = createHash('sha256').update(index).digest('hex');
  await writeFile(join(layout, 'blobs', 'sha256', hex), index);
  top.manifests.push({ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${hex}`, size: Buffer.byteLength(index), annotations: { 'org.opencontainers.image.ref.name': indexTag } });
  await writeFile(indexPath, JSON.stringify(top));
}

export interface Login {
  username: string;
  password: string;
}

/** `skopeo copy oci:<layout>:<tag> docker://<dest>` over plain HTTP. */
export async function pushImage(layout: string, tag: string, dest: string, login?: Login): Promise<void> {
  const creds = login ? ['--dest-creds', `${login.username}:${login.password}`] : ['--dest-no-creds'];
  await run('skopeo', ['copy', '--insecure-policy', '--all', '--dest-tls-verify=false', ...creds, `oci:${layout}:${tag}`, `docker://${dest}`]);
}

/** The registry's digest for a reference: sha256 of the manifest skopeo reads raw. */
export async function registryDigest(ref: string, login?: Login): Promise<string> {
  const creds = login ? ['--creds', `${login.username}:${login.password}`] : ['--no-creds'];
  const { stdout } = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', ...creds, `docker://${ref}`], { encoding: 'buffer' });
  return `sha256:${createHash('sha256').update(stdout).digest('hex')}`;
}

export interface ProxyHooks {
  /** A status to answer instead of forwarding (e.g. 503), or undefined to forward. */
  fail?: (req: IncomingMessage) => number | undefined;
  /** Delay before forwarding a manifest request, so lookups overlap. */
  delayMs?: number;
}

export interface Proxy {
  host: string;
  /** Manifest requests seen, and the most in flight at once. */
  manifestRequests: number;
  maxInFlight: number;
  stop(): Promise<void>;
}

/** A plain-HTTP pass-through on 127.0.0.1 in front of a registry, to inject failures and count requests. */
export async function startProxy(target: string, hooks: ProxyHooks = {}): Promise<Proxy> {
  const [targetHost, targetPort] = target.split(':');
  const stats = { manifestRequests: 0, maxInFlight: 0, inFlight: 0 };
  const server = createServer((req, res) => {
    const manifest = /\/manifests\//.test(req.url ?? '');
    const status = hooks.fail?.(req);
    if (status !== undefined) {
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAVAILABLE","message":"injected"}]}');
      return;
    }
    if (manifest) {
      stats.manifestRequests++;
      stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    }
    const forward = (): void => {
      const up = httpRequest({ host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        upRes.on('end', () => manifest && stats.inFlight--);
      });
      up.on('error', () => {
        if (manifest) stats.inFlight--;
        res.writeHead(502).end();
      });
      req.pipe(up);
    };
    if (manifest && hooks.delayMs) setTimeout(forward, hooks.delayMs);
    else forward();
  });
  const host = await listen(server);
  return {
    host,
    get manifestRequests() {
      return stats.manifestRequests;
    },
    get maxInFlight() {
      return stats.maxInFlight;
    },
    stop: () => close(server),
  };
}
