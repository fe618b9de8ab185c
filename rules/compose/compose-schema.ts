import { defineRule } from '../../src/engine/types.js';

/** Reported while loading (src/compose/validate.ts, interpolation, include, extends): no check here. */
export default defineRule({
  meta: {
    id: 'compose-schema',
    category: 'schema',
    summary: 'Compose files follow the Compose Specification: known keys, right types, resolvable variables',
    severity: 'error',
    alwaysOn: true,
  },
});
