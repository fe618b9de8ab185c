import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/known-images.schema.json' with { type: 'json' };
import data from '../../src/images/known-images.json' with { type: 'json' };

// A healthcheck `test` is a tuple with an open tail (`CMD` or `CMD-SHELL`, then strings).
const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);

/** One line per problem, with the JSON path of the bad entry, so a CI failure says where. */
function problems(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

type Entry = (typeof data.images)[number] & { variants?: Array<{ when: { tag?: string } }>; versionPattern?: string };
const images = data.images as Entry[];

describe('known-images.json', () => {
  it('matches schemas/known-images.schema.json', () => {
    expect(problems(data)).toEqual([]);
  });

  it('reports a bad entry with its path', () => {
    const bad = structuredClone(data) as { images: Array<Record<string, unknown>> };
    (bad.images[2]!.facts as { binaries?: Record<string, unknown> }) = { binaries: { curl: 'maybe' } };
    bad.images[3]!.colour = 'blue';
    const found = problems(bad);
    expect(found).toContain('/images/2/facts/binaries/curl must be boolean,null');
    expect(found).toContain('/images/3 must NOT have additional properties');
  });

  it('holds regexes that compile', () => {
    for (const image of images) {
      if (image.versionPattern) expect(() => new RegExp(image.versionPattern!), image.id).not.toThrow();
      for (const v of image.variants ?? []) if (v.when.tag) expect(() => new RegExp(v.when.tag!), image.id).not.toThrow();
    }
  });

  it('shares layouts only with images that have their own', () => {
    for (const image of images as Array<Entry & { layoutsFrom?: string }>) {
      if (!image.layoutsFrom) continue;
      const source = images.find((i) => i.id === image.layoutsFrom) as { layouts?: unknown[] } | undefined;
      expect(source?.layouts?.length, `${image.id} takes layouts from ${image.layoutsFrom}`).toBeGreaterThan(0);
    }
  });

  it('names each repository glob once', () => {
    const globs = images.flatMap((i) => i.repositories);
    expect(globs.length).toBe(new Set(globs).size);
  });

  it('covers the RAG stack and the base images', () => {
    const ids = new Set(images.map((i) => i.id));
    for (const id of ['postgres', 'pgvector', 'redis', 'valkey', 'qdrant', 'chroma', 'milvus', 'weaviate', 'elasticsearch', 'opensearch', 'ollama', 'open-webui', 'litellm', 'tika', 'minio', 'etcd', 'nginx', 'caddy', 'traefik']) {
      expect(ids, id).toContain(id);
    }
    for (const id of ['python', 'node', 'debian', 'ubuntu', 'alpine', 'busybox', 'distroless', 'distroless-python3', 'distroless-nodejs', 'scratch']) {
      expect(images.find((i) => i.id === id)?.base, id).toBe(true);
    }
  });
});
