import type { Service, VolumeMount } from '../compose/model.js';
import type { Span } from '../engine/types.js';
import { contains, type Placement } from './data-placement.js';
import type { DataDir } from './data-dirs.js';

export interface DataFinding {
  span: Span;
  message: string;
  /** The mount the finding is about, if any. */
  mount?: VolumeMount;
  /** Where the named volume belongs: the data dir's mount point, or the image VOLUME that shadows it. */
  mountAt: string;
}

/**
 * Turns a data directory that is not on a named volume into one finding, placed where the fix
 * goes: at the offending mount when there is one, else at the service's image.
 */
export function dataFinding(service: Service, dir: DataDir, placement: Placement, fallback: Span): DataFinding | undefined {
  // Checked before the message is built: most data already sits on a named volume.
  if (placement.kind === 'named' || placement.kind === 'other') return undefined;
  const subject = `${service.name} keeps ${dir.what} in ${dir.path}${dir.why.startsWith('the image default') ? '' : ` (${dir.why})`}`;
  const fix = `mount a named volume at ${dir.mountAt}`;
  const { mountAt } = dir;
  switch (placement.kind) {
    case 'bind':
      return {
        span: placement.mount.span,
        mount: placement.mount,
        mountAt,
        message: `${subject}, which is bind-mounted from the host path ${placement.mount.source || '(empty)'}: the data then depends on that host folder and its file ownership instead of a volume Docker manages; use a named volume`,
      };
    case 'anonymous':
      return {
        span: placement.mount.span,
        mount: placement.mount,
        mountAt,
        message: `${subject} on an anonymous volume, which a container created after \`docker compose down\` does not get back; give the volume a name and declare it under top-level volumes`,
      };
    case 'tmpfs':
      return { span: placement.mount.span, mount: placement.mount, mountAt, message: `${subject} on a tmpfs mount, so it is lost on every restart; ${fix}` };
  }
  const where =
    placement.kind === 'image-volume'
      ? `lands in the anonymous volume the image declares at ${placement.volume}, which \`docker compose down\` leaves behind`
      : 'stays in the container layer, which recreating the container discards';
  const legacy = service.volumes.find((m) => dir.legacy.some((l) => sameDir(m.target, l)) && !contains(m.target, dir.path));
  if (legacy) {
    const note = dir.legacyNote ? ` (${dir.legacyNote})` : '';
    return {
      span: legacy.span,
      mount: legacy,
      mountAt,
      message: `${subject}, not in ${legacy.target}: that is where older versions kept it${note}, so the data ${where}; ${fix}`,
    };
  }
  const shadowed = placement.kind === 'image-volume' && shadowedParent(service.volumes, dir.path);
  if (shadowed) {
    return {
      span: shadowed.span,
      mount: shadowed,
      mountAt: placement.volume,
      message: `${subject}, and the volume at ${shadowed.target} does not hold it: Docker mounts the image's VOLUME ${placement.volume} over it, so the data ${where}; mount the named volume at ${placement.volume}`,
    };
  }
  return { span: fallback, mountAt, message: `${subject}, and no named volume covers it, so the data ${where}; ${fix}` };
}

function sameDir(a: string, b: string): boolean {
  return contains(a, b) && contains(b, a);
}

/** A user mount at an ancestor of the data dir that an image VOLUME in between shadows. */
function shadowedParent(mounts: readonly VolumeMount[], path: string): VolumeMount | undefined {
  return mounts.find((m) => contains(m.target, path) && m.type === 'volume' && m.source);
}
