import type { Service } from '../compose/model.js';
import { get, isMap, isScalar, isSeq, str, type YNode } from '../compose/ynode.js';
import { runPackageOps } from '../dockerfile/commands.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import { lookupImage, type ImageFacts, type Presence } from '../images/facts.js';
import { BINARIES, type Binary } from '../images/known-images.js';

/**
 * What a compose service really runs, whichever file decides it: the compose service, the
 * Dockerfile stage it builds (with its FROM-stage chain), or what is known of the image it
 * pulls. Cross-file rules read this and never follow files themselves.
 */
export interface EffectiveImage {
  origin: 'build' | 'pull';
  dockerfile?: DockerfileModel;
  /** The stage the service runs: `build.target`, else the last. */
  stage?: Stage;
  /** Facts of the pulled image, or of the external image at the root of the stage chain. */
  facts?: ImageFacts;
  /** Who the container runs as; absent when nothing says (an unknown base image). */
  user?: Decided<string>;
  healthcheck?: Decided<{ disabled: boolean; test?: string[] }>;
  binaries: Record<Binary, Presence>;
  /** Packages installed along the stage chain (apt, apk, …). */
  packages: { name: string; manager: string; span: Span; stage: number }[];
}

/** A value and the place that decides it, for reporting on the line a user would change. */
export interface Decided<T> {
  value: T;
  source: 'compose' | 'dockerfile' | 'image';
  span: Span;
}

/** Packages whose install puts a binary on the PATH. */
export const PROVIDES: Readonly<Record<string, Binary>> = {
  curl: 'curl',
  wget: 'wget',
  'netcat-openbsd': 'nc',
  'netcat-traditional': 'nc',
  netcat: 'nc',
  'ncat': 'nc',
  bash: 'bash',
  python3: 'python',
  nodejs: 'node',
  busybox: 'wget',
};

export function pulledImage(service: Service): EffectiveImage | undefined {
  const image = service.image;
  if (!image) return undefined;
  const facts = lookupImage(image);
  return finish(service, { origin: 'pull', facts, packages: [] }, facts?.user !== undefined ? { value: facts.user, source: 'image', span: image.span } : undefined);
}

export function builtImage(service: Service, dockerfile: DockerfileModel, stage: Stage): EffectiveImage {
  const chain = stageChain(dockerfile, stage);
  const root = chain[0]!;
  const base = root.base;
  const facts = base.kind === 'image' ? lookupImage(base.ref) : base.kind === 'scratch' ? lookupImage({ repository: 'scratch' }) : undefined;
  const packages = chain.flatMap((s) =>
    s.runs.flatMap((run) =>
      runPackageOps(run)
        .filter((op) => op.action === 'install' || op.action === 'add')
        .flatMap((op) => op.packages.map((p) => ({ name: p.name, manager: op.manager, span: dockerfile.file.span(p.start, p.end), stage: s.index }))),
    ),
  );
  const user = stage.effective.user;
  const fromDockerfile: Decided<string> | undefined = user && { value: user.value, source: 'dockerfile', span: user.instruction.span };
  const fromImage: Decided<string> | undefined = facts?.user !== undefined ? { value: facts.user, source: 'image', span: stage.from.span } : undefined;
  const built = finish(service, { origin: 'build', dockerfile, stage, facts, packages }, fromDockerfile ?? fromImage);
  const hc = stage.effective.healthcheck;
  // compose, then the Dockerfile, then what the base image declares
  if (hc && (!built.healthcheck || built.healthcheck.source === 'image')) {
    built.healthcheck = {
      source: 'dockerfile',
      span: hc.instruction.span,
      value: hc.kind === 'none' ? { disabled: true } : { disabled: false, test: hc.form === 'exec' ? ['CMD', ...(hc.argv ?? [])] : ['CMD-SHELL', hc.script ?? ''] },
    };
  }
  return built;
}

/** The stages from the external root down to `stage`, following `FROM <stage>`. */
export function stageChain(dockerfile: DockerfileModel, stage: Stage): Stage[] {
  const chain = [stage];
  for (let s = stage; s.base.kind === 'stage' && chain.length <= dockerfile.stages.length; ) {
    const parent = dockerfile.stages[(s.base as { stage: number }).stage];
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    s = parent;
  }
  return chain;
}

function finish(service: Service, partial: Omit<EffectiveImage, 'binaries' | 'user' | 'healthcheck'>, imageUser: Decided<string> | undefined): EffectiveImage {
  const binaries = Object.fromEntries(BINARIES.map((b) => [b, partial.facts?.binaries[b] ?? 'unknown'])) as Record<Binary, Presence>;
  for (const p of partial.packages) {
    const b = PROVIDES[p.name];
    if (b) binaries[b] = 'yes';
  }
  const composeUser = service.user && str(service.user);
  const user: Decided<string> | undefined = composeUser ? { value: composeUser, source: 'compose', span: service.user!.span } : imageUser;
  return { ...partial, binaries, user, healthcheck: composeHealthcheck(service) ?? imageHealthcheck(partial.facts, service) };
}

function composeHealthcheck(service: Service): Decided<{ disabled: boolean; test?: string[] }> | undefined {
  const hc = get(service.node, 'healthcheck');
  if (!isMap(hc)) return undefined;
  const disable = get(hc, 'disable');
  if (isScalar(disable) && (disable.value === true || disable.value === 'true')) return { source: 'compose', span: hc.span, value: { disabled: true } };
  const test = get(hc, 'test');
  const argv = testArgv(test);
  if (!argv) return undefined; // only timing options: the image's own check still applies
  return { source: 'compose', span: test!.span, value: { disabled: argv[0] === 'NONE', test: argv } };
}

/** Compose `test`: a list (`[CMD, …]`, `[CMD-SHELL, "…"]`, `[NONE]`) or a string (CMD-SHELL). */
function testArgv(test: YNode | undefined): string[] | undefined {
  if (isSeq(test)) return test.items.map((i) => str(i) ?? '');
  const s = str(test);
  return s === undefined ? undefined : ['CMD-SHELL', s];
}

function imageHealthcheck(facts: ImageFacts | undefined, service: Service): EffectiveImage['healthcheck'] {
  if (!facts?.imageHealthcheck) return undefined;
  return { source: 'image', span: service.image?.span ?? service.keySpan, value: { disabled: false } };
}
