import type { Rule } from '../src/engine/types.js';
import composeSchema from './compose/compose-schema.js';
import buildTargetExists from './stack/build-target-exists.js';
import namedVolumeForData from './compose/named-volume-for-data.js';
import noHardcodedSecret from './compose/no-hardcoded-secret.js';
import noHostPathDependence from './compose/no-host-path-dependence.js';
import noRuntimeInstall from './compose/no-runtime-install.js';
import noSourceBindMount from './compose/no-source-bind-mount.js';
import noVersionField from './compose/no-version-field.js';
import pinnedImageTag from './compose/pinned-image-tag.js';
import unusedDisable from './compose/unused-disable.js';
import volumeDeclared from './compose/volume-declared.js';

/** Every rule, sorted by id. */
export const allRules: readonly Rule[] = [
  buildTargetExists,
  composeSchema,
  namedVolumeForData,
  noHardcodedSecret,
  noHostPathDependence,
  noRuntimeInstall,
  noSourceBindMount,
  noVersionField,
  pinnedImageTag,
  unusedDisable,
  volumeDeclared,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
