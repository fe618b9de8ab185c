import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { mapArray } from '../arrays.js';
import type { Budgets } from '../budget/budgets.js';
import { FileCache } from '../compose/file-cache.js';
import { loadStack, type LoadContext } from '../compose/load-stack.js';
import type { ComposeStack } from '../compose/model.js';
import type { RuleSetting } from '../config/rule-settings.js';
import { environmentOfName } from '../discover/patterns.js';
import type { StackPlan } from '../discover/types.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { SourceFile } from '../source/source-file.js';
import { DirListings } from '../source/dir-listings.js';
import { BuildContexts } from '../stack/build-context.js';
import { DockerfileCache } from '../stack/dockerfiles.js';
import { dockerfilePath, linkStack } from '../stack/link.js';
import { milder, runComposeRules, runDockerfileRules } from './run-rules.js';
import { stackShape, type StackShape } from './stack-summary.js';
import type { Diagnostic } from './types.js';

/** What checking one stack produced. */
export interface StackOutcome {
  /** Findings to report as they are (load problems and rule findings). */
  diagnostics: Diagnostic[];
  /** `everyStack` findings, kept only if every stack with their file agrees; absent if the stack did not load. */
  everyStack?: Diagnostic[];
  /** Relative paths of the files the stack read. */
  files: string[];
  /** Set for a compose stack: what its findings are attributed to services with (see stack-summary). */
  shape?: StackShape;
  /** Set for a Dockerfile's own findings: its path. */
  dockerfile?: string;
}

export interface CheckResult {
  outcomes: StackOutcome[];
  sources: SourceFile[];
  /** Relative paths of the env files among the sources (not counted as linted files). */
  envFiles: string[];
}

export interface CheckInput {
  plans: readonly StackPlan[];
  /** Absolute paths of the Dockerfiles discovery found; each is checked once, built or not. */
  dockerfiles: readonly string[];
  settings: ReadonlyMap<string, RuleSetting>;
  cwd: string;
  /** Compose texts discovery already read. */
  knownTexts?: ReadonlyMap<string, string>;
  /** `--environment`: also the environment of every Dockerfile. */
  environment?: string;
  /** Folder listings discovery read. */
  listings?: DirListings;
  /** Record each stack's services for the stack summaries (see stack-summary). */
  shapes?: boolean;
  /** Size budgets from the config, for `layer-budget`. */
  budgets?: Budgets;
}

/**
 * Loads, links and checks stacks one after another, then checks every Dockerfile once over
 * the stages the stacks run. Stacks come grouped by folder, so a compose file's tree is freed
 * after the last stack that reads it.
 */
export async function checkStacks({ plans, dockerfiles: found, settings, cwd, knownTexts, environment, listings = new DirListings(), budgets, shapes = false }: CheckInput): Promise<CheckResult> {
  const cache = new FileCache(cwd, knownTexts, listings);
  const dockerfiles = new DockerfileCache(cache);
  const contexts = new BuildContexts(cache, listings);
  const runtime = new Map<string, StageRun[]>();
  const interpolated: LoadContext['interpolated'] = new Map();
  const lastUse = new Map<string, number>();
  plans.forEach((plan, i) => plan.files.forEach((f) => lastUse.set(f, i)));
  const sources = new Map<string, SourceFile>();
  const envFiles = new Set<string>();
  const outcomes: StackOutcome[] = [];
  for (const [i, plan] of plans.entries()) {
    const loaded = await loadStack(plan, { cwd, files: cache, interpolated });
    for (const f of plan.files) {
      if (lastUse.get(f) !== i) continue;
      cache.forget(f);
      interpolated.delete(f);
    }
    if (plan.ifBuilding && !buildsAny(loaded.stack, plan.ifBuilding, cwd)) continue;
    for (const s of loaded.sources) sources.set(s.path, s);
    for (const e of loaded.envFiles) envFiles.add(e);
    const diagnostics = withConfiguredSeverity(loaded.diagnostics, settings);
    const files = mapArray(loaded.sources, (s) => s.path);
    if (!loaded.stack) {
      outcomes.push({ diagnostics, files, shape: { name: plan.name, environment: plan.environment, files: mapArray(plan.files, (f) => cache.relative(f)), services: [] } });
      continue;
    }
    const linked = await linkStack(loaded.stack, cwd, { dockerfiles, contexts });
    diagnostics.push(...withConfiguredSeverity(mapArray(linked.problems, (p) => ({ ruleId: 'build-target-exists', severity: 'error' as const, ...p })), settings));
    for (const [service, { dockerfile, stage }] of linked.effective) {
      if (!dockerfile || !stage) continue;
      const runs = runtime.get(dockerfile.file.path) ?? [];
      let run = runs.find((r) => r.stage.index === stage.index && r.environment === plan.environment);
      if (!run) runs.push((run = { stage, environment: plan.environment, services: [] }));
      if (!run.services.includes(service)) run.services.push(service);
      runtime.set(dockerfile.file.path, runs);
    }
    const reported = runComposeRules(loaded.stack, linked.effective, allRules, settings);
    diagnostics.push(...reported.filter((d) => !d.everyStack));
    outcomes.push({ diagnostics, everyStack: reported.filter((d) => d.everyStack), files, shape: shapes ? stackShape(loaded.stack, linked.effective, loaded.sources.length - loaded.envFiles.length) : undefined });
  }
  for (const f of found) void dockerfiles.load(f);
  outcomes.push(...(await checkDockerfiles(dockerfiles, runtime, settings, environment, budgets)));
  for (const model of await dockerfiles.all()) sources.set(model.file.path, model.file);
  for (const { file, problem } of await dockerfiles.unreadable()) {
    sources.set(file.path, file);
    outcomes.push({ diagnostics: [{ ruleId: 'parse-error', severity: 'error', ...problem }], files: [file.path], dockerfile: file.path });
  }
  return { outcomes, sources: [...sources.values()], envFiles: [...envFiles] };
}

