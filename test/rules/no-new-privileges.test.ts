import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-new-privileges.js';
import { fixFiles } from '../helpers/fix-files.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('no-new-privileges', () => {
  it('reports a service without it at the key, and one that turns it off at the item (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: acme/api:1\n  worker:\n    image: acme/worker:1\n    security_opt:\n      - no-new-privileges:false\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 3, endLine: 2, endColumn: 6 },
      { line: 7, column: 9, endLine: 7, endColumn: 32 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      `api does not set no-new-privileges, so a setuid binary can raise a process's privileges; add security_opt: ["no-new-privileges:true"]`,
      "worker turns no-new-privileges off, so a setuid binary can raise a process's privileges; set it to true",
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('accepts every spelling, and a setting merged in from an extension field', async () => {
    const compose = [
      'x-hardening: &hardening',
      '  security_opt: ["no-new-privileges:true"]',
      'services:',
      '  a:',
      '    <<: *hardening',
      '    image: acme/a:1',
      '  b:',
      '    image: acme/b:1',
      '    security_opt: [no-new-privileges]',
      '  c:',
      '    image: acme/c:1',
      '    security_opt: ["label:disable", "No-New-Privileges=TRUE"]',
      '',
    ].join('\n');
    expect(await lint(compose)).toEqual([]);
  });

  it('lets the last of repeated options win, as Docker does', async () => {
    const ds = await lint('services:\n  a:\n    image: acme/a:1\n    security_opt: ["no-new-privileges:true", "no-new-privileges=false"]\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 46, endLine: 4, endColumn: 71 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: acme/a:1\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toHaveLength(1);
  });
});

describe('fix', () => {
  it('adds the option, appends it to a security_opt list, or turns it back on, keeping comments (unsafe)', async () => {
    const compose = [
      'services:',
      '  api: # the api',
      '    image: acme/api:1 # pinned',
      '  worker:',
      '    image: acme/worker:1',
      '    security_opt:',
      '      - apparmor:docker-default # profile',
      '  cache:',
      '    image: redis:7.4',
      '    security_opt:',
      '      - "no-new-privileges:false" # off',
      '',
    ].join('\n');
    expect((await fixFiles({ 'compose.yaml': compose }, { rules: [id] })).outcome.changes).toEqual([]);
    const r = await fixFiles({ 'compose.yaml': compose }, { rules: [id], unsafe: true });
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  api: # the api',
      '    image: acme/api:1 # pinned',
      '    security_opt:',
      '      - no-new-privileges:true',
      '  worker:',
      '    image: acme/worker:1',
      '    security_opt:',
      '      - apparmor:docker-default # profile',
      '      - no-new-privileges:true',
      '  cache:',
      '    image: redis:7.4',
      '    security_opt:',
      '      - "no-new-privileges:true" # off',
      '',
    ].join('\n'));
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('leaves a flow-style list alone rather than rewrite it', async () => {
    const r = await fixFiles({ 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    security_opt: [apparmor:docker-default]\n' }, { rules: [id], unsafe: true });
    expect(r.outcome.changes).toEqual([]);
  });
});
