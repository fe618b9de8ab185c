import picomatch from 'picomatch';
import { get, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';
import { imageKey } from '../../src/images/known-images.js';
import { tagProblem } from '../../src/images/moving-tags.js';
export default defineRule({
    meta: {
        id: 'pinned-image-tag',
        category: 'images',
        summary: 'Images are pinned to an explicit version, never untagged, :latest or another moving tag',
        severity: 'error',
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
        const allowList = options.allow ?? [];
        const allowed = allowList.length > 0 ? picomatch(allowList) : () => false;
        for (const service of stack.services) {
            const ref = service.image;
            // An image that interpolated to nothing is reported by the interpolation checks.
            if (!ref || ref.digest)
                continue;
            const key = imageKey(ref);
            if (allowed(key) || allowed(`${key}:${ref.tag ?? ''}`))
                continue;
            const built = service.build !== undefined;
            if (built && (options.checkBuilt === false || neverPulled(service)))
                continue;
            const problem = tagProblem(ref.repository, ref.tag);
            if (problem) {
                report({ span: ref.span, message: message(service.name, ref, problem, built), ...(built && { severity: 'warning' }) });
            }
            else if (requireDigest && !built) {
                report({ span: ref.span, message: `${service.name} runs ${ref.text} by tag, and this project requires an @sha256 digest so the exact image is fixed` });
            }
        }
    },
});
function message(service, ref, problem, built) {
    const written = ref.node.raw && ref.node.raw !== ref.text ? ` (from ${ref.node.raw})` : '';
    const what = problem.kind === 'untagged'
        ? `${ref.text}${written} without a tag, which means :latest`
        : problem.kind === 'moving'
            ? `${ref.text}${written}, and ${ref.tag} is a moving tag`
            : `${ref.text}${written}, a tag with no version number that follows new releases`;
    if (built)
        return `${service} builds and tags ${what}: a pull or push under that tag replaces the image; tag builds with a version`;
    return `${service} runs ${what}; pin an explicit version`;
}
/** `pull_policy: build` (or `never`) means the tag only names a local build. */
function neverPulled(service) {
    const policy = str(get(service.node, 'pull_policy'));
    return policy === 'build' || policy === 'never';
}
