import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDockerConfigPath, loadCredentials } from '../../src/registry/credentials.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ragcheck-creds-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function store(config: unknown, env: Record<string, string> = {}) {
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof config === 'string' ? config : JSON.stringify(config));
  return { creds: await loadCredentials(path, env), path };
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('loadCredentials', () => {
  it('finds Docker Hub’s entry under its v1 index URL', async () => {
    const { creds } = await store({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:p:w') } } });
    expect(creds.get('registry-1.docker.io')).toEqual({ username: 'hub', password: 'p:w' });
  });

  it('matches hosts with or without a scheme and reads username/password', async () => {
    const { creds } = await store({ auths: { 'https://ghcr.io': { auth: b64('gh:1') }, 'reg.local:5000': { username: 'u', password: 'p' } } });
    expect(creds.get('ghcr.io')).toEqual({ username: 'gh', password: '1' });
    expect(creds.get('REG.local:5000')).toEqual({ username: 'u', password: 'p' });
    expect(creds.get('reg.local:6000')).toBeUndefined();
  });

  it('falls back to the environment for every other registry', async () => {
    const { creds } = await store({ auths: { 'ghcr.io': { auth: b64('gh:1') } } }, { RAGCHECK_REGISTRY_USER: 'e', RAGCHECK_REGISTRY_PASSWORD: 'x' });
    expect(creds.get('ghcr.io')).toEqual({ username: 'gh', password: '1' });
    expect(creds.get('quay.io')).toEqual({ username: 'e', password: 'x' });
  });

  it('names a credential helper and a broken file in its hint', async () => {
    const helper = await store({ credHelpers: { 'gcr.io': 'gcloud' }, credsStore: 'desktop' });
    expect(helper.creds.get('gcr.io')).toBeUndefined();
    expect(helper.creds.missingHint('gcr.io')).toContain('"docker-credential-gcloud", which ragcheck does not run');
    expect(helper.creds.missingHint('quay.io')).toContain('"docker-credential-desktop"');
    expect(helper.creds.missingHint('registry-1.docker.io')).toContain('auths["https://index.docker.io/v1/"]');
    const broken = await store('{not json');
    expect(broken.creds.get('ghcr.io')).toBeUndefined();
    expect(broken.creds.missingHint('ghcr.io')).toMatch(/could not be read \(.*\); set auths\["ghcr.io"\]/);
  });

  it('is empty when the file does not exist', async () => {
    const creds = await loadCredentials(join(dir, 'missing.json'), {});
    expect(creds.get('ghcr.io')).toBeUndefined();
    expect(creds.missingHint('ghcr.io')).toBe(`set auths["ghcr.io"] in ${join(dir, 'missing.json')} or RAGCHECK_REGISTRY_USER/RAGCHECK_REGISTRY_PASSWORD`);
  });

  it('defaults to $DOCKER_CONFIG/config.json', () => {
    expect(defaultDockerConfigPath({ DOCKER_CONFIG: '/etc/dc' })).toBe('/etc/dc/config.json');
    expect(defaultDockerConfigPath({})).toMatch(/\.docker\/config\.json$/);
  });
});
