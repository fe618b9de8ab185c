/**
 * Tags that name a channel rather than a release: pulling them twice can give two different
 * images. Matched case-insensitively against the whole tag.
 */
export const MOVING_TAGS: readonly string[] = [
  'latest',
  'stable',
  'main',
  'master',
  'edge',
  'nightly',
  'dev',
  'develop',
  'development',
  'rolling',
  'canary',
  'next',
  'unstable',
  'head',
  'current',
  'lts',
  'mainline',
  'beta',
];

/**
 * Channel words that stay moving when combined with a variant (`latest-pg17`, `pg17-latest`,
 * `lts-alpine3.20`, `stable-alpine`). Others (`main-3f2a1bc`, `nightly-20240501`) combine
 * with a commit or date that pins a build, so only their bare form counts.
 */
export const MOVING_PARTS: readonly string[] = ['latest', 'lts', 'stable', 'edge', 'current', 'mainline'];

/**
 * Release codenames a distribution keeps stable for years; for the distro image itself they
 * pin a release as firmly as `12` does.
 */
const CODENAME_REPOS: Readonly<Record<string, readonly string[]>> = {
  debian: ['bookworm', 'bullseye', 'buster', 'trixie', 'forky', 'bookworm-slim', 'bullseye-slim', 'trixie-slim'],
  ubuntu: ['focal', 'jammy', 'noble', 'oracular', 'plucky'],
};

export type TagProblem =
  | { kind: 'untagged' }
  | { kind: 'moving'; word: string }
  | { kind: 'no-version' };

/**
 * Why a tag does not pin a release, or undefined when it does. A tag with no digit at all
 * (`alpine`, `slim`, `rocm`) is a variant alias that follows the newest release.
 */
export function tagProblem(repository: string, tag: string | undefined): TagProblem | undefined {
  if (tag === undefined) return { kind: 'untagged' };
  let verdict = byTag.get(tag);
  if (verdict === undefined) byTag.set(tag, (verdict = judgeTag(tag)));
  if (verdict !== 'no-digit') return verdict ?? undefined;
  const base = repository.toLowerCase().replace(/^library\//, '');
  if (CODENAME_REPOS[base]?.includes(tag.toLowerCase())) return undefined;
  return { kind: 'no-version' };
}

/** What the tag alone says (memoised: stacks repeat the same tags); `no-digit` leaves it to the repository. */
const byTag = new Map<string, { kind: 'moving'; word: string } | 'no-digit' | null>();

function judgeTag(tag: string): { kind: 'moving'; word: string } | 'no-digit' | null {
  const lower = tag.toLowerCase();
  const parts = lower.split(/[-_]/);
  const word = MOVING_TAGS.find((m) => lower === m) ?? MOVING_PARTS.find((m) => parts.includes(m));
  if (word) return { kind: 'moving', word };
  return /\d/.test(lower) ? null : 'no-digit';
}
