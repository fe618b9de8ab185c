import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleDocPath } from '../src/cli/rules-command.js';
import { section } from '../src/docs/examples.js';
import { packageRoot } from '../src/package-root.js';

const SECTIONS = ['## What it does', '## Why it matters', '## Example', '## Use instead', '## Fix', '## Options', '## Peers'];

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
        const found = SECTIONS.map((s) => doc.indexOf(`\n${s}\n`));
        for (const [i, s] of SECTIONS.entries()) expect(found[i], `${id}.md lacks "${s}"`).toBeGreaterThan(-1);
        expect(found, `${id}.md has its sections out of order`).toEqual([...found].sort((a, b) => a - b));
      });
      it('names in its docs every peer check it covers', () => {
        const peers = section(readFileSync(ruleDocPath(id), 'utf8'), 'Peers');
        for (const peerId of Object.values(rule.meta.peers ?? {}).flat()) expect(peers, `${id}.md: Peers lacks ${peerId}`).toContain(`\`${peerId}\``);
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
