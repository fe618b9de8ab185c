import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layersFromConfig, parseConfig } from './image-config.js';
import { measureLayer } from './layer-size.js';
import { resolveToManifest, type Descriptor, type IndexDoc, type ManifestDoc, type Platform } from './platform.js';
import { parseJson, SourceError, type MeasuredImage } from './types.js';

const REF_NAME = 'org.opencontainers.image.ref.name';
/** containerd and `docker save` name images in full (`docker.io/library/app:1`). */
const CONTAINERD_NAME = 'io.containerd.image.name';

/** True when `path` (or `path` before a `:ref` suffix) is an OCI image layout directory. */
export function ociLayoutPath(text: string): { dir: string; ref?: string } | undefined {
  const isLayout = (dir: string): boolean => existsSync(join(dir, 'oci-layout')) || (existsSync(join(dir, 'index.json')) && statSync(dir).isDirectory());
  if (isLayout(text)) return { dir: text };
  const colon = text.lastIndexOf(':');
  if (colon > 0 && isLayout(text.slice(0, colon))) return { dir: text.slice(0, colon), ref: text.slice(colon + 1) };
  return undefined;
}

function blobPath(dir: string, digest: string): string {
  const [alg, hex] = digest.split(':');
  if (!alg || !hex || !/^[a-z0-9]+$/.test(alg) || !/^[a-f0-9]+$/.test(hex)) throw new SourceError(`${dir}: invalid digest "${digest}"`);
  return join(dir, 'blobs', alg, hex);
}

async function readJson<T>(path: string, where: string): Promise<T> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new SourceError(`${where}: cannot read ${path}`);
  });
  return parseJson(text, `${where}: ${path} is not JSON`) as T;
}

/** The top-level entry named `ref` (by its ref name, or the tag of its full image name); the only one when no ref is given. */
function selectEntry(index: IndexDoc, dir: string, ref: string | undefined): Descriptor {
  const entries = index.manifests ?? [];
  const names = (d: Descriptor): string[] => [d.annotations?.[REF_NAME], d.annotations?.[CONTAINERD_NAME]].filter((n): n is string => !!n);
  if (ref === undefined) {
    if (entries.length === 1) return entries[0]!;
    const all = entries.flatMap(names);
    throw new SourceError(`${dir} holds ${entries.length} images; name one as ${dir}:<ref>${all.length ? ` (refs: ${all.join(', ')})` : ''}`);
  }
  const found = entries.find((d) => names(d).some((n) => n === ref || n.endsWith(`:${ref}`)));
  if (!found) throw new SourceError(`${dir} has no image named "${ref}"${entries.length ? ` (refs: ${entries.flatMap(names).join(', ') || 'none'})` : ''}`);
  return found;
}

/** Reads index.json → manifest (following an index to `platform`) → config, and measures each layer blob. */
export async function measureOciLayout(dir: string, ref: string | undefined, platform: Platform): Promise<MeasuredImage> {
  const where = ref === undefined ? dir : `${dir}:${ref}`;
  const index = await readJson<IndexDoc>(join(dir, 'index.json'), where);
  const entry = selectEntry(index, dir, ref);
  const load = (d: Descriptor): Promise<ManifestDoc> => readJson<ManifestDoc>(blobPath(dir, d.digest), where);
  const manifest = await resolveToManifest(await load(entry), load, platform, where);
  const config = parseConfig(await readFile(blobPath(dir, manifest.config!.digest), 'utf8').catch(() => {
    throw new SourceError(`${where}: the config blob ${manifest.config!.digest} is missing`);
  }), where);
  const sizes: number[] = [];
  for (const layer of manifest.layers!) {
    const path = blobPath(dir, layer.digest);
    if (!existsSync(path)) throw new SourceError(`${where}: the layer blob ${layer.digest} is missing`);
    sizes.push(await measureLayer(createReadStream(path)));
  }
  return layersFromConfig(config, sizes);
}
