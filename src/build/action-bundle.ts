/**
 * The GitHub Action's bundle: one self-contained file, committed at dist/action/index.js,
 * because an action runs from a fresh clone with no install step. Unlike the CLI's bundle,
 * everything is inside, the lazily loaded libraries too (src/action/bundled-libs.ts hands
 * them over). Built from the TypeScript sources, so the output depends on nothing but them
 * and the installed packages: test/action/bundle.test.ts rebuilds it and compares.
 */
import { build } from 'esbuild';
import { packageRoot } from '../package-root.js';

const ACTION_ENTRY = 'src/action/main.ts';
export const ACTION_BUNDLE = 'dist/action/index.js';

export async function buildActionBundle(outfile: string): Promise<void> {
  await build({
    absWorkingDir: packageRoot,
    entryPoints: [ACTION_ENTRY],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Identifiers kept, so an internal error's stack still names functions.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    // CommonJS packages inside an ES module bundle still `require` Node's own modules.
    banner: { js: ['// Built by `npm run build:action` from src/action/main.ts: do not edit.', "import { createRequire as __bundleCreateRequire } from 'node:module';", 'const require = __bundleCreateRequire(import.meta.url);'].join('\n') },
    logLevel: 'warning',
  });
}
