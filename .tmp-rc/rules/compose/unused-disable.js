import { defineRule } from '../../src/engine/types.js';
/** Reported by the engine's suppression pass (src/engine/suppressions.ts): no check here. */
export default defineRule({
    meta: {
        id: 'unused-disable',
        category: 'ops',
        summary: 'Every ragcheck-disable comment suppresses something and names a real rule',
        severity: 'warning',
    },
});
