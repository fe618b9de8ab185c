import { runCommands, runPackageOps } from '../../src/dockerfile/commands.js';
import { envBefore, mountCovers, shippedRuns } from '../../src/dockerfile/chain.js';
import { addFlagFix } from '../../src/dockerfile/edits.js';
import { opSpan } from '../../src/dockerfile/op-span.js';
import { defineRule } from '../../src/engine/types.js';
import { cleansCache, type CacheKind, type PackageOp } from '../../src/shell/packages.js';

/** What keeps each installer's download cache out of the layer, besides a cleanup in the RUN. */
const INSTALLERS: readonly { kind: CacheKind; matches: (op: PackageOp) => boolean; env: string; keepsCache: RegExp; cacheDir: RegExp; flag: string }[] = [
  // pip disables the cache for any value, false-like ones included (pip's `_handle_no_cache_dir`).
  { kind: 'pip', matches: (op) => op.manager === 'pip' && op.action === 'install', env: 'PIP_NO_CACHE_DIR', keepsCache: /^$/, cacheDir: /\/\.cache(?:\/pip)?$/, flag: '--no-cache-dir' },
  { kind: 'uv', matches: (op) => op.manager === 'uv' && op.subcommand.map((w) => w.text).join(' ') === 'pip install', env: 'UV_NO_CACHE', keepsCache: /^(?:0|false|no|off)?$/i, cacheDir: /\/\.cache(?:\/uv)?$/, flag: '--no-cache' },
];

export default defineRule({
  meta: {
    id: 'pip-no-cache',
    category: 'size',
    summary: 'pip install and uv pip install in an image do not keep their download cache',
    severity: 'warning',
    peers: { hadolint: ['DL3042'] },
    fixable: 'safe',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const { stage, run } of shippedRuns(dockerfile, runtimeStages)) {
      for (const op of runPackageOps(run)) {
        const installer = INSTALLERS.find((i) => i.matches(op));
        if (!installer) continue;
        const env = envBefore(stage, installer.env, run.instruction);
        if (env !== undefined && !installer.keepsCache.test(env)) continue;
        if (cleansCache(runCommands(run), installer.kind) || mountCovers(run, installer.cacheDir)) continue;
        // uv also accepts pip's spelling.
        if (installer.kind === 'uv' && op.flags.some((f) => f.name === '--no-cache-dir')) continue;
        report({
          span: opSpan(dockerfile.file, op),
          message: `${op.tool} install keeps its download cache in the layer; add ${installer.flag} (or set ${installer.env}=1, or use a cache mount)`,
          fix: addFlagFix(dockerfile.file, op, installer.flag, true),
        });
      }
    }
  },
});
