import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDigests, type ResolveOptions } from '../../src/registry/index.js';
import { close, freePort, listen } from '../helpers/registry-server.js';

/** Registries that misbehave in one way each, on 127.0.0.1; the real registry is in resolve.test.ts. */
const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {}, layers: [] });
const MANIFEST_DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function withStub(handler: Handler, body: (host: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  const host = await listen(server);
  try {
    await body(host);
  } finally {
    await close(server);
  }
}

let work: string;
let isolated: ResolveOptions;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ragcheck-registry-stub-'));
  isolated = { env: {}, dockerConfigPath: join(work, 'none.json'), retry: { baseDelayMs: 5 } };
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A fetch that records every URL and never touches the network. */
function recordingFetch(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchStub = (async (input: string | URL | Request) => {
    urls.push(String(input));
    throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
  }) as typeof fetch;
  return { fetch: fetchStub, urls };
}

describe('plain HTTP', () => {
  it('speaks only HTTPS to a registry that is not on this machine', async () => {
    const rec = recordingFetch();
    const ref = 'registry.example.com:5000/team/api:1.0';
    const got = await resolveDigests([ref], { ...isolated, fetch: rec.fetch, retry: { attempts: 2, baseDelayMs: 1 } });
    expect(rec.urls).toEqual(Array(2).fill('https://registry.example.com:5000/v2/team/api/manifests/1.0'));
    expect(got.get(ref)).toEqual({ ok: false, error: 'registry unreachable: https://registry.example.com:5000 (ECONNREFUSED: connection refused)' });
  });

  it('uses plain HTTP for a listed insecure registry', async () => {
    const rec = recordingFetch();
    await resolveDigests(['10.1.2.3:5000/api:1'], { ...isolated, fetch: rec.fetch, retry: { attempts: 1 }, insecureRegistries: ['10.1.2.3:5000'] });
    expect(rec.urls).toEqual(['http://10.1.2.3:5000/v2/api/manifests/1']);
  });

  it('hints at --insecure-registry when TLS meets a plain-HTTP server', async () => {
    const fetchStub = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ERR_SSL_WRONG_VERSION_NUMBER' } });
    }) as typeof fetch;
    const got = await resolveDigests(['10.1.2.3:5000/api:1'], { ...isolated, fetch: fetchStub, retry: { attempts: 1 } });
    expect(got.get('10.1.2.3:5000/api:1')).toEqual({
      ok: false,
      error: 'registry unreachable: https://10.1.2.3:5000 (ERR_SSL_WRONG_VERSION_NUMBER); if it serves plain HTTP, list it as an insecure registry (--insecure-registry)',
    });
  });

  it('refuses a plain-HTTP token realm off this machine before connecting to it', async () => {
    const seen: string[] = [];
    await withStub(
      (_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer realm="http://auth.example.com/token",service="reg"' }).end(),
      async (host) => {
        const spy = ((input: string | URL | Request, init?: RequestInit) => {
          seen.push(String(input));
          return fetch(input, init);
        }) as typeof fetch;
        const ref = `${host}/api:1`;
        const got = await resolveDigests([ref], { ...isolated, fetch: spy });
        expect(got.get(ref)).toEqual({
          ok: false,
          error: `insecure registry refused: ${host} sends logins to the plain-HTTP token service http://auth.example.com; list auth.example.com as an insecure registry (--insecure-registry) to allow it`,
        });
        expect(seen.every((u) => u.startsWith(`http://${host}/`))).toBe(true);
      },
    );
  });
});

