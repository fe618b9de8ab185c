import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, fetchBlobText, fetchManifest, toRegistryRef, type ClientOptions, type RegistryRef } from '../../src/registry/index.js';
import { measureSource } from '../../src/budget/measure/source.js';
import { addIndex, buildImage, pushImage, registryDigest, startRegistry, type RegistryServer } from '../helpers/registry-server.js';

const SETUP_MS = 60_000;
const LOGIN = { username: 'alice', password: 's3cret' };

let work: string;
let registry: RegistryServer;
let isolated: ClientOptions;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ragcheck-registry-image-'));
  isolated = { env: {}, dockerConfigPath: join(work, 'no-config.json'), retry: { baseDelayMs: 5 } };
  registry = await startRegistry({ tokenAuth: { users: { [LOGIN.username]: LOGIN.password } } });
  const layout = await buildImage(work, 'v1', 'x'.repeat(4321));
  await addIndex(layout, 'v1', 'multi');
  await pushImage(layout, 'v1', `${registry.host}/team/app:1`, LOGIN);
  await pushImage(layout, 'multi', `${registry.host}/team/app:multi`, LOGIN);
}, SETUP_MS);
afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const ref = (text: string): RegistryRef => (toRegistryRef(text) as { ref: RegistryRef }).ref;
const withLogin = (): ClientOptions => ({ ...isolated, env: { RAGCHECK_REGISTRY_USER: LOGIN.username, RAGCHECK_REGISTRY_PASSWORD: LOGIN.password } });

describe('reading images from a registry behind token auth', () => {
  it('fetches an index by tag and its platform manifest by digest, checked against the digest', async () => {
    const { transport, auth } = await createClient(withLogin());
    const r = ref(`${registry.host}/team/app:multi`);
    const index = await fetchManifest(r, 'multi', transport, auth);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.digest).toBe(await registryDigest(`${registry.host}/team/app:multi`, LOGIN));
    const entry = (JSON.parse(index.body.toString()) as { manifests: { digest: string }[] }).manifests[0]!;
    const manifest = await fetchManifest(r, entry.digest, transport, auth);
    expect(manifest.digest).toBe(entry.digest);
    const config = JSON.parse(await fetchBlobText(r, (JSON.parse(manifest.body.toString()) as { config: { digest: string } }).config.digest, transport, auth)) as { rootfs: unknown };
    expect(config.rootfs).toMatchObject({ type: 'layers' });
  });

  it('measures the image with credentials, following the index', async () => {
    const image = await measureSource(`registry://${registry.host}/team/app:multi`, withLogin());
    expect(image.layers.filter((l) => !l.emptyLayer).map((l) => l.size)).toEqual([4321]);
  });

  it('says anonymous access was denied, in one line', async () => {
    await expect(measureSource(`registry://${registry.host}/team/app:1`, isolated)).rejects.toThrow(
      new RegExp(`^registry://${registry.host.replace(/\./g, '\\.')}/team/app:1: unauthorized: ${registry.host.replace(/\./g, '\\.')} denied anonymous access to team/app`),
    );
  });
});
