import type { Presence } from '../images/facts.js';
import type { EffectiveImage } from './effective-image.js';

/**
 * Whether a service's container has a healthcheck: from compose, else the Dockerfile stage
 * chain, else the image's own HEALTHCHECK. `unknown` when the image is not known to declare
 * one or not.
 */
export function hasHealthcheck(image: EffectiveImage | undefined): Presence {
  if (!image) return 'unknown';
  if (image.healthcheck) return image.healthcheck.value.disabled ? 'no' : 'yes';
  return image.facts?.imageHealthcheck === false ? 'no' : 'unknown';
}

/** The healthcheck was switched off (`disable: true`, `test: [NONE]`, `HEALTHCHECK NONE`). */
export function healthcheckDisabled(image: EffectiveImage | undefined): boolean {
  return image?.healthcheck?.value.disabled === true;
}