describe('failures', () => {
  it('times out a registry that never answers, without retrying', async () => {
    let requests = 0;
    await withStub(
      () => void requests++,
      async (host) => {
        const ref = `${host}/api:1`;
        const got = await resolveDigests([ref], { ...isolated, timeoutMs: 150 });
        expect(got.get(ref)).toEqual({ ok: false, error: `timeout: no answer from http://${host} within 150 ms` });
        expect(requests).toBe(1);
      },
    );
  });

  it('reports a registry that is not listening', async () => {
    const port = await freePort();
    const ref = `127.0.0.1:${port}/api:1`;
    const got = await resolveDigests([ref], { ...isolated, retry: { attempts: 2, baseDelayMs: 1 } });
    expect(got.get(ref)).toEqual({ ok: false, error: `registry unreachable: http://127.0.0.1:${port} (ECONNREFUSED: connection refused)` });
  });

  it('honours Retry-After within the cap on 429', async () => {
    let n = 0;
    await withStub(
      (req, res) => {
        if (n++ === 0) return void res.writeHead(429, { 'retry-after': '30' }).end();
        res.writeHead(200, { 'docker-content-digest': MANIFEST_DIGEST }).end();
      },
      async (host) => {
        const started = Date.now();
        const got = await resolveDigests([`${host}/api:1`], { ...isolated, retry: { baseDelayMs: 1, maxDelayMs: 50 } });
        expect(got.get(`${host}/api:1`)).toEqual({ ok: true, digest: MANIFEST_DIGEST });
        expect(Date.now() - started).toBeLessThan(5000);
      },
    );
  });

  it('rejects a schema 1 manifest', async () => {
    await withStub(
      (_req, res) => res.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'docker-content-digest': MANIFEST_DIGEST }).end(),
      async (host) => {
        const got = await resolveDigests([`${host}/api:1`], isolated);
        expect(got.get(`${host}/api:1`)).toMatchObject({ ok: false, error: expect.stringMatching(/^unsupported manifest: .*schema 1/) });
      },
    );
  });
});

describe('digest sources', () => {
  it('hashes the body of a GET when HEAD gives no digest header', async () => {
    const methods: string[] = [];
    await withStub(
      (req, res) => {
        methods.push(req.method!);
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(req.method === 'GET' ? MANIFEST : undefined);
      },
      async (host) => {
        const got = await resolveDigests([`${host}/api:1`], isolated);
        expect(got.get(`${host}/api:1`)).toEqual({ ok: true, digest: MANIFEST_DIGEST });
        expect(methods).toEqual(['HEAD', 'GET']);
      },
    );
  });

  it('falls back to GET when HEAD is not allowed, and sends the Accept list', async () => {
    const accepts: string[] = [];
    await withStub(
      (req, res) => {
        accepts.push(req.headers.accept ?? '');
        if (req.method === 'HEAD') return void res.writeHead(405).end();
        res.writeHead(200, { 'docker-content-digest': MANIFEST_DIGEST }).end(MANIFEST);
      },
      async (host) => {
        const got = await resolveDigests([`${host}/api:1`], isolated);
        expect(got.get(`${host}/api:1`)).toEqual({ ok: true, digest: MANIFEST_DIGEST });
        expect(accepts[0]!.split(', ')).toEqual([
          'application/vnd.oci.image.index.v1+json',
          'application/vnd.docker.distribution.manifest.list.v2+json',
          'application/vnd.oci.image.manifest.v1+json',
          'application/vnd.docker.distribution.manifest.v2+json',
        ]);
      },
    );
  });

  it('answers a Basic challenge with credentials from the docker config', async () => {
    const config = join(work, 'basic.json');
    await withStub(
      (req, res) => {
        if (req.headers.authorization !== `Basic ${Buffer.from('bob:hunter2').toString('base64')}`) {
          return void res.writeHead(401, { 'www-authenticate': 'Basic realm="reg"' }).end();
        }
        res.writeHead(200, { 'docker-content-digest': MANIFEST_DIGEST }).end();
      },
      async (host) => {
        await writeFile(config, JSON.stringify({ auths: { [host]: { username: 'bob', password: 'hunter2' } } }));
        const ok = await resolveDigests([`${host}/api:1`], { ...isolated, dockerConfigPath: config });
        expect(ok.get(`${host}/api:1`)).toEqual({ ok: true, digest: MANIFEST_DIGEST });
        const anon = await resolveDigests([`${host}/api:1`], isolated);
        expect(anon.get(`${host}/api:1`)).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^unauthorized: ${host} requires a login; set auths\\["${host}"\\]`)) });
      },
    );
  });

  it('keeps a digest-only reference without asking a registry', async () => {
    const rec = recordingFetch();
    const ref = `ghcr.io/org/app@sha256:${'c'.repeat(64)}`;
    const got = await resolveDigests([ref], { ...isolated, fetch: rec.fetch });
    expect(got.get(ref)).toEqual({ ok: true, digest: `sha256:${'c'.repeat(64)}` });
    expect(rec.urls).toEqual([]);
  });

  it('returns an empty map for no references', async () => {
    expect((await resolveDigests([], isolated)).size).toBe(0);
  });
});
