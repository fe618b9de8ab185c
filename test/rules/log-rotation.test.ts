import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/log-rotation.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';
import { fixFiles } from '../helpers/fix-files.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('log-rotation', () => {
  it('reports the default driver at the service key and json-file without max-size at logging (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: acme/api:1\n  ollama:\n    image: ollama/ollama:0.5.7\n    logging:\n      driver: json-file\n      options: { max-file: "3" }\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 3, endLine: 2, endColumn: 6 },
      { line: 6, column: 5, endLine: 6, endColumn: 12 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'api keeps the default json-file log with no size limit, so it grows until the disk is full; set logging with options max-size (say "10m") and max-file',
      'ollama logs with json-file and no max-size, so its log grows until the disk is full; set logging.options.max-size (say "10m") and max-file',
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('reads logging without a driver as json-file, and max-size -1 as unbounded', async () => {
    const ds = await lint('services:\n  a:\n    image: acme/a:1\n    logging:\n      options:\n        max-size: "-1"\n');
    expect(ds.map(pos)).toEqual([{ line: 4, column: 5, endLine: 4, endColumn: 12 }]);
  });

  it('accepts max-size, an anchor merged in, the local driver and drivers that ship logs away', async () => {
    const compose = [
      'x-logging: &logging',
      '  driver: json-file',
      '  options: { max-size: 10m }',
      'services:',
      '  a:',
      '    image: acme/a:1',
      '    logging: *logging',
      '  b:',
      '    image: acme/b:1',
      '    logging:',
      '      <<: *logging',
      '      driver: json-file',
      '  c:',
      '    image: acme/c:1',
      '    logging: { driver: local }',
      '  d:',
      '    image: acme/d:1',
      '    logging: { driver: journald }',
      '  e:',
      '    image: acme/e:1',
      '    logging: { driver: none }',
      '',
    ].join('\n');
    expect(await lint(compose)).toEqual([]);
  });

  it('reads settings an overlay adds', async () => {
    const files = {
      'compose.yaml': 'services:\n  a:\n    image: acme/a:1\n',
      'compose.prod.yaml': 'services:\n  a:\n    logging:\n      options:\n        max-size: 10m\n',
    };
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toEqual([]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: acme/a:1\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
  });
});

describe('fix', () => {
  const fix = (compose: string) => fixFiles({ 'compose.yaml': compose }, { rules: [id] });

  it('adds a json-file logging block with max-size and max-file to a service without one (safe)', async () => {
    const r = await fix('services:\n  api: # the api\n    image: acme/api:1 # pinned\n\n  db:\n    image: postgres:16.4\n    logging:\n      driver: local\n');
    expect(r.files['compose.yaml']).toBe(
      'services:\n  api: # the api\n    image: acme/api:1 # pinned\n    logging:\n      driver: json-file\n      options:\n        max-size: "10m"\n        max-file: "3"\n\n  db:\n    image: postgres:16.4\n    logging:\n      driver: local\n',
    );
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('completes an existing logging block: options added, missing keys added, an unbounded max-size bounded', async () => {
    const compose = [
      'services:',
      '  a:',
      '    image: acme/a:1',
      '    logging: # json',
      '      driver: json-file',
      '  b:',
      '    image: acme/b:1',
      '    logging:',
      '      options: # rotate',
      '        max-file: "5"',
      '  c:',
      '    image: acme/c:1',
      '    logging:',
      '      options:',
      "        max-size: '-1' # unbounded",
      '',
    ].join('\n');
    const r = await fix(compose);
    expect(r.files['compose.yaml']).toBe([
      'services:',
      '  a:',
      '    image: acme/a:1',
      '    logging: # json',
      '      driver: json-file',
      '      options:',
      '        max-size: "10m"',
      '        max-file: "3"',
      '  b:',
      '    image: acme/b:1',
      '    logging:',
      '      options: # rotate',
      '        max-file: "5"',
      '        max-size: "10m"',
      '  c:',
      '    image: acme/c:1',
      '    logging:',
      '      options:',
      "        max-size: '10m' # unbounded",
      '',
    ].join('\n'));
    expect(r.remaining.filter((d) => d.ruleId === id)).toEqual([]);
    expect(r.second).toEqual([]);
  });

  it('fills a logging extension field once for every service that merges it', async () => {
    const compose = 'x-logging: &logging\n  driver: json-file\n\nservices:\n  a:\n    image: acme/a:1\n    logging: *logging\n  b:\n    image: acme/b:1\n    logging: *logging\n';
    const r = await fix(compose);
    expect(r.files['compose.yaml']).toBe('x-logging: &logging\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"\n\nservices:\n  a:\n    image: acme/a:1\n    logging: *logging\n  b:\n    image: acme/b:1\n    logging: *logging\n');
    expect(r.second).toEqual([]);
  });
});
