import { defineRule } from '../../src/engine/types.js';

/** Reported while linking services to their Dockerfiles (src/stack/link.ts): no check here. */
export default defineRule({
  meta: {
    id: 'build-target-exists',
    category: 'schema',
    summary: 'A service that builds names a Dockerfile that exists and a target stage it defines',
    severity: 'error',
  },
});
