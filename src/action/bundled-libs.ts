import { gopherJsGuard, provideLibs } from '../source/lazy-libs.js';

/**
 * Hands the bundle's copies of the lazily loaded libraries to src/source/lazy-libs.ts: the
 * action runs from its committed bundle with no node_modules, where `createRequire` finds
 * nothing. The bundler inlines each `import()`, evaluated here.
 */
export async function provideBundledLibs(): Promise<void> {
  const restore = gopherJsGuard();
  try {
    const [yaml, ajv, mvdanSh] = await Promise.all([import('yaml'), import('ajv'), import('mvdan-sh')]);
    provideLibs({ yaml, ajv: unwrap(ajv), mvdanSh: unwrap(mvdanSh) });
  } finally {
    restore();
  }
}

/** A CommonJS module imported from ESM: its `module.exports` is the default export. */
function unwrap<T>(ns: T): T {
  return ((ns as { default?: T }).default ?? ns) as T;
}
