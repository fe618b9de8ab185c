import { describe, expect, it } from 'vitest';
import { tagProblem } from '../../src/images/moving-tags.js';

describe('tagProblem', () => {
  it.each([
    ['redis', undefined, { kind: 'untagged' }],
    ['chromadb/chroma', 'latest', { kind: 'moving', word: 'latest' }],
    ['app', 'LATEST', { kind: 'moving', word: 'latest' }],
    ['ghcr.io/x/y', 'main', { kind: 'moving', word: 'main' }],
    ['x', 'nightly', { kind: 'moving', word: 'nightly' }],
    ['timescale/timescaledb', 'latest-pg17', { kind: 'moving', word: 'latest' }],
    ['x', 'pg17-latest', { kind: 'moving', word: 'latest' }],
    ['node', 'lts-alpine3.20', { kind: 'moving', word: 'lts' }],
    ['nginx', 'stable-alpine', { kind: 'moving', word: 'stable' }],
    ['nginx', 'alpine', { kind: 'no-version' }],
    ['ollama/ollama', 'rocm', { kind: 'no-version' }],
    ['python', 'bookworm', { kind: 'no-version' }],
  ])('%s:%s', (repo, tag, want) => expect(tagProblem(repo, tag)).toEqual(want));

  it.each([
    ['redis', '7-alpine'],
    ['postgres', '16.4'],
    ['ghcr.io/x/y', 'main-3f2a1bc9'],
    ['x', 'nightly-20240501'],
    ['minio/minio', 'RELEASE.2024-05-28T17-19-04Z'],
    ['debian', 'bookworm-slim'],
    ['ubuntu', 'noble'],
    ['pgvector/pgvector', 'pg17'],
  ])('%s:%s is pinned', (repo, tag) => expect(tagProblem(repo, tag)).toBeUndefined());
});
