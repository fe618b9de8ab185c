import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleDocPath } from '../src/cli/rules-command.js';
import { exampleProjects } from '../src/docs/examples.js';
import { lintFiles } from './helpers/lint-fixture.js';

// Every rule's docs are also its first test: the "Example" project gives that rule's finding,
// the "Use instead" project none. Opt-in rules are on under `strict`, which the projects use.
describe('rule docs examples', () => {
  for (const rule of allRules) {
    const { id } = rule.meta;
    const projects = () => exampleProjects(readFileSync(ruleDocPath(id), 'utf8'));
    const environment = rule.meta.environments?.includes('prod') === false ? rule.meta.environments[0] : 'prod';
    // A project with its own .ragcheck.yaml (to set options) gets the preset added to it.
    const lint = (files: Record<string, string>) => {
      const config = files['.ragcheck.yaml'];
      if (config === undefined) return lintFiles(files, { rules: [id], environment, config: { extends: 'strict' } });
      return lintFiles({ ...files, '.ragcheck.yaml': /^extends:/m.test(config) ? config : `extends: strict\n${config}` }, { rules: [id], environment });
    };

    it(`${id}: "Example" gives its finding`, async () => {
      const { example } = projects();
      expect(example.length, `${id}.md has no Example code`).toBeGreaterThan(0);
      for (const files of example) expect((await lint(files)).length, Object.keys(files).join(', ')).toBeGreaterThan(0);
    });

    it(`${id}: "Use instead" gives none`, async () => {
      const { useInstead } = projects();
      expect(useInstead.length, `${id}.md has no "Use instead" code`).toBeGreaterThan(0);
      for (const files of useInstead) expect((await lint(files)).map((d) => `${d.span.file}:${d.span.line} ${d.message}`)).toEqual([]);
    });
  }
});
