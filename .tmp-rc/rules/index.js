import composeSchema from './compose/compose-schema.js';
import noHostPathDependence from './compose/no-host-path-dependence.js';
import noSourceBindMount from './compose/no-source-bind-mount.js';
import noVersionField from './compose/no-version-field.js';
import unusedDisable from './compose/unused-disable.js';
import volumeDeclared from './compose/volume-declared.js';
/** Every rule, sorted by id. */
export const allRules = [
    composeSchema,
    noHostPathDependence,
    noSourceBindMount,
    noVersionField,
    unusedDisable,
    volumeDeclared,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
export const ruleIds = new Set(allRules.map((r) => r.meta.id));
export function findRule(id) {
    return allRules.find((r) => r.meta.id === id);
}
