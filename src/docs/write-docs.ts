/**
 * `npm run docs`: writes docs/rules/ from the rules' own docs and meta, and removes pages of
 * rules that no longer exist.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../rules/index.js';
import { ruleDocPath } from '../cli/rules-command.js';
import { packageRoot } from '../package-root.js';
import { generatedRuleDocs } from './rule-docs.js';

const files = generatedRuleDocs(allRules.map((r) => r.meta), ruleDocPath);
const dir = join(packageRoot, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (!files.has(`docs/rules/${name}`)) rmSync(join(dir, name));
for (const [rel, text] of files) writeFileSync(join(packageRoot, rel), text);
process.stdout.write(`wrote ${files.size} files in docs/rules\n`);
