import { INTERNAL_ROLES, type ImageRole } from '../images/facts.js';
import type { EffectiveImage } from './effective-image.js';

/**
 * The role of a service that only its stack should reach (a database, a model server…), from
 * the image it pulls or the known image its build starts FROM; undefined for others and for
 * images nothing is known about.
 */
export function internalRole(image: EffectiveImage | undefined): ImageRole | undefined {
  const role = image?.facts?.role;
  return role && INTERNAL_ROLES.has(role) ? role : undefined;
}
