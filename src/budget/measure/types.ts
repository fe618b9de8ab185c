/**
 * "Layer size" everywhere in `ragcheck budget` is the uncompressed content a layer adds: the
 * sum of the sizes of the regular files in its tar (hard links and whiteouts count nothing).
 * It is the number `docker history` and `docker image ls` add up, and the only one all four
 * sources can report: a registry and an OCI layout store compressed blobs, `docker save`
 * stores uncompressed tars, and `docker history` prints no compressed size at all.
 */
export interface MeasuredLayer {
  /** The layer's uncompressed digest (config `rootfs.diff_ids`); absent for `docker history` and empty layers. */
  digest?: string;
  /** Uncompressed content bytes, see above; 0 for an empty layer. */
  size: number;
  /** The build step as the image history records it. */
  createdBy: string;
  /** A history step that changed only the config (ENV, CMD, …). */
  emptyLayer?: boolean;
}

export interface MeasuredImage {
  /** One entry per history step, oldest first; empty layers included. */
  layers: MeasuredLayer[];
}

/** An image source that cannot be read; the message is the one line shown to the user. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/** `text` as JSON; a SourceError saying `error` when it is not. */
export function parseJson(text: string, error: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SourceError(error);
  }
}
