import { envBefore, mountCovers, resolvePath, stageChain, workdirAt } from '../dockerfile/chain.js';
import { runCommands, runPackageOps } from '../dockerfile/commands.js';
import type { DockerfileModel, Instruction, RunInstruction, Stage } from '../dockerfile/types.js';
import { lookupImage } from '../images/facts.js';
import type { ImageRefLike } from '../images/known-images.js';
import { cacheSize, packageSize, type Build, type CacheKind, type PackageSize, type SizeManager } from '../images/package-sizes.js';
import { createdVenv, playwrightInstalls } from '../shell/installs.js';
import { cleansAptLists, cleansCache, flagValues, hasFlag, usesCpuWheels, type PackageOp } from '../shell/packages.js';
import type { SimpleCommand } from '../shell/types.js';

/**
 * A static estimate of an image's size, per layer, from the package-size table and the base
 * image sizes in known-images.json. It counts only what the tables know (heavy packages,
 * caches left behind, directories copied between stages): a floor for what the table covers,
 * each part with its own error margin.
 */

/** One thing a layer holds: a package, a cache, a copied directory, the base image. */
export interface Part {
  label: string;
  bytes: number;
  /** Relative error of `bytes`. */
  margin: number;
}

export interface LayerEstimate {
  stage: Stage;
  instruction: Instruction;
  bytes: number;
  /** Worst-case absolute error: the parts' errors added up. */
  error: number;
  parts: Part[];
  /** Packages and requirement files the table cannot size (not counted). */
  uncounted: string[];
}

export interface ImageEstimate {
  stage: Stage;
  /** The base image of the stage chain; absent when its size is not known. */
  base?: Part;
  /** Every RUN, COPY and ADD of the chain that runs, in order (empty layers included). */
  layers: LayerEstimate[];
  bytes: number;
  error: number;
}

/** A directory a stage wrote, which another stage may `COPY --from`. */
interface Produced {
  path: string;
  parts: Part[];
}

/** What a stage chain holds after its last instruction. */
interface StageState {
  installed: Set<string>;
  produced: Produced[];
  layers: LayerEstimate[];
}

/** Where pip installs without a target: a prefix of site-packages for any Python version. */
const SYSTEM_SITE = '/usr/local/lib';

const memo = new WeakMap<DockerfileModel, Map<number, StageState>>();

export function estimateImage(model: DockerfileModel, stage: Stage): ImageEstimate {
  const state = stageState(model, stage, new Set());
  const root = stageChain(model, stage)[0]!.base;
  const base = root.kind === 'image' ? baseImagePart(root.ref, root.text) : root.kind === 'scratch' ? { label: 'scratch', bytes: 0, margin: 0 } : undefined;
  const parts = [...(base ? [base] : []), ...state.layers];
  return {
    stage,
    ...(base && { base }),
    layers: state.layers,
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
    error: (base ? base.bytes * base.margin : 0) + state.layers.reduce((n, l) => n + l.error, 0),
  };
}

/** The base image's size from known-images.json (its tag's variants applied), if the table has one. */
function baseImagePart(ref: ImageRefLike, text: string): Part | undefined {
  const size = lookupImage(ref)?.size;
  return size && { label: text, bytes: Math.round(size.mb * 1_000_000), margin: size.margin };
}

function stageState(model: DockerfileModel, stage: Stage, visiting: Set<number>): StageState {
  let byStage = memo.get(model);
  if (!byStage) memo.set(model, (byStage = new Map()));
  const known = byStage.get(stage.index);
  if (known) return known;
  visiting.add(stage.index);
  const parent = stage.base.kind === 'stage' && !visiting.has(stage.base.stage) ? stageState(model, model.stages[stage.base.stage]!, visiting) : undefined;
  const state: StageState = {
    installed: new Set(parent?.installed),
    produced: [...(parent?.produced ?? [])],
    layers: [...(parent?.layers ?? [])],
  };
  const runs = new Map(stage.runs.map((r) => [r.instruction, r]));
  const copies = new Map(stage.copies.map((c) => [c.instruction, c]));
  let venv: string | undefined;
  for (const instruction of stage.instructions) {
    const layer: LayerEstimate = { stage, instruction, bytes: 0, error: 0, parts: [], uncounted: [] };
    const run = runs.get(instruction);
    const copy = copies.get(instruction);
    if (run) venv = estimateRun(model, stage, run, state, layer, venv);
    else if (copy?.from?.kind === 'stage' && !visiting.has(copy.from.stage)) {
      const from = stageState(model, model.stages[copy.from.stage]!, visiting);
      for (const source of copy.sources) {
        const path = resolvePath('/', source.text);
        for (const p of from.produced) {
          if (p.path === path || p.path.startsWith(`${path === '/' ? '' : path}/`) || path.startsWith(`${p.path}/`)) {
            layer.parts.push(...p.parts);
          }
        }
      }
    } else if (!copy) continue;
    layer.parts.sort((a, b) => b.bytes - a.bytes);
    layer.bytes = layer.parts.reduce((n, p) => n + p.bytes, 0);
    layer.error = layer.parts.reduce((n, p) => n + p.bytes * p.margin, 0);
    state.layers.push(layer);
  }
  visiting.delete(stage.index);
  byStage.set(stage.index, state);
  return state;
}

