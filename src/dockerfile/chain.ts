import { normalizePath } from '../source/container-path.js';
import type { DockerfileModel, Instruction, RunInstruction, Stage } from './types.js';

/** `stage` and the stages it is built `FROM`, the first base first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  for (let s: Stage | undefined = stage; s && !seen.has(s.index); ) {
    seen.add(s.index);
    chain.unshift(s);
    s = s.base.kind === 'stage' ? model.stages[s.base.stage] : undefined;
  }
  return chain;
}

/**
 * The stages whose layers end up in an image that runs: the runtime stages and everything
 * they are built `FROM`, in file order. A stage only read by `COPY --from` ships nothing.
 */
export function shippedStages(model: DockerfileModel, runtimeStages: readonly Stage[]): Stage[] {
  const byIndex = new Map<number, Stage>();
  for (const r of runtimeStages) for (const s of stageChain(model, r)) byIndex.set(s.index, s);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Every RUN whose layer ships, with its stage: what the size rules walk. */
export function shippedRuns(model: DockerfileModel, runtimeStages: readonly Stage[]): { stage: Stage; run: RunInstruction }[] {
  return shippedStages(model, runtimeStages).flatMap((stage) => stage.runs.map((run) => ({ stage, run })));
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
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.span.start >= at.span.start) return dir;
      if (ins.keyword === 'WORKDIR') dir = resolvePath(dir, ins.argsText.trim());
    }
  return dir;
}

/** `path` resolved against `dir`, `.`/`..` segments folded, no trailing slash. */
export function resolvePath(dir: string, path: string): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${dir}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}
