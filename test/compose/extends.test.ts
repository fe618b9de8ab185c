import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebaseServicePaths, resolveExtends } from '../../src/compose/extends.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { at, toJS, type YMap } from '../../src/compose/ynode.js';
import type { Span } from '../../src/engine/types.js';
import { SourceFile } from '../../src/source/source-file.js';

function load(name: string, text: string): YMap {
  const r = parseYamlFile(new SourceFile(name, text));
  if (!r.ok) throw new Error(r.problem.message);
  return r.root;
}

const DIR = '/proj';

function ctx(files: Record<string, YMap> = {}) {
  const problems: { message: string; span: Span }[] = [];
  const loaded: string[] = [];
  return {
    problems,
    loaded,
    loadFile: async (abs: string) => {
      loaded.push(abs);
      return files[abs];
    },
  };
}

describe('resolveExtends', () => {
  it('resolves same-file chains with the overlay merge rules', async () => {
    const root = load('compose.yaml', [
      'services:',
      '  base:',
      '    image: acme/w:1',
      '    environment: [A=1, B=1]',
      '    ports: ["80:80"]',
      '    command: ["run"]',
      '  mid:',
      '    extends: base',
      '    environment: { B: "2" }',
      '    ports: ["81:81"]',
      '  leaf:',
      '    extends: { service: mid }',
      '    command: ["run", "--leaf"]',
      '',
    ].join('\n'));
    const c = ctx();
    const out = await resolveExtends(root, `${DIR}/compose.yaml`, c);
    expect(c.problems).toEqual([]);
    expect(toJS(at(out, 'services', 'leaf'))).toEqual({
      image: 'acme/w:1',
      environment: { A: '1', B: '2' },
      ports: ['80:80', '81:81'],
      command: ['run', '--leaf'],
    });
    // The service keeps its own place; inherited values keep theirs.
    expect(at(out, 'services', 'leaf')!.span).toMatchObject({ line: 12 });
    expect(at(out, 'services', 'leaf', 'image')!.span).toMatchObject({ file: 'compose.yaml', line: 3 });
    expect(at(out, 'services', 'mid', 'extends')).toBeUndefined();
    expect(JSON.stringify(root)).toContain('"extends"');
  });

  it('reports a cycle once, at the extends key that closes it', async () => {
    const root = load('compose.yaml', [
      'services:',
      '  a:',
      '    image: x',
      '    extends: b',
      '  b:',
      '    extends:',
      '      service: a',
      '  self:',
      '    extends: self',
      '',
    ].join('\n'));
    const c = ctx();
    const out = await resolveExtends(root, `${DIR}/compose.yaml`, c);
    expect(c.problems.map((p) => [p.message, p.span.line, p.span.column, p.span.endColumn])).toEqual([
      ['Circular extends: a -> b -> a', 6, 5, 12],
      ['Circular extends: self -> self', 9, 5, 12],
    ]);
    expect(toJS(at(out, 'services', 'a'))).toEqual({ image: 'x' });
  });

  it('reports a missing base service at the extends value', async () => {
    const root = load('compose.yaml', 'services:\n  a:\n    extends: nope\n');
    const c = ctx();
    await resolveExtends(root, `${DIR}/compose.yaml`, c);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ message: 'Service nope extended by a is not defined in this file', span: { line: 3, column: 14, endColumn: 18 } });
  });

  it('loads another file once and rebases its relative paths', async () => {
    const other = load('shared/common.yaml', [
      'services:',
      '  py:',
      '    build: ./app',
      '    env_file: common.env',
      '    volumes: [./cache:/cache, named:/data, /abs:/abs]',
      '',
    ].join('\n'));
    const root = load('compose.yaml', [
      'services:',
      '  api:',
      '    extends: { file: shared/common.yaml, service: py }',
      '  worker:',
      '    extends: { file: ./shared/common.yaml, service: py }',
      '  broken:',
      '    extends: { file: missing.yaml, service: py }',
      '',
    ].join('\n'));
    const c = ctx({ [`${DIR}/shared/common.yaml`]: other });
    const out = await resolveExtends(root, `${DIR}/compose.yaml`, c);
    expect(toJS(at(out, 'services', 'api'))).toEqual({
      build: 'shared/app',
      env_file: 'shared/common.env',
      volumes: ['./shared/cache:/cache', 'named:/data', '/abs:/abs'],
    });
    expect(c.loaded.filter((f) => f.endsWith('common.yaml'))).toHaveLength(1);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({ message: 'Cannot load missing.yaml extended by service broken', span: { line: 7, column: 22 } });
  });
});

describe('rebaseServicePaths', () => {
  it('leaves absolute, remote and variable paths alone', () => {
    const svc = load('x.yaml', 'build: { context: "https://github.com/a/b.git" }\nvolumes: [{ type: bind, source: ../up, target: /t }]\n');
    expect(toJS(rebaseServicePaths(svc, path.join(DIR, 'a'), DIR))).toEqual({
      build: { context: 'https://github.com/a/b.git' },
      volumes: [{ type: 'bind', source: './up', target: '/t' }],
    });
  });
});
