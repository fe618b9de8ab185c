import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleDocPath } from '../src/cli/rules-command.js';
import { packageRoot } from '../src/package-root.js';

const SECTIONS = ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Options', '## Fix'];

describe('every rule', () => {
  it('has a unique kebab-case id and is sorted in the registry', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect([...ids].sort()).toEqual(ids);
  });

  for (const rule of allRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has docs with the required sections', () => {
        const doc = readFileSync(ruleDocPath(id), 'utf8');
        expect(doc.startsWith(`# ${id}\n`)).toBe(true);
        for (const s of SECTIONS) expect(doc, `${id}.md lacks "${s}"`).toContain(`\n${s}\n`);
      });
      it('has a one-line summary without a trailing period', () => {
        expect(rule.meta.summary).not.toMatch(/\.$|\n/);
      });
      it('has failing and passing fixtures', () => {
        const dir = join(packageRoot, 'fixtures', id);
        expect(existsSync(dir), `fixtures/${id} is missing`).toBe(true);
        const cases = readdirSync(dir);
        expect(cases.some((c) => c.startsWith('bad'))).toBe(true);
        expect(cases.some((c) => c.startsWith('good'))).toBe(true);
      });
    });
  }

  it('options schemas are closed objects', () => {
    for (const r of allRules) if (r.meta.options) expect(r.meta.options).toMatchObject({ type: 'object', additionalProperties: false });
  });
});
