/**
 * Dockerfile text → DockerfileModel. Parsing is split in two layers: the syntax (instructions,
 * RUN scripts, heredocs, offsets) depends only on the text and is computed once per file; the
 * stages (ARG substitution, bases, effective state) depend on build args and are recomputed by
 * `withBuildArgs`, which reuses the syntax and returns the same model when the args change
 * nothing. Compose `build.args` go through `withBuildArgs` at link time.
 */
import type { SourceFile } from '../source/source-file.js';
import { resolveStages } from './stages.js';
import { parseSyntax, type Syntax } from './syntax.js';
import type { DockerfileModel, Stage } from './types.js';

export interface ParseOptions {
  /** `--build-arg` values; they override the defaults of declared ARGs only. */
  buildArgs?: Readonly<Record<string, string>>;
}

const syntaxOf = new WeakMap<DockerfileModel, Syntax>();
const NO_ARGS: Readonly<Record<string, string>> = Object.freeze({});

/** Never throws: what Docker would reject is in `problems`. */
export function parseDockerfile(file: SourceFile, options: ParseOptions = {}): DockerfileModel {
  const buildArgs = options.buildArgs ?? NO_ARGS;
  try {
    const syntax = parseSyntax(file);
    const model = resolveStages(syntax, buildArgs);
    syntaxOf.set(model, syntax);
    return model;
  } catch (err) {
    return failed(file, buildArgs, err);
  }
}

/**
 * The model with `buildArgs` applied (replacing the model's own). Cheap: no re-parse, and the
 * same model comes back when no declared ARG is affected.
 */
export function withBuildArgs(model: DockerfileModel, buildArgs: Readonly<Record<string, string>>): DockerfileModel {
  if (sameEffect(model, buildArgs)) return model;
  // Stacks that build a Dockerfile the same way (prod and dev of one project) get one model.
  let byArgs = resolved.get(model);
  if (!byArgs) resolved.set(model, (byArgs = new Map()));
  const key = JSON.stringify(buildArgs);
  let next = byArgs.get(key);
  if (!next) {
    next = resolveWith(model, buildArgs);
    byArgs.set(key, next);
  }
  return next;
}

const resolved = new WeakMap<DockerfileModel, Map<string, DockerfileModel>>();

function resolveWith(model: DockerfileModel, buildArgs: Readonly<Record<string, string>>): DockerfileModel {
  const syntax = syntaxOf.get(model);
  if (!syntax) return parseDockerfile(model.file, { buildArgs });
  try {
    const next = resolveStages(syntax, buildArgs);
    syntaxOf.set(next, syntax);
    return next;
  } catch (err) {
    return failed(model.file, buildArgs, err);
  }
}

/** A parser bug must not stop the lint run: the file gets one problem and no stages. */
function failed(file: SourceFile, buildArgs: Readonly<Record<string, string>>, err: unknown): DockerfileModel {
  const message = `Could not parse this Dockerfile (internal error: ${err instanceof Error ? err.message : String(err)})`;
  return { file, directives: { escape: '\\' }, globalArgs: [], stages: [], instructions: [], buildArgs, problems: [{ message, span: file.span(0) }] };
}

/** Whether `args` and the model's build args agree on every declared ARG. */
function sameEffect(model: DockerfileModel, args: Readonly<Record<string, string>>): boolean {
  const old = model.buildArgs;
  for (const name in old) if (Object.hasOwn(old, name) && old[name] !== args[name] && declared(model, name)) return false;
  for (const name in args) if (Object.hasOwn(args, name) && !Object.hasOwn(old, name) && old[name] !== args[name] && declared(model, name)) return false;
  return true;
}

function declared(model: DockerfileModel, name: string): boolean {
  return model.globalArgs.some((a) => a.name === name) || model.stages.some((s) => s.args.some((a) => a.name === name));
}

/** The stage a compose `build.target` names (case-insensitive), or the last stage. */
export function targetStage(model: DockerfileModel, target?: string): Stage | undefined {
  if (target === undefined) return model.stages[model.stages.length - 1];
  const lower = target.toLowerCase();
  return model.stages.find((s) => s.name === lower);
}
