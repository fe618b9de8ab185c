import type { MeasuredImage, MeasuredLayer } from './types.js';
import { parseJson, SourceError } from './types.js';

/** The parts of an OCI / Docker image config this reads. */
export interface ImageConfig {
  rootfs?: { diff_ids?: string[] };
  history?: { created_by?: string; empty_layer?: boolean }[];
}

export function parseConfig(text: string, where: string): ImageConfig {
  const error = `${where}: the image config is not JSON`;
  const parsed = parseJson(text, error);
  if (parsed && typeof parsed === 'object') return parsed as ImageConfig;
  throw new SourceError(error);
}

/**
 * Pairs the config's history with its layers: each step not marked `empty_layer` made the
 * next layer. When the history does not account for every layer (hand-made images), the
 * layers stand alone without a `created_by`.
 */
export function layersFromConfig(config: ImageConfig, sizes: readonly number[]): MeasuredImage {
  const history = Array.isArray(config.history) ? config.history : [];
  const diffIds = config.rootfs?.diff_ids ?? [];
  const steps = history.filter((h) => !h.empty_layer).length;
  if (steps !== sizes.length) {
    return { layers: sizes.map((size, i) => ({ size, createdBy: '', ...(diffIds[i] && { digest: diffIds[i] }) })) };
  }
  const layers: MeasuredLayer[] = [];
  let next = 0;
  for (const h of history) {
    const createdBy = h.created_by ?? '';
    if (h.empty_layer) layers.push({ size: 0, createdBy, emptyLayer: true });
    else {
      const i = next++;
      layers.push({ size: sizes[i]!, createdBy, ...(diffIds[i] && { digest: diffIds[i] }) });
    }
  }
  return { layers };
}
