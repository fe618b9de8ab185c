import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { packageRoot } from '../../src/package-root.js';
import { fixFiles } from '../helpers/fix-files.js';

/**
 * Every fixable rule's bad fixtures, fixed with that rule's fixes alone (unsafe ones included):
 * no finding of the rule is left that a fix could address, fixing again changes nothing, and
 * the comments of the files survive in order.
 */
/** Fixed only with `--pin-digests`, from a registry: test/cli/pin-digests.test.ts. */
const NEEDS_REGISTRY = new Set(['pinned-image-tag']);
const fixable = allRules.filter((r) => r.meta.fixable && !NEEDS_REGISTRY.has(r.meta.id)).map((r) => r.meta.id);

/** Fixes that delete whole lines, and with them the comments on those lines. */
const DELETES_LINES = new Set(['no-version-field', 'volume-declared']);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function badCases(id: string): string[] {
  const dir = join(packageRoot, 'fixtures', id);
  return readdirSync(dir).filter((c) => c.startsWith('bad') && statSync(join(dir, c)).isDirectory()).map((c) => join(dir, c));
}

function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#.*?)\r?$/gm)].map((m) => m[1]!);
}

function isSubsequence(sub: readonly string[], of: readonly string[]): boolean {
  let i = 0;
  for (const x of of) if (x === sub[i]) i++;
  return i === sub.length;
}

describe.each(fixable)('%s fixes its bad fixtures', (id) => {
  it.each(badCases(id).map((c) => [relative(join(packageRoot, 'fixtures'), c), c]))('%s', async (_, dir) => {
    const files = Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
    const r = await fixFiles(files, { unsafe: true, rules: [id] });
    expect(r.outcome.fixed, 'fixes applied').toBeGreaterThan(0);
    expect(r.outcome.reverted).toEqual([]);
    expect(r.remaining.filter((d) => d.ruleId === id && d.fix).map((d) => `${d.span.file}:${d.span.line} ${d.message}`)).toEqual([]);
    expect(r.second).toEqual([]);
    if (!DELETES_LINES.has(id)) {
      for (const [name, text] of Object.entries(files)) expect(isSubsequence(comments(text), comments(r.files[name]!)), `comments of ${name}`).toBe(true);
    }
  });
});
