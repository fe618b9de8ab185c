import { runPackageOps } from '../dockerfile/commands.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import { lookupImage, type ImageFacts, type Presence } from '../images/facts.js';
import { BINARIES, type Binary } from '../images/known-images.js';
import { stageChain } from '../dockerfile/chain.js';
import type { Span } from '../engine/types.js';
import { memoized } from '../memo.js';

/** What a Dockerfile stage runs on, with or without a compose service that builds it. */
export interface StageImage {
  /** Facts of the external image at the root of the `FROM <stage>` chain. */
  facts?: ImageFacts;
  /** That image as written after ARG substitution (`python:3.12-slim`, `scratch`). */
  base?: string;
  /** The base image's tools, plus what the chain's package installs add. */
  binaries: Record<Binary, Presence>;
  /** Packages installed along the chain (apt, apk, pip, …). */
  packages: InstalledPackage[];
}

export interface InstalledPackage {
  name: string;
  manager: string;
  span: Span;
  stage: number;
}

/** Packages whose install puts a binary on the PATH. */
const PROVIDES: Readonly<Record<string, Binary>> = {
  curl: 'curl',
  wget: 'wget',
  'netcat-openbsd': 'nc',
  'netcat-traditional': 'nc',
  netcat: 'nc',
  ncat: 'nc',
  bash: 'bash',
  python3: 'python',
  nodejs: 'node',
  busybox: 'wget',
};

/** Linking and several rules ask about the same stage: computed once per stage object. */
const memo = new WeakMap<Stage, StageImage>();

export function stageImage(dockerfile: DockerfileModel, stage: Stage): StageImage {
  let image = memo.get(stage);
  if (!image) {
    image = computeStageImage(dockerfile, stage);
    memo.set(stage, image);
  }
  return image;
}

function computeStageImage(dockerfile: DockerfileModel, stage: Stage): StageImage {
  const chain = stageChain(dockerfile, stage);
  const root = chain[0]!.base;
  const facts = root.kind === 'image' ? lookupImage(root.ref) : root.kind === 'scratch' ? lookupImage({ repository: 'scratch' }) : undefined;
  const base = root.kind === 'image' ? root.text : root.kind === 'scratch' ? 'scratch' : undefined;
  const packages: InstalledPackage[] = [];
  for (const s of chain)
    for (const run of s.runs)
      for (const op of runPackageOps(run)) {
        if (op.action !== 'install' && op.action !== 'add') continue;
        for (const p of op.packages) packages.push({ name: p.name, manager: op.manager, span: dockerfile.file.span(p.start, p.end), stage: s.index });
      }
  return { facts, base, binaries: binariesOf(facts, packages), packages };
}

/**
 * The image's tools as known, with every package install that provides one counted in.
 * Read-only: images that install none of them share one object per facts.
 */
export function binariesOf(facts: ImageFacts | undefined, packages: readonly InstalledPackage[]): Record<Binary, Presence> {
  let binaries = factsBinaries(facts);
  let copied = false;
  for (const p of packages) {
    const b = Object.hasOwn(PROVIDES, p.name) ? PROVIDES[p.name]! : undefined;
    if (!b || binaries[b] === 'yes') continue;
    if (!copied) binaries = { ...binaries };
    copied = true;
    binaries[b] = 'yes';
  }
  return binaries;
}

const UNKNOWN = Object.fromEntries(BINARIES.map((b) => [b, 'unknown'])) as Record<Binary, Presence>;

const binariesOfFacts = memoized((facts: ImageFacts) => Object.fromEntries(BINARIES.map((b) => [b, facts.binaries[b] ?? 'unknown'])) as Record<Binary, Presence>);

const factsBinaries = (facts: ImageFacts | undefined): Record<Binary, Presence> => (facts ? binariesOfFacts(facts) : UNKNOWN);

/** How messages name a stage: `stage "runtime" of Dockerfile`, `the final stage of Dockerfile`. */
export function stageLabel(dockerfile: DockerfileModel, stage: Stage): string {
  const file = dockerfile.file.path;
  if (dockerfile.stages.length === 1) return file;
  if (stage.name) return `stage "${stage.name}" of ${file}`;
  return stage === dockerfile.stages.at(-1) ? `the final stage of ${file}` : `stage ${stage.index} of ${file}`;
}
