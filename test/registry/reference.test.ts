import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../src/registry/challenge.js';
import { formatPinnedRef, isLoopbackHost, registryBaseUrl, toRegistryRef } from '../../src/registry/index.js';

const D = `sha256:${'a'.repeat(64)}`;
const OLD = `sha256:${'b'.repeat(64)}`;

describe('toRegistryRef', () => {
  it.each([
    ['postgres:16.4', { host: 'registry-1.docker.io', name: 'library/postgres', tag: '16.4' }],
    ['postgres', { host: 'registry-1.docker.io', name: 'library/postgres', tag: 'latest' }],
    ['docker.io/library/postgres:16', { host: 'registry-1.docker.io', name: 'library/postgres', tag: '16' }],
    ['qdrant/qdrant:v1.9.2', { host: 'registry-1.docker.io', name: 'qdrant/qdrant', tag: 'v1.9.2' }],
    ['ghcr.io/org/app:1.2', { host: 'ghcr.io', name: 'org/app', tag: '1.2' }],
    ['127.0.0.1:5000/team/api:1.0', { host: '127.0.0.1:5000', name: 'team/api', tag: '1.0' }],
    ['localhost/api', { host: 'localhost', name: 'api', tag: 'latest' }],
    [`[::1]:5000/api:2@${D}`, { host: '[::1]:5000', name: 'api', tag: '2', digest: D }],
  ])('%s', (text, ref) => {
    expect(toRegistryRef(text)).toEqual({ ref });
  });

  it.each([
    ['${IMAGE:-postgres}', 'contains a variable'],
    ['Postgres:16', 'invalid repository name'],
    ['postgres:', 'is not an image reference'],
    ['postgres:bad/tag!', 'invalid'],
    ['postgres@sha256:xyz', 'invalid digest'],
    ['a b', 'is not an image reference'],
  ])('rejects %s', (text, why) => {
    const got = toRegistryRef(text);
    expect('error' in got && got.error).toContain(why);
  });
});

describe('formatPinnedRef', () => {
  it.each([
    ['postgres:16.4', `postgres:16.4@${D}`],
    ['ghcr.io/org/app:1.2', `ghcr.io/org/app:1.2@${D}`],
    [`ghcr.io/org/app:1.2@${OLD}`, `ghcr.io/org/app:1.2@${D}`],
    ['127.0.0.1:5000/team/api', `127.0.0.1:5000/team/api:latest@${D}`],
    ['postgres', `postgres:latest@${D}`],
    [`postgres@${OLD}`, `postgres:latest@${D}`],
  ])('%s', (text, pinned) => {
    expect(formatPinnedRef(text, D)).toBe(pinned);
  });

  it('is stable when applied to its own output', () => {
    const once = formatPinnedRef('qdrant/qdrant:v1.9.2', D);
    expect(formatPinnedRef(once, D)).toBe(once);
  });
});

describe('transport choice', () => {
  it.each([
    ['127.0.0.1:5000', [], 'http://127.0.0.1:5000'],
    ['127.1.2.3', [], 'http://127.1.2.3'],
    ['localhost:5000', [], 'http://localhost:5000'],
    ['[::1]:5000', [], 'http://[::1]:5000'],
    ['ghcr.io', [], 'https://ghcr.io'],
    ['10.0.0.5:5000', [], 'https://10.0.0.5:5000'],
    ['10.0.0.5:5000', ['10.0.0.5:5000'], 'http://10.0.0.5:5000'],
    ['10.0.0.5:5000', ['http://10.0.0.5'], 'http://10.0.0.5:5000'],
    ['10.0.0.5:5000', ['10.0.0.5:6000'], 'https://10.0.0.5:5000'],
    ['127.evil.example', [], 'https://127.evil.example'],
  ])('%s with insecure %j → %s', (host, insecure, url) => {
    expect(registryBaseUrl(host, insecure)).toBe(url);
  });

  it('treats only loopback names as local', () => {
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
    expect(isLoopbackHost('LOCALHOST:80')).toBe(true);
  });
});

describe('parseChallenges', () => {
  it('reads Docker Hub’s bearer challenge', () => {
    expect(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/postgres:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/postgres:pull' } },
    ]);
  });

  it('reads several challenges, unquoted values and escapes', () => {
    expect(parseChallenges('Basic realm="a \\"b\\"", Bearer realm=https://x/t, error=invalid_token')).toEqual([
      { scheme: 'basic', params: { realm: 'a "b"' } },
      { scheme: 'bearer', params: { realm: 'https://x/t', error: 'invalid_token' } },
    ]);
  });

  it('ignores garbage', () => {
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges('=,,')).toEqual([]);
  });
});
