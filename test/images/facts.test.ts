import { describe, expect, it } from 'vitest';
import { isBaseImage, lookupImage, type ImageFacts } from '../../src/images/facts.js';
import { parseImageRef } from '../../src/images/ref.js';
import { inRange } from '../../src/images/version.js';

function facts(text: string): ImageFacts {
  const found = lookupImage(parseImageRef(text)!);
  if (!found) throw new Error(`unknown image ${text}`);
  return found;
}

const tools = (text: string) => {
  const { curl, wget, nc, bash } = facts(text).binaries;
  return { curl, wget, nc, bash };
};

describe('inRange', () => {
  it.each([
    [[18], [18], undefined, true],
    [[17, 2], [18], undefined, false],
    [[8, 15, 5], [8], [8, 15], true],
    [[8, 16], [8], [8, 15], false],
    [[3, 5, 7], [3, 5, 7], undefined, true],
    [[3, 5, 6], [3, 5, 7], undefined, false],
    [[3, 5], [3, 5, 7], undefined, undefined],
    [[3, 4], [3, 5, 7], undefined, false],
    [[2023, 11, 1], undefined, [2023, 10, 25], false],
  ] as const)('%j in [%j, %j] → %s', (version, since, until, want) => {
    expect(inRange([...version], since && [...since], until && [...until])).toBe(want);
  });
});

