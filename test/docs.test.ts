import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleDocPath } from '../src/cli/rules-command.js';
import { generatedRuleDocs } from '../src/docs/rule-docs.js';
import { packageRoot } from '../src/package-root.js';

it('docs/rules is up to date with the rules (run `npm run docs`)', () => {
  const expected = generatedRuleDocs(allRules.map((r) => r.meta), ruleDocPath);
  const dir = join(packageRoot, 'docs', 'rules');
  const onDisk = existsSync(dir) ? readdirSync(dir).map((n) => `docs/rules/${n}`).sort() : [];
  expect(onDisk, 'docs/rules has other files than the rules').toEqual([...expected.keys()].sort());
  for (const [rel, text] of expected) expect(readFileSync(join(packageRoot, rel), 'utf8'), `${rel} is stale: run npm run docs`).toBe(text);
});
