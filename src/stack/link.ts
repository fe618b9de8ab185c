import path from 'node:path';
import type { ComposeStack, Service } from '../compose/model.js';
import { targetStage, withBuildArgs } from '../dockerfile/index.js';
import type { DockerfileModel } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import type { BuildContexts } from './build-context.js';
import type { DockerfileCache } from './dockerfiles.js';
import { builtImage, pulledImage, type EffectiveImage } from './effective-image.js';

export interface LinkedStack {
  /** By service name. */
  effective: Map<string, EffectiveImage>;
  /** Builds that cannot be followed (missing Dockerfile, unknown target): `build-target-exists`. */
  problems: { message: string; span: Span }[];
}

/** What linking reads, once per run: Dockerfiles and build contexts. */
export interface LinkSources {
  dockerfiles: DockerfileCache;
  contexts: BuildContexts;
}

/** Follows every service to the image it runs: its Dockerfile stage, or the image it pulls. */
export async function linkStack(stack: ComposeStack, cwd: string, { dockerfiles, contexts }: LinkSources): Promise<LinkedStack> {
  const linked: LinkedStack = { effective: new Map(), problems: [] };
  for (const service of stack.services) {
    const effective = service.build ? await linkBuild(service, stack, cwd, { dockerfiles, contexts }, linked) : pulledImage(service);
    if (effective) linked.effective.set(service.name, effective);
  }
  return linked;
}

/** The absolute path of a service's build context; undefined for none or a remote one (a URL, git@…). */
function buildContextPath(service: Service, stack: ComposeStack, cwd: string): string | undefined {
  const build = service.build;
  if (!build) return undefined;
  const context = build.context ? String(build.context.value) : '.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@')) return undefined;
  return resolveUnder(resolveUnder(cwd, stack.projectDir), context);
}

/** The absolute path of the Dockerfile a service builds from, without reading it; undefined for none or an inline one. */
export function dockerfilePath(service: Service, stack: ComposeStack, cwd: string): string | undefined {
  const contextAbs = buildContextPath(service, stack, cwd);
  return contextAbs === undefined || service.build!.dockerfileInline ? undefined : dockerfileIn(service, contextAbs);
}

function dockerfileIn(service: Service, contextAbs: string): string {
  const name = service.build!.dockerfile;
  return resolveUnder(contextAbs, name ? String(name.value) : 'Dockerfile');
}

async function linkBuild(service: Service, stack: ComposeStack, cwd: string, { dockerfiles, contexts }: LinkSources, linked: LinkedStack): Promise<EffectiveImage | undefined> {
  const build = service.build!;
  const contextAbs = buildContextPath(service, stack, cwd);
  if (contextAbs === undefined) return undefined; // remote context: nothing to read
  let dockerfile: DockerfileModel;
  let dockerfileAbs: string | undefined;
  if (build.dockerfileInline) {
    dockerfile = dockerfiles.loadInline(`${build.dockerfileInline.span.file}#${service.name}.build.dockerfile_inline`, String(build.dockerfileInline.value));
  } else {
    const abs = dockerfileIn(service, contextAbs);
    dockerfileAbs = abs;
    const loaded = await dockerfiles.load(abs);
    if (!loaded.ok) {
      const rel = path.relative(cwd, abs).split(path.sep).join('/');
      const shown = rel.startsWith('../') ? abs : rel;
      linked.problems.push({
        span: (build.dockerfile ?? build.context ?? build.node).span,
        message: `${service.name} builds from ${shown}, which cannot be read (${loaded.problem.message.replace(/^Cannot read file: /, '').toLowerCase()})`,
      });
      return undefined;
    }
    dockerfile = loaded.model;
  }
  const given = build.args.filter((a) => a.value !== null);
  const model = given.length ? withBuildArgs(dockerfile, Object.fromEntries(given.map((a) => [a.name, a.value!]))) : dockerfile;
  const target = build.target ? String(build.target.value) : undefined;
  const stage = targetStage(model, target);
  if (!stage) {
    if (target !== undefined) {
      const names = model.stages.map((s) => s.name).filter(Boolean);
      linked.problems.push({
        span: build.target!.span,
        message: `${service.name} targets stage "${target}", which ${model.file.path} does not define${names.length ? ` (stages: ${names.join(', ')})` : ''}`,
      });
    }
    return undefined;
  }
  const built = builtImage(service, model, stage);
  const buildContext = await contexts.get(contextAbs, dockerfileAbs);
  if (buildContext) built.buildContext = buildContext;
  return built;
}

/**
 * `path.resolve(base, rel)`, remembered: thousands of services build from the same few
 * project folders, contexts and Dockerfile names, and resolving normalises the whole path.
 */
const resolved = new Map<string, Map<string, string>>();

function resolveUnder(base: string, rel: string): string {
  if (!path.isAbsolute(base)) return path.resolve(base, rel); // depends on process.cwd()
  let byRel = resolved.get(base);
  if (!byRel) {
    // A long-lived process (a watch, the tests) must not grow it forever.
    if (resolved.size >= 4096) resolved.clear();
    resolved.set(base, (byRel = new Map()));
  }
  let abs = byRel.get(rel);
  if (abs === undefined) byRel.set(rel, (abs = path.resolve(base, rel)));
  return abs;
}
