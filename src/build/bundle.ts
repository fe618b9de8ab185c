/**
 * `npm run build`, after tsc: bundles the CLI into dist/bundle/. Node loads one file's worth of
 * modules instead of ~150 separate ones, which halves start-up — the cost a pre-commit hook pays
 * on every commit. Commands other than lint stay in chunks of their own, loaded when asked for.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/**
 * Loaded only when needed (a file the fast reader cannot take, a schema failure to explain, a
 * shell script to analyse): bundling them would make every run compile them.
 */
const LOADED_ON_DEMAND = ['yaml', 'ajv', 'ajv-formats', 'mvdan-sh'];

const outdir = join(packageRoot, 'dist', 'bundle');
// Chunk names carry content hashes: clear the last build's so none go stale.
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: packageRoot,
  entryPoints: ['dist/src/cli/main.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: LOADED_ON_DEMAND,
  logLevel: 'warning',
});
