import picomatch from 'picomatch';
import { defineRule } from '../../src/engine/types.js';

/** Docker Hub is the registry of every reference that names none. */
const DOCKER_HUB = 'docker.io';

export default defineRule({
  meta: {
    id: 'allowed-registry',
    category: 'images',
    summary: 'Images and FROM base images come only from the registries the project trusts',
    severity: 'error',
    recommended: false,
    peers: { hadolint: ['DL3026'] },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        registries: {
          description: 'Registry hosts (globs, `docker.io` for Docker Hub) images may come from; empty: any',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
      },
    },
    defaultOptions: { registries: [] },
  },
  check({ stack, options, report }) {
    const trusted = trustedMatcher(options);
    if (!trusted) return;
    for (const service of stack.services) {
      const ref = service.image;
      // A built image is named here, not pulled from anywhere (pinned-image-tag covers its tag).
      if (!ref || service.build) continue;
      const registry = ref.registry ?? DOCKER_HUB;
      if (!trusted.match(registry)) report({ span: ref.span, message: `${service.name} pulls ${ref.text} from ${registry}, which is not a trusted registry (${trusted.list})` });
    }
  },
  checkDockerfile({ dockerfile, options, report }) {
    const trusted = trustedMatcher(options);
    if (!trusted) return;
    for (const stage of dockerfile.stages) {
      const base = stage.base;
      if (base.kind !== 'image') continue;
      const registry = base.ref.registry ?? DOCKER_HUB;
      if (!trusted.match(registry)) report({ span: base.span, message: `FROM ${base.text} comes from ${registry}, which is not a trusted registry (${trusted.list})` });
    }
  },
});

function trustedMatcher(options: Record<string, unknown>): { match: (registry: string) => boolean; list: string } | undefined {
  const registries = (options.registries as string[] | undefined) ?? [];
  if (registries.length === 0) return undefined;
  return { match: picomatch(registries), list: registries.join(', ') };
}
