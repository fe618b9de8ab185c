import type { VolumeMount } from '../compose/model.js';
import { normalize } from './data-dirs.js';

/**
 * Where a directory's files end up once the container runs. Docker stacks mounts: the deepest
 * mount whose target contains the path wins, and an image `VOLUME` that no mount replaces
 * exactly becomes an anonymous volume (so a named volume at a parent of a VOLUME path is
 * shadowed: postgres ≤17 with a mount at /var/lib/postgresql).
 */
export type Placement =
  | { kind: 'named'; mount: VolumeMount }
  | { kind: 'bind'; mount: VolumeMount }
  | { kind: 'anonymous'; mount: VolumeMount }
  | { kind: 'tmpfs'; mount: VolumeMount }
  | { kind: 'other'; mount: VolumeMount }
  | { kind: 'image-volume'; volume: string }
  | { kind: 'container-layer' };

export function placeData(path: string, mounts: readonly VolumeMount[], imageVolumes: readonly string[]): Placement {
  const dir = normalize(path);
  let best: { target: string; placement: Placement } | undefined;
  const consider = (target: string, placement: Placement) => {
    if (!contains(target, dir)) return;
    if (!best || target.length > best.target.length) best = { target, placement };
  };
  const targets = new Set<string>();
  for (const mount of mounts) {
    const target = normalize(mount.target);
    targets.add(target);
    consider(target, classify(mount));
  }
  for (const v of imageVolumes) {
    const target = normalize(v);
    if (!targets.has(target)) consider(target, { kind: 'image-volume', volume: target });
  }
  return best?.placement ?? { kind: 'container-layer' };
}

function classify(mount: VolumeMount): Placement {
  switch (mount.type) {
    case 'bind':
      return { kind: 'bind', mount };
    case 'volume':
      return mount.source ? { kind: 'named', mount } : { kind: 'anonymous', mount };
    case 'tmpfs':
      return { kind: 'tmpfs', mount };
    default:
      return { kind: 'other', mount };
  }
}

/** `parent` is `child` or one of its ancestors. */
export function contains(parent: string, child: string): boolean {
  const p = normalize(parent);
  const c = normalize(child);
  return p === c || p === '/' || c.startsWith(`${p}/`);
}
