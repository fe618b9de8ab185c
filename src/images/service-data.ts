import type { Service } from '../compose/model.js';
import { memoized } from '../memo.js';
import { dataDirs, findKnownImage, imageVolumes, layoutFor, type DataDir, type Env } from './known-images.js';

export interface ServiceData {
  dirs: readonly DataDir[];
  volumes: readonly string[];
}

const NONE: ServiceData = { dirs: [], volumes: [] };

/**
 * Data dirs of a service's pulled image; a service that builds runs its own image, linked later.
 * Several rules ask about each service; the answer depends on the service alone.
 */
export const knownDataDirs = memoized((service: Service): ServiceData => {
  const image = service.build ? undefined : service.image;
  const known = image && findKnownImage(image);
  if (!image || !known) return NONE;
  // Read only what the layout can be moved by (most layouts: one variable, or nothing).
  const rules = layoutFor(known, image.tag)?.dirs ?? [];
  const names = rules.flatMap((d) => d.env ?? []);
  const env: Env = {};
  // The last entry of a name wins, as in the environment itself.
  if (names.length) for (const e of service.environment) if (names.includes(e.name)) env[e.name] = e.value;
  const argv = rules.some((d) => d.flags || d.argsAfter) ? (service.command?.argv ?? []) : [];
  return {
    dirs: dataDirs(known, image.tag, env, argv),
    volumes: imageVolumes(known, image.tag),
  };
});
