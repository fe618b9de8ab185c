import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPinnedRef, resolveDigests, type ResolveOptions } from '../../src/registry/index.js';
import {
  addIndex,
  buildImage,
  pushImage,
  registryDigest,
  startProxy,
  startRegistry,
  type Login,
  type RegistryServer,
} from '../helpers/registry-server.js';

// Real registries, images made with umoci and pushed with skopeo: a few seconds of setup.
const SETUP_MS = 60_000;

let work: string;
/** No developer config or variables leak into the lookups. */
let isolated: ResolveOptions;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ragcheck-registry-test-'));
  isolated = { env: {}, dockerConfigPath: join(work, 'no-such-config.json'), retry: { baseDelayMs: 5 } };
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('resolveDigests against docker-registry without auth', () => {
  let registry: RegistryServer;
  let host: string;

  beforeAll(async () => {
    registry = await startRegistry();
    host = registry.host;
    const a = await buildImage(work, 'v1', 'first image\n');
    const b = await buildImage(work, 'v2', 'second image\n');
    await addIndex(b, 'v2', 'multi');
    await pushImage(a, 'v1', `${host}/library/postgres:latest`);
    await pushImage(a, 'v1', `${host}/library/postgres:16.4`);
    await pushImage(b, 'v2', `${host}/team/sub/api:1.0`);
    await pushImage(b, 'multi', `${host}/team/sub/api:multi`);
    await pushImage(b, 'v2', `${host}/team/sub/api:2.0`);
  }, SETUP_MS);
  afterAll(async () => {
    await registry?.stop();
  });

  it('resolves official-style names with the default tag, nested repositories and an index', async () => {
    // parseImageRef keeps the registry's `library/` only for Docker Hub; a local registry names it.
    const refs = [`${host}/library/postgres`, `${host}/library/postgres:16.4`, `${host}/team/sub/api:1.0`, `${host}/team/sub/api:multi`];
    const progress: [number, number, string][] = [];
    const got = await resolveDigests(refs, { ...isolated, onProgress: (d, t, r) => progress.push([d, t, r]) });
    expect([...got.keys()]).toEqual(refs);
    expect(got.get(refs[0]!)).toEqual({ ok: true, digest: await registryDigest(`${host}/library/postgres:latest`) });
    expect(got.get(refs[1]!)).toEqual({ ok: true, digest: await registryDigest(`${host}/library/postgres:16.4`) });
    expect(got.get(refs[2]!)).toEqual({ ok: true, digest: await registryDigest(`${host}/team/sub/api:1.0`) });
    const multi = await registryDigest(`${host}/team/sub/api:multi`);
    // The index's digest, not its one platform manifest's (which is 1.0's).
    expect(got.get(refs[3]!)).toEqual({ ok: true, digest: multi });
    expect(multi).not.toBe(await registryDigest(`${host}/team/sub/api:1.0`));
    expect(progress.map(([d, t]) => [d, t])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
    expect(new Set(progress.map(([, , r]) => r))).toEqual(new Set(refs));
  }, SETUP_MS);

  it('reports a missing tag clearly and still resolves the others', async () => {
    const refs = [`${host}/team/sub/api:9.9`, `${host}/team/sub/api:2.0`, `${host}/nobody/here:1`, '${IMAGE}'];
    const got = await resolveDigests(refs, isolated);
    expect(got.get(refs[0]!)).toEqual({ ok: false, error: `not found: team/sub/api:9.9 on ${host} (no such repository or tag)` });
    expect(got.get(refs[1]!)).toEqual({ ok: true, digest: await registryDigest(`${host}/team/sub/api:2.0`) });
    expect(got.get(refs[2]!)).toMatchObject({ ok: false, error: expect.stringMatching(/^not found: nobody\/here:1/) });
    expect(got.get(refs[3]!)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid reference: .* contains a variable/) });
  });

  it('pins what the registry holds in the Renovate format', async () => {
    const ref = `${host}/team/sub/api:1.0@sha256:${'0'.repeat(64)}`;
    const got = await resolveDigests([ref], isolated);
    const digest = await registryDigest(`${host}/team/sub/api:1.0`);
    expect(got.get(ref)).toEqual({ ok: true, digest });
    expect(formatPinnedRef(ref, digest)).toBe(`${host}/team/sub/api:1.0@${digest}`);
  });

  it('keeps at most `concurrency` lookups in flight', async () => {
    const proxy = await startProxy(host, { delayMs: 60 });
    try {
      const refs = ['1.0', '2.0', 'multi', '1.0-x', '2.0-x', 'multi-x'].map((t) => `${proxy.host}/team/sub/api:${t}`);
      const got = await resolveDigests(refs, { ...isolated, concurrency: 2 });
      expect(got.size).toBe(6);
      expect(proxy.maxInFlight).toBe(2);
      expect(proxy.manifestRequests).toBe(6);
    } finally {
      await proxy.stop();
    }
  });

  it('looks each distinct image up once', async () => {
    const proxy = await startProxy(host);
    try {
      const refs = [`${proxy.host}/team/sub/api:1.0`, `${proxy.host}/team/sub/api:1.0`, ` ${proxy.host}/team/sub/api:1.0`];
      const got = await resolveDigests(refs, isolated);
      expect(got.size).toBe(2);
      expect(proxy.manifestRequests).toBe(1);
      expect(got.get(refs[2]!)).toEqual(got.get(refs[0]!));
    } finally {
      await proxy.stop();
    }
  });

  it('retries a 503 with backoff and then resolves', async () => {
    let failures = 2;
    const proxy = await startProxy(host, { fail: (req) => (/\/manifests\//.test(req.url ?? '') && failures-- > 0 ? 503 : undefined) });
    try {
      const ref = `${proxy.host}/team/sub/api:2.0`;
      const got = await resolveDigests([ref], { ...isolated, retry: { attempts: 3, baseDelayMs: 5 } });
      expect(got.get(ref)).toEqual({ ok: true, digest: await registryDigest(`${host}/team/sub/api:2.0`) });
      expect(failures).toBe(-1);
    } finally {
      await proxy.stop();
    }
  });

  it('gives up after the last attempt with a one-line error', async () => {
    const proxy = await startProxy(host, { fail: () => 503 });
    try {
      const ref = `${proxy.host}/team/sub/api:2.0`;
      const got = await resolveDigests([ref], { ...isolated, retry: { attempts: 2, baseDelayMs: 5 } });
      expect(got.get(ref)).toEqual({ ok: false, error: `registry error: ${proxy.host} answered HTTP 503 for team/sub/api:2.0 after retries` });
    } finally {
      await proxy.stop();
    }
  });
});

describe('resolveDigests against docker-registry with token auth', () => {
  const login: Login = { username: 'alice', password: 'pa:ss word' };
  let registry: RegistryServer;
  let host: string;

  beforeAll(async () => {
    registry = await startRegistry({ tokenAuth: { users: { [login.username]: login.password } } });
    host = registry.host;
    const a = await buildImage(work, 'auth', 'private image\n');
    await pushImage(a, 'auth', `${host}/private/app:1.2`, login);
    await pushImage(a, 'auth', `${host}/private/app:1.3`, login);
  }, SETUP_MS);
  afterAll(async () => {
    await registry?.stop();
  });

  it('reports anonymous access as denied, naming where credentials go', async () => {
    const ref = `${host}/private/app:1.2`;
    const got = await resolveDigests([ref], isolated);
    const result = got.get(ref);
    expect(result).toMatchObject({ ok: false });
    const error = (result as { error: string }).error;
    expect(error).toMatch(new RegExp(`^unauthorized: ${host} denied anonymous access to private/app`));
    expect(error).toContain('RAGCHECK_REGISTRY_USER/RAGCHECK_REGISTRY_PASSWORD');
    expect(error).not.toContain('\n');
  });

  it('uses the login from an injected docker config.json and reuses the token', async () => {
    const config = join(work, 'docker-config.json');
    const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
    await writeFile(config, JSON.stringify({ auths: { [`http://${host}`]: { auth } } }));
    const refs = [`${host}/private/app:1.2`, `${host}/private/app:1.3`, `${host}/private/app:1.4`];
    registry.token!.requests = 0;
    const got = await resolveDigests(refs, { ...isolated, dockerConfigPath: config, concurrency: 1 });
    // One token for the repository's pull scope, shared by the three lookups.
    expect(registry.token!.requests).toBe(1);
    expect(got.get(refs[0]!)).toEqual({ ok: true, digest: await registryDigest(refs[0]!, login) });
    expect(got.get(refs[1]!)).toEqual({ ok: true, digest: await registryDigest(refs[1]!, login) });
    expect(got.get(refs[2]!)).toMatchObject({ ok: false, error: expect.stringMatching(/^not found: private\/app:1\.4/) });
  });

  it('takes the login from the environment when the config has none', async () => {
    const ref = `${host}/private/app:1.3`;
    const got = await resolveDigests([ref], { ...isolated, env: { RAGCHECK_REGISTRY_USER: login.username, RAGCHECK_REGISTRY_PASSWORD: login.password } });
    expect(got.get(ref)).toEqual({ ok: true, digest: await registryDigest(ref, login) });
  });

  it('reports a rejected login', async () => {
    const ref = `${host}/private/app:1.3`;
    const got = await resolveDigests([ref], { ...isolated, env: { RAGCHECK_REGISTRY_USER: 'alice', RAGCHECK_REGISTRY_PASSWORD: 'wrong' } });
    expect(got.get(ref)).toEqual({ ok: false, error: `unauthorized: the token service ${new URL(registry.token!.url).origin} rejected the login of alice for ${host}` });
  });

  it('names the credential helper it does not run', async () => {
    const config = join(work, 'docker-config-store.json');
    await writeFile(config, JSON.stringify({ auths: {}, credsStore: 'desktop' }));
    const ref = `${host}/private/app:1.2`;
    const got = await resolveDigests([ref], { ...isolated, dockerConfigPath: config });
    expect((got.get(ref) as { error: string }).error).toContain('credential helper "docker-credential-desktop", which ragcheck does not run');
  });
});
