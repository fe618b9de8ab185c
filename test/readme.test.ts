import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ruleDocPath } from '../src/cli/rules-command.js';
import { expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { packageRoot } from '../src/package-root.js';

/** The README's rule table is the registry's: one row per rule, in order, with its docs link. */
function ruleTableRows(): string[] {
  return allRules.map(({ meta }) => {
    const scope = [meta.severity, meta.environments ? `${meta.environments.join(', ')} only` : '', meta.fixable ? `fix: ${meta.fixable}` : ''].filter(Boolean).join('; ');
    return `| [\`${meta.id}\`](${relative(packageRoot, ruleDocPath(meta.id))}) | ${meta.summary} | ${scope} |`;
  });
}

it('README lists every rule as the registry describes it', () => {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const rows = readme.split('\n').filter((l) => l.startsWith('| [`'));
  expect(rows).toEqual(ruleTableRows());
});
