import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../src/images/ref.js';

describe('parseImageRef', () => {
  it.each([
    ['postgres', { repository: 'postgres' }],
    ['postgres:16.4-alpine', { repository: 'postgres', tag: '16.4-alpine' }],
    ['library/postgres:16', { repository: 'postgres', tag: '16' }],
    ['docker.io/library/postgres:16', { registry: 'docker.io', repository: 'postgres', tag: '16' }],
    ['registry-1.docker.io/library/redis', { registry: 'registry-1.docker.io', repository: 'redis' }],
    ['ghcr.io/chroma-core/chroma:1.0.15', { registry: 'ghcr.io', repository: 'chroma-core/chroma', tag: '1.0.15' }],
    ['localhost:5000/app:1.2', { registry: 'localhost:5000', repository: 'app', tag: '1.2' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['ghcr.io/library/thing', { registry: 'ghcr.io', repository: 'library/thing' }],
    ['redis@sha256:abc', { repository: 'redis', digest: 'sha256:abc' }],
    ['redis:7.4@sha256:abc', { repository: 'redis', tag: '7.4', digest: 'sha256:abc' }],
  ])('%s', (text, want) => expect(parseImageRef(text)).toEqual(want));

  it.each(['', '  ', 'redis:', 'a b', ':tag'])('rejects %j', (text) => expect(parseImageRef(text)).toBeUndefined());
});
