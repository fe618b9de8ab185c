import { mapArray } from '../arrays.js';
import type { Service } from '../compose/model.js';
import { get, isMap, isScalar, isSeq, str, type YNode } from '../compose/ynode.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import { lookupImage, type ImageFacts, type Presence } from '../images/facts.js';
import type { Binary } from '../images/known-images.js';
import type { BuildContext } from './build-context.js';
import { binariesOf, stageImage, type InstalledPackage } from './stage-image.js';

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
  packages: InstalledPackage[];
  /** The local build context and its `.dockerignore` (built services only). */
  buildContext?: BuildContext;
}

/** A value and the place that decides it, for reporting on the line a user would change. */
export interface Decided<T> {
  value: T;
  source: 'compose' | 'dockerfile' | 'image';
  span: Span;
}

export function pulledImage(service: Service): EffectiveImage | undefined {
  const image = service.image;
  if (!image) return undefined;
  const facts = lookupImage(image);
  const imageUser: Decided<string> | undefined = facts?.user !== undefined ? { value: facts.user, source: 'image', span: image.span } : undefined;
  return {
    origin: 'pull',
    facts,
    packages: [],
    binaries: binariesOf(facts, []),
    user: userOf(service, imageUser),
    healthcheck: composeHealthcheck(service) ?? imageHealthcheck(facts, service),
  };
}

export function builtImage(service: Service, dockerfile: DockerfileModel, stage: Stage): EffectiveImage {
  // The stage's binaries already count its facts and packages: shared, as both are read-only.
  const { facts, packages, binaries } = stageImage(dockerfile, stage);
  const user = stage.effective.user;
  const fromDockerfile: Decided<string> | undefined = user && { value: user.value, source: 'dockerfile', span: user.instruction.span };
  const fromImage: Decided<string> | undefined = facts?.user !== undefined ? { value: facts.user, source: 'image', span: stage.from.span } : undefined;
  const built: EffectiveImage = {
    origin: 'build',
    dockerfile,
    stage,
    facts,
    packages,
    binaries,
    user: userOf(service, fromDockerfile ?? fromImage),
    healthcheck: composeHealthcheck(service) ?? imageHealthcheck(facts, service),
  };
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

/** Compose `user:` wins over what the image or Dockerfile says. */
function userOf(service: Service, imageUser: Decided<string> | undefined): Decided<string> | undefined {
  const composeUser = service.user && str(service.user);
  return composeUser ? { value: composeUser, source: 'compose', span: service.user!.span } : imageUser;
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
  if (isSeq(test)) return mapArray(test.items, (i) => str(i) ?? '');
  const s = str(test);
  return s === undefined ? undefined : ['CMD-SHELL', s];
}

function imageHealthcheck(facts: ImageFacts | undefined, service: Service): EffectiveImage['healthcheck'] {
  if (!facts?.imageHealthcheck) return undefined;
  return { source: 'image', span: service.image?.span ?? service.keySpan, value: { disabled: false } };
}