describe('lookupImage', () => {
  it('is undefined for images not in the table', () => {
    expect(lookupImage({ repository: 'myorg/api', tag: '1.0' })).toBeUndefined();
    expect(lookupImage({ registry: 'ghcr.io', repository: 'someone/postgres', tag: '16' })).toBeUndefined();
  });

  it('postgres 17 and 18: same user and probe, different data dirs', () => {
    const pg17 = facts('postgres:17.2');
    const pg18 = facts('postgres:18');
    for (const pg of [pg17, pg18]) {
      expect(pg.user).toBe('root');
      expect(pg.userNote).toMatch(/steps down to postgres/);
      expect(pg.healthcheck?.test?.[1]).toMatch(/^pg_isready/);
      expect(pg.ports).toEqual([5432]);
    }
    expect(pg17.version).toEqual([17, 2]);
    expect(pg17.dataDirs.map((d) => d.path)).toEqual(['/var/lib/postgresql/data']);
    expect(pg18.dataDirs.map((d) => d.mountAt)).toEqual(['/var/lib/postgresql']);
    expect(pg18.volumes).toEqual(['/var/lib/postgresql']);
  });

  it('postgres on Debian has neither curl nor wget; on Alpine busybox wget and nc, and bash', () => {
    expect(tools('postgres:17')).toEqual({ curl: 'no', wget: 'no', nc: 'no', bash: 'yes' });
    expect(tools('postgres:17-alpine')).toEqual({ curl: 'no', wget: 'yes', nc: 'yes', bash: 'yes' });
  });

  it('chroma 0.x is a python image; 1.x has bash but no python or wget, and curl is not known', () => {
    const old = facts('chromadb/chroma:0.5.23');
    const now = facts('chromadb/chroma:1.0.15');
    expect(old.binaries.python).toBe('yes');
    expect(now.binaries).toMatchObject({ python: 'no', wget: 'no', bash: 'yes', curl: 'unknown' });
    expect(now.healthcheck?.test).toEqual(['CMD', 'bash', '-c', 'echo > /dev/tcp/localhost/8000']);
    expect(facts('chromadb/chroma:latest').binaries.python).toBe('no');
    expect(now.notes.join()).toMatch(/curl left unknown/);
  });

  it('python full, slim and alpine differ in curl, wget, nc and bash', () => {
    expect(tools('python:3.12')).toEqual({ curl: 'yes', wget: 'yes', nc: 'unknown', bash: 'yes' });
    expect(tools('python:3.12-slim')).toEqual({ curl: 'no', wget: 'no', nc: 'no', bash: 'yes' });
    expect(tools('python:3.12-slim-bookworm')).toEqual({ curl: 'no', wget: 'no', nc: 'no', bash: 'yes' });
    expect(tools('python:3.12-alpine')).toEqual({ curl: 'no', wget: 'yes', nc: 'yes', bash: 'no' });
    expect(tools('python:3.12-alpine3.21')).toEqual({ curl: 'no', wget: 'yes', nc: 'yes', bash: 'no' });
    expect(facts('python:3.12-slim').binaries.python).toBe('yes');
    expect(facts('python:3.12').isBaseImage).toBe(true);
  });

  it('node slim has no curl; node alpine has busybox wget', () => {
    expect(tools('node:22')).toMatchObject({ curl: 'yes', wget: 'yes' });
    expect(tools('node:22-slim')).toMatchObject({ curl: 'no', wget: 'no' });
    expect(tools('node:22-alpine3.21')).toMatchObject({ curl: 'no', wget: 'yes', bash: 'no' });
    expect(facts('node:22').userNote).toMatch(/node user/);
  });

  it('distroless has no shell; its debug tags have busybox sh; nonroot tags run as 65532', () => {
    const plain = facts('gcr.io/distroless/static-debian12');
    expect(plain.shell).toBe('no');
    expect(plain.user).toBe('root');
    expect(plain.binaries.curl).toBe('no');
    const debug = facts('gcr.io/distroless/base-debian12:debug');
    expect(debug.shell).toBe('yes');
    expect(debug.binaries.wget).toBe('unknown');
    expect(facts('gcr.io/distroless/cc-debian12:nonroot')).toMatchObject({ user: '65532', shell: 'no' });
    expect(facts('gcr.io/distroless/static-debian12:debug-nonroot')).toMatchObject({ user: '65532', shell: 'yes' });
    expect(facts('gcr.io/distroless/python3-debian12').binaries).toMatchObject({ python: 'yes', sh: 'no' });
    expect(facts('gcr.io/distroless/nodejs22-debian12').binaries).toMatchObject({ node: 'yes', sh: 'no' });
  });

  it('scratch has nothing at all', () => {
    const s = facts('scratch');
    expect(s.isBaseImage).toBe(true);
    expect(Object.values(s.binaries).every((p) => p === 'no')).toBe(true);
  });

  it('qdrant has neither curl nor wget and probes with bash', () => {
    const q = facts('qdrant/qdrant:v1.12.4');
    expect(q.binaries).toMatchObject({ curl: 'no', wget: 'no', bash: 'yes' });
    expect(q.healthcheck?.test?.[1]).toMatch(/\/dev\/tcp\/127\.0\.0\.1\/6333/);
    expect(q.user).toBe('0:0');
    expect(facts('qdrant/qdrant:v1.13.0-gpu-nvidia').gpu).toBe('nvidia');
    expect(q.gpu).toBeUndefined();
  });

  it('minio dropped curl with RELEASE.2023-11-01, and an untagged minio cannot tell', () => {
    expect(facts('minio/minio:RELEASE.2023-10-25T06-33-25Z').binaries.curl).toBe('yes');
    const now = facts('minio/minio:RELEASE.2024-05-28T17-19-04Z');
    expect(now.binaries.curl).toBe('no');
    expect(now.healthcheck?.test).toEqual(['CMD', 'mc', 'ready', 'local']);
    const untagged = facts('minio/minio');
    expect(untagged.binaries.curl).toBe('unknown');
    expect(untagged.healthcheck).toBeUndefined();
    expect(untagged.ports).toEqual([9000]);
  });

  it('etcd lost its shell with 3.5.7', () => {
    expect(facts('quay.io/coreos/etcd:v3.5.5').shell).toBe('unknown');
    expect(facts('quay.io/coreos/etcd:v3.5.18').shell).toBe('no');
    expect(facts('quay.io/coreos/etcd:v3.5.18').healthcheck?.test).toEqual(['CMD', 'etcdctl', 'endpoint', 'health']);
  });

  it('litellm: wget in 1.63, gone by 1.80.5, unknown between; curl never', () => {
    expect(facts('ghcr.io/berriai/litellm:main-v1.63.11-stable').binaries).toMatchObject({ wget: 'yes', curl: 'no', python: 'yes' });
    expect(facts('ghcr.io/berriai/litellm:v1.80.5-stable').binaries.wget).toBe('no');
    expect(facts('ghcr.io/berriai/litellm:v1.70.0-stable').binaries.wget).toBe('unknown');
    expect(facts('ghcr.io/berriai/litellm:main-latest').binaries.wget).toBe('unknown');
  });

  it('ollama: no curl, probe with ollama list, rocm tag for AMD', () => {
    const o = facts('ollama/ollama:0.5.7');
    expect(o.binaries.curl).toBe('no');
    expect(o.healthcheck?.test).toEqual(['CMD', 'ollama', 'list']);
    expect(o.gpu).toBe('nvidia');
    expect(facts('ollama/ollama:rocm').gpu).toBe('amd');
    expect(o.gpuVariants).toEqual([{ tag: '(^|-)rocm$', gpu: 'amd' }]);
    expect(o.dataDirs.map((d) => d.path)).toEqual(['/root/.ollama']);
  });

  it('open-webui has curl and declares its own healthcheck', () => {
    const w = facts('ghcr.io/open-webui/open-webui:v0.6.5');
    expect(w.binaries.curl).toBe('yes');
    expect(w.imageHealthcheck).toBe(true);
    expect(w.user).toBe('0:0');
    expect(facts('ghcr.io/open-webui/open-webui:cuda').gpu).toBe('nvidia');
  });

  it('nginx: curl on Debian and Alpine, not on alpine-slim', () => {
    expect(facts('nginx:1.27').binaries.curl).toBe('yes');
    expect(facts('nginx:1.27-alpine').binaries).toMatchObject({ curl: 'yes', wget: 'yes' });
    const slim = facts('nginx:1.27-alpine-slim');
    expect(slim.binaries).toMatchObject({ curl: 'no', wget: 'yes' });
    expect(slim.healthcheck?.test?.[1]).toBe('wget');
  });

  it('caddy and traefik are alpine images without curl', () => {
    expect(tools('caddy:2.10')).toEqual({ curl: 'no', wget: 'yes', nc: 'yes', bash: 'no' });
    expect(facts('traefik:v3.6').healthcheck?.test).toEqual(['CMD', 'traefik', 'healthcheck', '--ping']);
  });

  it('tika runs as 35002 since 2.6', () => {
    expect(facts('apache/tika:2.9.2.1').user).toBe('35002:35002');
    expect(facts('apache/tika:2.9.2.1-full').binaries.wget).toBe('yes');
    expect(facts('apache/tika:1.28').user).toBeUndefined();
  });

  it('elasticsearch 8.x up to 8.15 runs as 1000:0 with curl', () => {
    expect(facts('docker.elastic.co/elasticsearch/elasticsearch:8.15.5')).toMatchObject({ user: '1000:0' });
    expect(facts('elasticsearch:8.11.1').binaries.curl).toBe('yes');
    expect(facts('elasticsearch:9.0.0').binaries.curl).toBe('unknown');
  });

  it('carries the evidence of the variants that applied', () => {
    const slim = facts('python:3.12-slim');
    expect(slim.evidence.some((e) => e.includes('slim-bookworm'))).toBe(true);
    expect(facts('python:3.12').evidence.some((e) => e.includes('slim-bookworm'))).toBe(false);
  });
});

describe('isBaseImage', () => {
  it.each([
    ['python:3.12-slim', true],
    ['docker.io/library/debian:bookworm', true],
    ['gcr.io/distroless/static-debian12:nonroot', true],
    ['scratch', true],
    ['postgres:17', false],
    ['myorg/api:1', false],
  ])('%s → %s', (text, want) => expect(isBaseImage(parseImageRef(text)!)).toBe(want));
});
