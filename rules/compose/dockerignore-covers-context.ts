import { getPair } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';
import { memoized } from '../../src/memo.js';
import type { BuildContext } from '../../src/stack/build-context.js';

/** Files that say which toolchain a context belongs to. */
const NODE_MARKERS = ['package.json'];
const PYTHON_MARKERS = ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile', 'uv.lock', 'poetry.lock'];
/** Folders that hold model weights in AI projects. */
const MODEL_DIRS = ['models', 'weights', 'checkpoints'];
const WEIGHT_FILE = /\.(gguf|safetensors|ggml|onnx|pt|pth|ckpt)$/i;

/**
 * What the `.dockerignore` must keep out, as paths to test: `.env` always (it appears later,
 * when someone copies `.env.example`), the rest when it is there or typical for the context.
 */
function mustExclude(ctx: BuildContext): string[] {
  const has = (name: string) => ctx.entries.has(name);
  const out = ['.env'];
  if (has('.git')) out.push('.git/');
  if (has('node_modules') || NODE_MARKERS.some(has)) out.push('node_modules/');
  const venvs = ['.venv', 'venv'].filter(has);
  if (venvs.length) out.push(...venvs.map((v) => `${v}/`));
  else if (PYTHON_MARKERS.some(has)) out.push('.venv/');
  for (const dir of MODEL_DIRS) if (ctx.entries.get(dir) === true) out.push(`${dir}/`);
  for (const [name, isDir] of ctx.entries) if (!isDir && WEIGHT_FILE.test(name)) out.push(name);
  return out;
}

const shown = (paths: string[]) => paths.map((p) => p.replace(/\/$/, '')).join(', ');

/**
 * What the context should keep out, and what its ignore file lets through. Contexts are shared
 * (read-only) by every service and stack that builds from them: each is judged once.
 */
const judge = memoized((ctx: BuildContext): { needed: string[]; missing: string[] } => {
  const needed = mustExclude(ctx);
  const ignore = ctx.dockerignore;
  return { needed, missing: ignore ? needed.filter((p) => !ignore.ignores(p) && !(p.endsWith('/') && ignore.ignores(`${p}x`))) : needed };
});

export default defineRule({
  meta: {
    id: 'dockerignore-covers-context',
    category: 'size',
    summary: 'Local build contexts have a .dockerignore that keeps out .git, node_modules, virtualenvs, .env and model weights',
    severity: 'warning',
  },
  check({ stack, effective, report }) {
    for (const service of stack.services) {
      const ctx = effective.get(service.name)?.buildContext;
      if (!ctx || !service.build) continue;
      const span = service.build.context?.span ?? getPair(service.node, 'build')!.keySpan;
      const { needed, missing } = judge(ctx);
      if (!ctx.dockerignore) {
        report({
          span,
          message: `${service.name} builds from ${ctx.dir}, which has no .dockerignore: everything in it (${shown(needed)}) is sent to the builder and COPY . can put it in the image; add a .dockerignore`,
        });
        continue;
      }
      if (missing.length === 0) continue;
      report({ span, message: `${service.name}'s ${ctx.dockerignore.path} does not exclude ${shown(missing)}; add ${missing.length === 1 ? 'it' : 'them'} so they stay out of the build context and the image` });
    }
  },
});
