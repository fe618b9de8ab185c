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
  // The deepest target wins; among equals, the first (mounts before image volumes).
  let best: string | undefined;
  let mount: VolumeMount | undefined;
  for (const m of mounts) {
    const target = normalize(m.target);
    if (holds(target, dir) && (best === undefined || target.length > best.length)) {
      best = target;
      mount = m;
    }
  }
  let volume: string | undefined;
  for (const v of imageVolumes) {
    const target = normalize(v);
    if (!holds(target, dir) || (best !== undefined && target.length <= best.length)) continue;
    if (mounts.some((m) => normalize(m.target) === target)) continue;
    best = target;
    volume = target;
  }
  if (volume !== undefined) return { kind: 'image-volume', volume };
  return mount ? classify(mount) : { kind: 'container-layer' };
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
  return holds(normalize(parent), normalize(child));
}

/** `contains` for paths already normalised. */
function holds(p: string, c: string): boolean {
  return p === c || p === '/' || (c.length > p.length && c.charCodeAt(p.length) === 47 && c.startsWith(p));
}
