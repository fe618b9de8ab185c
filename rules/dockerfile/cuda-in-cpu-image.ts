import { envBefore, shippedStages, stageChain } from '../../src/dockerfile/chain.js';
import { runPackageOps } from '../../src/dockerfile/commands.js';
import { addFlagFix } from '../../src/dockerfile/edits.js';
import type { DockerfileModel, Stage } from '../../src/dockerfile/types.js';
import { defineRule } from '../../src/engine/types.js';
import { lookupImage } from '../../src/images/facts.js';
import { imageKey } from '../../src/images/known-images.js';
import type { ParsedImageRef } from '../../src/images/ref.js';
import { wheelSources, type EnvLookup, type PackageOp } from '../../src/shell/packages.js';

/** Packages whose default (PyPI) Linux wheels depend on the nvidia-* CUDA wheels. */
const TORCH = new Set(['torch', 'torchvision', 'torchaudio']);
/** A RUN that could install one of them (a backslash could escape a letter of the name). */
const MAY_NAME_TORCH = /torch|\\(?!\r?\n)/i;
const CPU_INDEX = 'https://download.pytorch.org/whl/cpu';

/** Base images built for GPUs, beyond what known-images.json says. */
const GPU_BASES: readonly { repo: RegExp; tag?: RegExp }[] = [
  { repo: /^(?:nvcr\.io\/)?nvidia\// },
  // Every pytorch/pytorch tag is a CUDA build.
  { repo: /^pytorch\/pytorch$/ },
  { repo: /^rocm\// },
  { repo: /^tensorflow\/tensorflow$/, tag: /gpu/ },
  { repo: /^vllm\// },
];
/** A tag naming a GPU build of any image: `12.4-cuda`, `cu121-py311`, `gpu`, `rocm6.2`. */
const GPU_TAG = /(?:^|[-_.])(?:cuda|cu\d{2,3}|gpu|rocm)/i;

/** An index or local version that picks a build on purpose: CPU, or a GPU build asked for by name. */
const CHOSEN_BUILD = /\/whl\/(?:nightly\/)?(?:cpu|cu\d+|rocm[\d.]+)\b|\+(?:cpu|cu\d+|rocm[\d.]+)\b/;

type Gpu = boolean | 'unknown';

function isGpuImage(ref: ParsedImageRef): boolean {
  if (lookupImage(ref)?.gpu) return true;
  const key = imageKey(ref);
  if (GPU_BASES.some((b) => b.repo.test(key) && (!b.tag || b.tag.test(ref.tag ?? '')))) return true;
  return GPU_TAG.test(ref.tag ?? '');
}

function rootGpu(model: DockerfileModel, stage: Stage): Gpu {
  const base = stageChain(model, stage)[0]!.base;
  if (base.kind === 'image') return isGpuImage(base.ref);
  return base.kind === 'scratch' ? false : 'unknown';
}

/** Shipped stages, and the stages they `COPY --from` (a venv built elsewhere ships too). */
function feedingStages(model: DockerfileModel, runtime: readonly Stage[]): Stage[] {
  const seen = new Map<number, Stage>();
  const queue = [...shippedStages(model, runtime)];
  for (let s = queue.shift(); s; s = queue.shift()) {
    if (seen.has(s.index)) continue;
    seen.set(s.index, s);
    for (const c of s.copies) if (c.from?.kind === 'stage') queue.push(...stageChain(model, model.stages[c.from.stage]!));
  }
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

/** `--torch-backend` (uv), an index or a `+cpu` / `+cu121` version: the build was picked on purpose. */
function choosesBuild(op: PackageOp, torch: PackageOp['packages'], env: EnvLookup): boolean {
  if (op.flags.some((f) => f.name === '--torch-backend') || env('UV_TORCH_BACKEND') !== undefined) return true;
  return wheelSources(op, env, torch).some((s) => CHOSEN_BUILD.test(s));
}

export default defineRule({
  meta: {
    id: 'cuda-in-cpu-image',
    category: 'size',
    summary: 'torch in an image without CUDA comes from the CPU wheel index, not with gigabytes of nvidia-* wheels',
    severity: 'warning',
    fixable: 'unsafe',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    // Most Dockerfiles install no torch: skip looking up their base images.
    if (!dockerfile.stages.some((s) => s.runs.some((r) => r.form === 'shell' && r.script && MAY_NAME_TORCH.test(r.script)))) return;
    // A runtime stage on a GPU (or unknown) base rules out every stage.
    if (runtimeStages.some((s) => rootGpu(dockerfile, s) !== false)) return;
    for (const stage of feedingStages(dockerfile, runtimeStages)) {
      if (rootGpu(dockerfile, stage) !== false) continue;
      for (const run of stage.runs) {
        const env: EnvLookup = (name) => envBefore(stage, name, run.instruction);
        for (const op of runPackageOps(run)) {
          if ((op.manager !== 'pip' && op.manager !== 'uv') || op.action !== 'install') continue;
          const torch = op.packages.filter((p) => p.source === 'registry' && TORCH.has(p.name.toLowerCase()));
          if (torch.length === 0 || choosesBuild(op, torch, env)) continue;
          const base = stageChain(dockerfile, stage)[0]!.base;
          const image = base.kind === 'image' ? base.text : 'scratch';
          report({
            span: dockerfile.file.span(torch[0]!.start, torch.at(-1)!.end),
            message: `${op.tool} install ${torch.map((p) => p.name).join(' ')} pulls the CUDA build and 2–4 GB of nvidia-* wheels onto ${image}, a base without CUDA; add --extra-index-url ${CPU_INDEX}`,
            fix: addFlagFix(dockerfile.file, op, `--extra-index-url ${CPU_INDEX}`, false),
          });
        }
      }
    }
  },
});
