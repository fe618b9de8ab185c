import picomatch from 'picomatch';
import type { ImageRef, Service } from '../../src/compose/model.js';
import { get, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';
import { imageKey } from '../../src/images/known-images.js';
import { tagProblem, type TagProblem } from '../../src/images/moving-tags.js';

export default defineRule({
  meta: {
    id: 'pinned-image-tag',
    category: 'images',
    summary: 'Images are pinned to an explicit version, never untagged, :latest or another moving tag',
    severity: 'error',
    // With `fix --pin-digests`: the digest comes from the registry, so plain `fix` has none.
    fixable: 'safe',
    peers: { hadolint: ['DL3006', 'DL3007'], dclint: ['service-image-require-explicit-tag'], trivy: ['AVD-DS-0001'], checkov: ['CKV_DOCKER_7'] },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        require: {
          description: '`tag`: a versioned tag; `digest`: an @sha256 digest on every pulled image',
          enum: ['tag', 'digest'],
        },
        allow: {
          description: 'Globs over `image:tag` (or `image`) that are accepted as they are',
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        checkBuilt: {
          description: 'Also check the tag a service with `build:` gives its image (reported as a warning)',
          type: 'boolean',
        },
      },
    },
    defaultOptions: { require: 'tag', allow: [], checkBuilt: true },
  },
  check({ stack, options, report }) {
    const requireDigest = options.require === 'digest';
    const allowed = allowMatcher(options);
    for (const service of stack.services) {
      const ref = service.image;
      // An image that interpolated to nothing is reported by the interpolation checks.
      if (!ref || ref.digest) continue;
      if (allowed(imageKey(ref), ref.tag)) continue;
      // With build + image, Compose pulls the tag first and builds only if the pull fails
      // (compose-file build.md "Using build and image"), so a moving tag still reaches hosts:
      // a warning, since in dev the tag usually just names the local build.
      const built = service.build !== undefined;
      if (built && (options.checkBuilt === false || neverPulled(service))) continue;
      const problem = tagProblem(ref.repository, ref.tag);
      if (problem) {
        report({ span: ref.span, message: message(service.name, ref, problem, built), ...(built && { severity: 'warning' as const }) });
      } else if (requireDigest && !built) {
        report({ span: ref.span, message: `${service.name} runs ${ref.text} by tag, and this project requires an @sha256 digest so the exact image is fixed` });
      }
    }
  },
  checkDockerfile({ dockerfile, options, report }) {
    const requireDigest = options.require === 'digest';
    const allowed = allowMatcher(options);
    for (const stage of dockerfile.stages) {
      // Stage references and scratch pin nothing; an unresolved ARG is a parse problem.
      const base = stage.base;
      if (base.kind !== 'image' || base.ref.digest) continue;
      if (allowed(imageKey(base.ref), base.ref.tag)) continue;
      const written = base.written !== base.text ? ` (from ${base.written})` : '';
      const problem = tagProblem(base.ref.repository, base.ref.tag);
      if (problem) report({ span: base.span, message: `FROM ${what(base.text + written, base.ref.tag, problem)}; pin an explicit version` });
      else if (requireDigest) report({ span: base.span, message: `FROM ${base.text} by tag, and this project requires an @sha256 digest so the exact base image is fixed` });
    }
  },
});

/** `allow` globs over `image` and `image:tag`. */
function allowMatcher(options: Record<string, unknown>): (key: string, tag: string | undefined) => boolean {
  const allowList = (options.allow as string[] | undefined) ?? [];
  if (allowList.length === 0) return () => false;
  const match = picomatch(allowList);
  return (key, tag) => match(key) || match(`${key}:${tag ?? ''}`);
}

function what(text: string, tag: string | undefined, problem: TagProblem): string {
  return problem.kind === 'untagged'
    ? `${text} without a tag, which means :latest`
    : problem.kind === 'moving'
      ? `${text}, and ${tag} is a moving tag`
      : `${text}, a tag with no version number that follows new releases`;
}

function message(service: string, ref: ImageRef, problem: TagProblem, built: boolean): string {
  const written = ref.node.raw && ref.node.raw !== ref.text ? ` (from ${ref.node.raw})` : '';
  const text = what(`${ref.text}${written}`, ref.tag, problem);
  if (built) return `${service} builds and tags ${text}: a pull or push under that tag replaces the image; tag builds with a version`;
  return `${service} runs ${text}; pin an explicit version`;
}

/** `pull_policy: build` (or `never`) means the tag only names a local build. */
function neverPulled(service: Service): boolean {
  const policy = str(get(service.node, 'pull_policy'));
  return policy === 'build' || policy === 'never';
}
