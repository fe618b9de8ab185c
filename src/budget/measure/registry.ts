import { createClient, fetchBlob, fetchBlobText, fetchManifest, oneLine, pinnedDigest, toRegistryRef, type ClientOptions } from '../../registry/index.js';
import { layersFromConfig, parseConfig } from './image-config.js';
import { measureLayer } from './layer-size.js';
import { resolveToManifest, type Descriptor, type ManifestDoc, type Platform } from './platform.js';
import { SourceError, type MeasuredImage } from './types.js';

export const REGISTRY_SCHEME = 'registry://';

/**
 * `registry://host[:port]/name:tag` (or `@sha256:…`): the manifest, following an index or
 * manifest list to `platform`, then the config and every layer blob, streamed and measured.
 * Layers are downloaded whole: their uncompressed size is not written anywhere.
 */
export async function measureRegistryImage(source: string, platform: Platform, opts: ClientOptions): Promise<MeasuredImage> {
  const text = source.slice(REGISTRY_SCHEME.length);
  const parsed = toRegistryRef(text);
  if ('error' in parsed) throw new SourceError(parsed.error);
  const { ref } = parsed;
  const reference = pinnedDigest(text, ref) ?? ref.tag;
  try {
    const { transport, auth } = await createClient(opts);
    const load = async (d: Descriptor | string): Promise<ManifestDoc> => {
      const got = await fetchManifest(ref, typeof d === 'string' ? d : d.digest, transport, auth);
      return got.json as ManifestDoc;
    };
    const manifest = await resolveToManifest(await load(reference), load, platform, source);
    const config = parseConfig(await fetchBlobText(ref, manifest.config!.digest, transport, auth), source);
    const sizes: number[] = [];
    for (const layer of manifest.layers!) sizes.push(await measureLayer(await fetchBlob(ref, layer.digest, transport, auth)));
    return layersFromConfig(config, sizes);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`${source}: ${oneLine(err)}`);
  }
}
