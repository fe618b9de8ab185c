import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleIds } from '../rules/index.js';
import { packageRoot } from '../src/package-root.js';
import { lintDir } from './helpers/lint-fixture.js';

/**
 * Every case folder under fixtures/<rule-id>/ (names starting `bad` or `good`) and every
 * folder under fixtures/stacks/ is linted; findings must match the inline markers exactly:
 *   `# expect: rule-a, rule-b`       on the line where the findings start
 *   `# expect-next-line: rule-a`     on its own line, for the line below
 * Under fixtures/<rule-id>/, the rules checked are that rule plus any a marker names; under
 * fixtures/stacks/, every rule.
 */
const fixtures = join(packageRoot, 'fixtures');

interface Case {
  dir: string;
  rules: Set<string> | 'all';
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const group of readdirSync(fixtures).sort()) {
    if (!statSync(join(fixtures, group)).isDirectory()) continue;
    if (group === 'stacks') {
      for (const c of readdirSync(join(fixtures, group)).sort()) out.push({ dir: join(fixtures, group, c), rules: 'all' });
    } else if (ruleIds.has(group)) {
      for (const c of readdirSync(join(fixtures, group)).sort()) {
        if (/^(bad|good)/.test(c)) out.push({ dir: join(fixtures, group, c), rules: new Set([group]) });
      }
    }
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const MARKER = /#\s*expect(-next-line)?:\s*([\w\s,-]+?)\s*(?:#.*)?$/;

function expectations(dir: string): string[] {
  const out: string[] = [];
  for (const file of walk(dir)) {
    const rel = relative(dir, file).split('\\').join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = MARKER.exec(text);
        if (!m) return;
        const line = m[1] ? i + 2 : i + 1;
        for (const id of m[2]!.split(/[\s,]+/).filter(Boolean)) out.push(`${rel}:${line} ${id}`);
      });
  }
  return out.sort();
}

describe('fixtures', () => {
  for (const c of cases()) {
    it(relative(fixtures, c.dir), async () => {
      const expected = expectations(c.dir);
      const named = c.rules === 'all' ? 'all' : new Set([...c.rules, ...expected.map((e) => e.split(' ')[1]!)]);
      const found = (await lintDir(c.dir))
        .filter((d) => named === 'all' || named.has(d.ruleId))
        .map((d) => `${d.span.file}:${d.span.line} ${d.ruleId}`)
        .sort();
      if (relative(fixtures, c.dir).split('/')[1]!.startsWith('good') && c.rules !== 'all') expect(expected).toEqual([]);
      expect(found).toEqual(expected);
    });
  }
});