/** Adds a RUN's parts to `layer`; returns the virtualenv later pip installs go to. */
function estimateRun(model: DockerfileModel, stage: Stage, run: RunInstruction, state: StageState, layer: LayerEstimate, venv: string | undefined): string | undefined {
  const commands = runCommands(run);
  let aptUpdated = false;
  for (const command of commands) {
    const dir = createdVenv(command);
    if (dir) venv = resolvePath(workdirAt(model, stage, run.instruction), dir);
  }
  for (const op of runPackageOps(run)) {
    if (op.manager === 'apt' && op.action === 'update') aptUpdated = true;
    const manager = sizeManager(op);
    if (!manager) continue;
    if (op.manager === 'pip' || op.manager === 'uv') {
      // torch's CPU build when asked for; otherwise what PyPI serves on Linux (CUDA).
      const build = usesCpuWheels(op, (name) => envBefore(stage, name, run.instruction)) ? 'cpu' : undefined;
      if (op.action === 'wheel' || op.action === 'download') {
        const dir = flagValues(op, '-w', '--wheel-dir', '-d', '--dest')[0] ?? '.';
        const wheels = resolveAll(op, 'pip', build, new Set(), layer).map((p) => ({ label: `${p.label} wheel`, bytes: p.download ?? 0, margin: p.margin }));
        layer.parts.push(...wheels);
        state.produced.push({ path: resolvePath(workdirAt(model, stage, run.instruction), dir), parts: wheels });
        continue;
      }
      if (!['install', 'add', 'sync'].includes(op.action)) continue;
      const sizes = resolveAll(op, 'pip', build, state.installed, layer);
      const parts = sizes.map(installedPart);
      layer.parts.push(...parts);
      const cache = pythonCache(stage, run, op, commands);
      const downloaded = sizes.reduce((n, p) => n + (p.download ?? 0), 0);
      if (cache && downloaded > 0) {
        const c = cacheSize(cache);
        layer.parts.push({ label: `${cache} cache`, bytes: Math.round(downloaded * (c.factor ?? 1)), margin: Math.max(c.margin, ...sizes.map((s) => s.margin)) });
      }
      const target = flagValues(op, '-t', '--target', '--prefix', '--root')[0];
      const into = target ? resolvePath(workdirAt(model, stage, run.instruction), target) : (venv ?? SYSTEM_SITE);
      state.produced.push({ path: into, parts });
      continue;
    }
    if (op.action !== 'install' && op.action !== 'add') continue;
    const sizes = resolveAll(op, manager, undefined, state.installed, layer);
    layer.parts.push(...sizes.map(installedPart));
  }
  for (const command of commands) playwrightInstall(command, state, layer);
  if (aptUpdated && !cleansAptLists(commands) && !mountCovers(run, '/var/lib/apt/lists')) {
    const c = cacheSize('apt-lists');
    layer.parts.push({ label: 'apt lists', bytes: c.bytes ?? 0, margin: c.margin });
  }
  return venv;
}

function installedPart(p: PackageSize): Part {
  return { label: p.label, bytes: p.installed, margin: p.margin };
}

function sizeManager(op: PackageOp): SizeManager | undefined {
  switch (op.manager) {
    case 'pip':
    case 'uv':
      return 'pip';
    case 'apt':
    case 'apk':
      return op.manager;
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return 'npm';
    default:
      return undefined;
  }
}

/**
 * The op's packages the table knows and, following `pulls`, what they install with them, each
 * once and none already in `installed` (which gains them). Names the table does not know, and
 * requirement files, go to `layer.uncounted`.
 */
function resolveAll(op: PackageOp, manager: SizeManager, build: Build | undefined, installed: Set<string>, layer: LayerEstimate): PackageSize[] {
  const out: PackageSize[] = [];
  const queue: string[] = [];
  for (const p of op.packages) {
    if (p.source !== 'registry') continue;
    const size = packageSize(manager, p.name, build);
    if (size) queue.push(size.name);
    else layer.uncounted.push(p.name);
  }
  for (const file of flagValues(op, '-r', '--requirement')) layer.uncounted.push(file);
  const noDeps = hasFlag(op, '--no-deps');
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const key = `${manager}\0${name}`;
    if (installed.has(key)) continue;
    installed.add(key);
    const size = packageSize(manager, name, build);
    if (!size) continue;
    out.push(size);
    if (!noDeps) queue.push(...size.pulls);
  }
  return out;
}

/** Which download cache a pip or uv install leaves in the layer, if any. */
function pythonCache(stage: Stage, run: RunInstruction, op: PackageOp, commands: readonly SimpleCommand[]): CacheKind | undefined {
  const uv = op.manager === 'uv';
  const kind: CacheKind = uv ? 'uv' : 'pip';
  if (hasFlag(op, '--no-cache-dir', '--no-cache', '-n')) return undefined;
  const env = envBefore(stage, uv ? 'UV_NO_CACHE' : 'PIP_NO_CACHE_DIR', run.instruction);
  if (env !== undefined && (!uv || !/^(?:0|false|no|off)?$/i.test(env))) return undefined;
  if (cleansCache(commands, kind) || mountCovers(run, uv ? /\/\.cache(?:\/uv)?$/ : /\/\.cache(?:\/pip)?$/)) return undefined;
  return kind;
}

/** The browsers and system libraries `playwright install` adds, each once per image. */
function playwrightInstall(command: SimpleCommand, state: StageState, layer: LayerEstimate): void {
  for (const name of playwrightInstalls(command)) {
    const key = `playwright\0${name}`;
    const size = packageSize('playwright', name);
    if (!size || state.installed.has(key)) continue;
    state.installed.add(key);
    layer.parts.push(installedPart(size));
  }
}
