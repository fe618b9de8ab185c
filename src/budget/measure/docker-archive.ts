import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { layersFromConfig, parseConfig } from './image-config.js';
import { measureLayer } from './layer-size.js';
import { indexTarFile, normalizeName, type TarEntry } from './tar.js';
import { parseJson, SourceError, type MeasuredImage } from './types.js';

interface SaveManifest {
  Config?: string;
  RepoTags?: string[] | null;
  Layers?: string[];
}

/** Follows a symlink entry (`<id>/layer.tar -> ../<diff>.tar`, as skopeo writes) to the file. */
function resolveEntry(entries: Map<string, TarEntry>, name: string, where: string): TarEntry {
  let key = normalizeName(name);
  for (let hops = 0; hops < 8; hops++) {
    const entry = entries.get(key);
    if (!entry) break;
    if (entry.type !== '2') return entry;
    key = normalizeName(posix.normalize(posix.join(posix.dirname(key), entry.linkName)));
  }
  throw new SourceError(`${where}: the archive has no ${name}`);
}

async function readEntry(path: string, entry: TarEntry): Promise<string> {
  const file = await open(path, 'r');
  try {
    const data = Buffer.alloc(entry.size);
    await file.read(data, 0, entry.size, entry.offset);
    return data.toString('utf8');
  } finally {
    await file.close();
  }
}

/**
 * A `docker save` tarball: manifest.json names the config and the layer tars of each image.
 * `tag` picks one of several images by its RepoTags entry.
 */
export async function measureDockerArchive(path: string, tag?: string): Promise<MeasuredImage> {
  const entries = await indexTarFile(path);
  const manifestEntry = entries.get('manifest.json');
  if (!manifestEntry) throw new SourceError(`${path} is a tar archive without manifest.json: not a \`docker save\` tarball`);
  const manifests = parseJson(await readEntry(path, manifestEntry), `${path}: manifest.json is not JSON`) as SaveManifest[];
  if (!Array.isArray(manifests) || !manifests.length) throw new SourceError(`${path}: manifest.json lists no image`);
  const tags = (m: SaveManifest): string[] => m.RepoTags ?? [];
  let image: SaveManifest | undefined;
  if (tag !== undefined) {
    image = manifests.find((m) => tags(m).some((t) => t === tag || t.endsWith(`/${tag}`)));
    if (!image) throw new SourceError(`${path} has no image tagged "${tag}" (tags: ${manifests.flatMap(tags).join(', ') || 'none'})`);
  } else if (manifests.length === 1) image = manifests[0]!;
  else throw new SourceError(`${path} holds ${manifests.length} images; name one with ${path}:<tag> (tags: ${manifests.flatMap(tags).join(', ')})`);
  if (!image.Config || !Array.isArray(image.Layers)) throw new SourceError(`${path}: manifest.json names no config or layers`);
  const config = parseConfig(await readEntry(path, resolveEntry(entries, image.Config, path)), path);
  const sizes: number[] = [];
  for (const layer of image.Layers) {
    const entry = resolveEntry(entries, layer, path);
    sizes.push(entry.size === 0 ? 0 : await measureLayer(createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 })));
  }
  return layersFromConfig(config, sizes);
}
