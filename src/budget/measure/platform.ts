import { SourceError } from './types.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: Partial<Platform>;
  annotations?: Record<string, string>;
}

/** An image index or a Docker manifest list: both list manifests per platform. */
export interface IndexDoc {
  mediaType?: string;
  manifests?: Descriptor[];
}

export interface ManifestDoc {
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

export const DEFAULT_PLATFORM = 'linux/amd64';

/** `os/arch[/variant]` as `docker --platform` takes it. */
export function parsePlatform(text: string): Platform | undefined {
  const [os, architecture, variant, extra] = text.split('/');
  if (!os || !architecture || extra !== undefined || variant === '') return undefined;
  return { os, architecture, ...(variant && { variant }) };
}

function formatPlatform(p: Partial<Platform> | undefined): string {
  return [p?.os ?? '?', p?.architecture ?? '?', ...(p?.variant ? [p.variant] : [])].join('/');
}

/** True for a document listing manifests rather than layers. */
function isIndex(doc: ManifestDoc): boolean {
  return Array.isArray(doc.manifests) && !Array.isArray(doc.layers);
}

/**
 * The index entry for `platform`; a variant is matched only when asked for. Attestation
 * manifests (platform unknown/unknown) are never picked.
 */
function pickPlatform(index: IndexDoc, platform: Platform, where: string): Descriptor {
  const entries = (index.manifests ?? []).filter((m) => m.platform?.os !== 'unknown');
  const found = entries.find((m) => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture && (!platform.variant || m.platform?.variant === platform.variant))
    // A single entry without a platform (a layout's index) is the image.
    ?? (entries.length === 1 && !entries[0]!.platform ? entries[0] : undefined);
  if (!found) {
    const have = entries.map((m) => formatPlatform(m.platform)).join(', ') || 'none';
    throw new SourceError(`${where} has no image for ${formatPlatform(platform)} (it has: ${have}); choose one with --platform`);
  }
  return found;
}

/** Follows indexes (at most a few levels: a layout's index may point at a multi-platform one) to a manifest. */
export async function resolveToManifest(
  doc: ManifestDoc,
  load: (d: Descriptor) => Promise<ManifestDoc>,
  platform: Platform,
  where: string,
): Promise<ManifestDoc> {
  for (let depth = 0; depth < 4; depth++) {
    if (!isIndex(doc)) {
      if (!doc.config?.digest || !Array.isArray(doc.layers)) throw new SourceError(`${where}: the manifest names no config or layers`);
      return doc;
    }
    doc = await load(pickPlatform(doc, platform, where));
  }
  throw new SourceError(`${where}: image indexes nest too deeply`);
}
