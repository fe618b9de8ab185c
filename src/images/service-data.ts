import type { Service } from '../compose/model.js';
import { dataDirs, findKnownImage, imageVolumes, type DataDir } from './known-images.js';

/** Data dirs of a service's pulled image; a service that builds runs its own image, linked later. */
export function knownDataDirs(service: Service): { dirs: DataDir[]; volumes: string[] } {
  const image = service.build ? undefined : service.image;
  const known = image && findKnownImage(image);
  if (!image || !known) return { dirs: [], volumes: [] };
  const env = Object.fromEntries(service.environment.map((e) => [e.name, e.value]));
  return {
    dirs: dataDirs(known, image.tag, env, service.command?.argv ?? []),
    volumes: imageVolumes(known, image.tag),
  };
}
