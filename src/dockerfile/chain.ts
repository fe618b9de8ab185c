import { mapArray } from '../arrays.js';
import { normalizePath } from '../source/container-path.js';
import { expandWord } from './expand.js';
import type { DockerfileModel, Instruction, RunInstruction, Stage } from './types.js';
import { parseJsonStrings } from './words.js';

/** `stage` and the stages it is built `FROM`, the first base first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  // Chains are a few stages long: scanning beats a Set, and pushing then reversing beats unshift.
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !hasIndex(chain, s.index); ) {
    chain.push(s);
    s = s.base.kind === 'stage' ? model.stages[s.base.stage] : undefined;
  }
  return chain.reverse();
}

function hasIndex(stages: readonly Stage[], index: number): boolean {
  for (const s of stages) if (s.index === index) return true;
  return false;
}

/**
 * The stages whose layers end up in an image that runs: the runtime stages and everything
 * they are built `FROM`, in file order. A stage only read by `COPY --from` ships nothing.
 * Shared by every rule given the same runtime stages: do not change it.
 */
export function shippedStages(model: DockerfileModel, runtimeStages: readonly Stage[]): Stage[] {
  return shippedOf(model, runtimeStages).stages;
}

/** Every RUN whose layer ships, with its stage: what the size rules walk. Shared: do not change it. */
export function shippedRuns(model: DockerfileModel, runtimeStages: readonly Stage[]): { stage: Stage; run: RunInstruction }[] {
  const shipped = shippedOf(model, runtimeStages);
  return (shipped.runs ??= shipped.stages.flatMap((stage) => mapArray(stage.runs, (run) => ({ stage, run }))));
}

interface Shipped {
  model: DockerfileModel;
  stages: Stage[];
  runs?: { stage: Stage; run: RunInstruction }[];
}

/** The Dockerfile rules all get one runtime-stages array per Dockerfile: computed once for it. */
const shippedMemo = new WeakMap<readonly Stage[], Shipped>();

function shippedOf(model: DockerfileModel, runtimeStages: readonly Stage[]): Shipped {
  let shipped = shippedMemo.get(runtimeStages);
  if (!shipped || shipped.model !== model) {
    const byIndex = new Map<number, Stage>();
    for (const r of runtimeStages) for (const s of stageChain(model, r)) byIndex.set(s.index, s);
    shipped = { model, stages: [...byIndex.values()].sort((a, b) => a.index - b.index) };
    shippedMemo.set(runtimeStages, shipped);
  }
  return shipped;
}

/** The runtime stages whose chain includes `stage` (itself, or stages built FROM it). */
export function runtimeStagesOf(model: DockerfileModel, stage: Stage, runtimeStages: readonly Stage[]): Stage[] {
  return runtimeStages.filter((r) => stageChain(model, r).includes(stage));
}

/** Whether a `RUN --mount` of type cache or tmpfs covers `dir` (a mount on `/var/lib/apt` covers its lists). */
export function mountCovers(run: RunInstruction, dir: string | RegExp): boolean {
  return run.mounts.some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const target = m.options.target ?? m.options.dst ?? m.options.destination;
    if (!target) return false;
    const t = normalizePath(target);
    return typeof dir === 'string' ? dir === t || dir.startsWith(`${t}/`) : dir.test(t);
  });
}

/** An ENV the stage chain sets before `at` (ENV after it does not apply to it). */
export function envBefore(stage: Stage, name: string, at: Instruction): string | undefined {
  const e = stage.effective.env.get(name);
  return e && e.instruction.span.start < at.span.start ? e.value : undefined;
}

/** The WORKDIR in effect at `at`, following the chain's WORKDIR instructions ('/' when none). */
export function workdirAt(model: DockerfileModel, stage: Stage, at: Instruction): string {
  let dir = '/';
  for (const w of workdirs(model, stage)) {
    if (w.start >= at.span.start) break;
    dir = w.dir;
  }
  return dir;
}

/** Per stage, where each WORKDIR along its chain stands and the folder it leaves: rules ask at every COPY and RUN. */
const workdirsOf = new WeakMap<Stage, { start: number; dir: string }[]>();

function workdirs(model: DockerfileModel, stage: Stage): { start: number; dir: string }[] {
  let out = workdirsOf.get(stage);
  if (!out) {
    out = [];
    let dir = '/';
    // A chain's stages come in file order, so its instructions are in offset order.
    for (const s of stageChain(model, stage))
      for (const ins of s.instructions)
        if (ins.keyword === 'WORKDIR') out.push({ start: ins.span.start, dir: (dir = resolvePath(dir, ins.argsText.trim())) });
    workdirsOf.set(stage, out);
  }
  return out;
}

/** An absolute path with no empty, `.` or `..` segment and no trailing slash: already resolved. */
const RESOLVED = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;

/** `path` resolved against `dir`, `.`/`..` segments folded, no trailing slash. */
export function resolvePath(dir: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${dir}/${path}`;
  if (RESOLVED.test(joined)) return joined;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

// ---------------------------------------------------------------------------------------------
// SHELL and variables at one instruction (the model keeps only each stage's final state)

/** The SHELL argv in effect at `at` along the stage chain; undefined for the default shell. */
export function shellAt(model: DockerfileModel, stage: Stage, at: Instruction): string[] | undefined {
  let shell: string[] | undefined;
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.span.start >= at.span.start) return shell;
      if (ins.keyword !== 'SHELL') continue;
      const json = parseJsonStrings(ins.argsText);
      if (json && json.values.length) shell = json.values;
    }
  return shell;
}

/**
 * `raw` with the ENV and ARG values known at `at` substituted, quotes removed; undefined when a
 * variable's value there is unknown (a build arg without default, an ENV set twice…).
 */
export function expandAt(model: DockerfileModel, stage: Stage, at: Instruction, raw: string): string | undefined {
  const e = expandWord(raw, (name) => valueAt(model, stage, at, name), model.directives.escape);
  return e.resolved ? e.value : undefined;
}

function valueAt(model: DockerfileModel, stage: Stage, at: Instruction, name: string): string | undefined {
  // ENV wins over ARG; the model keeps the last ENV per name, so one set after `at` hides any earlier one.
  const env = stage.effective.env.get(name);
  if (env) return env.resolved ? envBefore(stage, name, at) : undefined;
  const decl = last(stage.args, (a) => a.name === name && a.span.start < at.span.start);
  if (!decl) return undefined;
  if (Object.hasOwn(model.buildArgs, name)) return model.buildArgs[name];
  const plain = (v: string | undefined) => (v !== undefined && !v.includes('$') ? v : undefined);
  if (decl.default !== undefined) return plain(decl.default);
  return plain(last(model.globalArgs, (a) => a.name === name)?.default);
}

function last<T>(items: readonly T[], test: (t: T) => boolean): T | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k]!)) return items[k];
  return undefined;
}