function buildsAny(stack: ComposeStack | undefined, dockerfiles: readonly string[], cwd: string): boolean {
  return !!stack?.services.some((service) => dockerfiles.includes(dockerfilePath(service, stack, cwd) ?? ''));
}

/** A stage some stack runs, and that stack's environment. */
interface StageRun {
  stage: Stage;
  environment: string;
  /** The services of that environment's stacks that build it. */
  services: string[];
}

/**
 * Each Dockerfile once: its parse problems and the Dockerfile rules, over the stages that run.
 * What prod stacks build decides (a dev overlay that targets the builder stage does not make
 * it a runtime stage); a Dockerfile no prod stack builds is judged by what other stacks run,
 * and one nothing builds by its last stage and its name (`Dockerfile.dev` is dev).
 */
async function checkDockerfiles(dockerfiles: DockerfileCache, runtime: ReadonlyMap<string, StageRun[]>, settings: ReadonlyMap<string, RuleSetting>, environment?: string, budgets?: Budgets): Promise<StackOutcome[]> {
  const out: StackOutcome[] = [];
  const models = await dockerfiles.all();
  const byFolder = new Map<string, DockerfileModel[]>();
  for (const model of models) {
    const folder = path.dirname(model.file.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), model]);
  }
  for (const model of models) {
    const runs = runtime.get(model.file.path) ?? [];
    const prod = runs.filter((r) => r.environment === 'prod');
    const chosen = prod.length ? prod : runs;
    const last = model.stages.at(-1);
    const stages = chosen.length ? mapArray(chosen, (r) => r.stage) : last ? [last] : [];
    const env = environment ?? chosen[0]?.environment ?? environmentOfName(path.basename(model.file.path));
    const diagnostics = withConfiguredSeverity(mapArray(model.problems, (p) => ({ ruleId: 'parse-error', severity: 'error' as const, ...p })), settings);
    const siblings = byFolder.get(path.dirname(model.file.path))!.filter((m) => m !== model);
    diagnostics.push(...runDockerfileRules(model, stages, env, allRules, settings, siblings, budgets && !budgets.empty ? { budgets, services: servicesByStage(chosen) } : {}));
    out.push({ diagnostics, files: [model.file.path], dockerfile: model.file.path });
  }
  return out;
}

/** The services that build each stage, by stage index. */
function servicesByStage(runs: readonly StageRun[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of runs) {
    const names = out.get(r.stage.index) ?? [];
    for (const s of r.services) if (!names.includes(s)) names.push(s);
    out.set(r.stage.index, names);
  }
  return out;
}

/** Load-time findings (compose-schema, build-target-exists) follow the rule's configured severity, as a cap. */
function withConfiguredSeverity(ds: Diagnostic[], settings: ReadonlyMap<string, RuleSetting>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const configured = settings.get(d.ruleId)?.severity;
    if (configured === 'off') continue;
    out.push(configured ? { ...d, severity: milder(d.severity, configured) } : d);
  }
  return out;
}
