import { runPackageOps } from '../dockerfile/commands.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import { lookupImage, type ImageFacts, type Presence } from '../images/facts.js';
import { BINARIES, type Binary } from '../images/known-images.js';
import { PROVIDES, stageChain } from './effective-image.js';

/** What a Dockerfile stage runs on, without a compose service: for the Dockerfile rules. */
export interface StageImage {
  /** Facts of the external image at the root of the `FROM <stage>` chain. */
  facts?: ImageFacts;
  /** That image as written after ARG substitution (`python:3.12-slim`, `scratch`). */
  base?: string;
  binaries: Record<Binary, Presence>;
}

export function stageImage(dockerfile: DockerfileModel, stage: Stage): StageImage {
  const chain = stageChain(dockerfile, stage);
  const root = chain[0]!.base;
  const facts = root.kind === 'image' ? lookupImage(root.ref) : root.kind === 'scratch' ? lookupImage({ repository: 'scratch' }) : undefined;
  const base = root.kind === 'image' ? root.text : root.kind === 'scratch' ? 'scratch' : undefined;
  const binaries = Object.fromEntries(BINARIES.map((b) => [b, facts?.binaries[b] ?? 'unknown'])) as Record<Binary, Presence>;
  for (const s of chain) {
    for (const run of s.runs) {
      for (const op of runPackageOps(run)) {
        if (op.action !== 'install' && op.action !== 'add') continue;
        for (const p of op.packages) {
          const b = PROVIDES[p.name];
          if (b) binaries[b] = 'yes';
        }
      }
    }
  }
  return { ...(facts && { facts }), ...(base !== undefined && { base }), binaries };
}

/** How messages name a stage: `stage "runtime" of Dockerfile`, `the final stage of Dockerfile`. */
export function stageLabel(dockerfile: DockerfileModel, stage: Stage): string {
  const file = dockerfile.file.path;
  if (dockerfile.stages.length === 1) return file;
  if (stage.name) return `stage "${stage.name}" of ${file}`;
  return stage === dockerfile.stages.at(-1) ? `the final stage of ${file}` : `stage ${stage.index} of ${file}`;
}
