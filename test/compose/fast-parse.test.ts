import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateStack } from '../../src/bench/generate-stack.js';
import { stackSeed } from '../../src/bench/prng.js';
import { coreValue, fastParse } from '../../src/compose/fast-parse.js';
import { parseYamlFile, parseYamlFileWithDocument } from '../../src/compose/parse.js';
import { packageRoot } from '../../src/package-root.js';
import { SourceFile } from '../../src/source/source-file.js';

const source = (text: string, path = 'compose.yaml') => new SourceFile(path, text);

/** The fast path, when it answers, builds exactly what the Document path builds. */
function expectSame(file: SourceFile): ReturnType<typeof fastParse> {
  const fast = fastParse(file);
  const slow = parseYamlFileWithDocument(file);
  if (fast) {
    expect(slow.ok, `${file.path}: the Document path refuses what the fast path accepted`).toBe(true);
    expect(fast, file.path).toStrictEqual(slow);
  }
  expect(parseYamlFile(file), file.path).toStrictEqual(slow);
  return fast;
}

/** Must take the fast path and agree with the Document path, with LF, CRLF and a BOM. */
function expectFast(text: string): void {
  for (const variant of [text, text.replace(/\n/g, '\r\n'), `\uFEFF${text}`]) {
    const file = source(variant);
    expect(fastParse(file), JSON.stringify(variant)).toBeDefined();
    expectSame(file);
  }
}

/** Must be left to the Document path, which yields the same result as before. */
function expectFallback(text: string): void {
  const file = source(text);
  expect(fastParse(file), JSON.stringify(text)).toBeUndefined();
  expect(parseYamlFile(file)).toStrictEqual(parseYamlFileWithDocument(file));
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe('coreValue', () => {
  const samples = [
    '', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
    '0', '-0', '+0', '12', '+12', '-12', '012', '0o17', '0o8', '0O17', '0x1F', '0x1f', '0X1F', '0xG', '0b101', '1_000', '1,000',
    '1e3', '1E-3', '-1.5e+3', '.5', '-.5', '5.', '1.2.3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', 'nan', 'inf', '.infinity',
    '12:30', '1:1', '0.1e', 'e3', '99999999999999999999', '1e400', '.', '+', '0x', 'tru', 'nulls', 'falsey', '8080:80', '3.12-slim',
    'fastapi', 'Überall', '0.0.0.0', '127.0.0.1', '1.0', '-1.0', '007', '+.5', '-.inf',
  ];
  it.each(samples)('resolves %j as yaml does', (s) => {
    const doc = parseDocument(`k: ${s}\n`);
    const expected = (doc.contents as { items: { value: { value: unknown } | null }[] }).items[0]!.value?.value ?? null;
    expect(coreValue(s)).toStrictEqual(expected);
  });
});

describe('fastParse', () => {
  it('takes the fast path for ordinary documents, with the same tree as the Document path', () => {
    expectFast('services:\n  api:\n    image: "nginx:1.27"   # pinned\n    ports:\n      - 80:80\n    # trailing\n');
    expectFast('# a header\n---\nservices: # the services\n  db:\n    image: postgres:16\n\n\n# the end\n');
    expectFast('services:\n  api:\n    image: a\nvolumes:\n  data:\n  cache: {}\n  logs: ~\nx-empty:\n');
  });

  it('resolves block scalars with chomping and indentation indicators', () => {
    expectFast('a: |\n  one\n  two\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\n\nd: x\n');
    expectFast('a: |2\n    indented\n  less\nb: >+\n  kept\n\nc: |-\n  stripped\n');
    expectFast('cmd: |\n  set -e\n  echo "hi" # not a comment\n# a comment\nafter: 1\n');
    expectFast('end: |\n  last line without newline');
    expectFast('end: >\n  folded\n\n  \n');
    expectFast('s:\n  - |\n    in a seq\n  - >-\n    folded\n    more\n');
  });

  it('resolves nested flow collections, trailing commas and keys without values', () => {
    expectFast('a: {b: [1, {c: d}], "e": \'f\', g: [], h: {}}\nf: [x, y,]\n');
    expectFast('test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\nm: {a, b: 1}\n');
    expectFast('multi: [\n  a,\n  b, # comment\n  {c: d}\n]\nnext: {\n  k: v,\n}\n');
    expectFast('root: {a: 1} # after\nx: [ ] # empty\n');
  });

  it('keeps quoted keys and values, multi-line plain and quoted scalars', () => {
    expectFast('"quoted key": 1\n\'single\': \'it\'\'s\'\n"<<": not a merge\nplain: one\n  two\n\n  three\nq: "a\\tb \\u00e9\n  next"\n');
    expectFast('s: \'multi\n  line\'\nd: "x\\\n  y"\n');
  });

  it('resolves scalar types by the core schema, numbers and booleans as keys too', () => {
    expectFast('a: 0x1F\nb: 0o17\nc: 1e3\nd: .5\ne: +12\nf: -.inf\ng: .NaN\nh: 1_000\ni: 0b1\nj: True\nk: NULL\nl: "true"\nm: 012\n');
    expectFast('1: a\n0x10: b\ntrue: c\n1.5: d\n"2": e\n');
  });

  it('shares aliased nodes and applies merge keys like the Document path', () => {
    expectFast('x-base: &base\n  restart: always\n  image: a:1\nservices:\n  api:\n    <<: *base\n    image: b:2\n');
    expectFast('a: &a {x: 1, y: 2}\nb: &b\n  y: 3\n  z: 4\nc:\n  <<: [*a, *b]\n  w: 0\nd:\n  <<: *b # trailing\ne: &s scalar\nf: *s\ng: &l [1, 2]\nh: *l\n');
    expectFast('x-logging: &log\n  driver: json-file\n  options: {max-size: 10m}\nservices:\n  a:\n    logging: *log\n  b:\n    logging: *log\n');
    expectFast('e: &empty\nf: *empty\ng: &x 1\nx: &x 2\nh: *x\n');
    expectFast('only:\n  <<: *nope\n'.replace('*nope', '{a: 1}'));
    const r = fastParse(source('a: &a {x: 1}\nb: *a\n'))!;
    expect(r.root.pairs[1]!.value).toBe(r.root.pairs[0]!.value);
  });

  it('keeps !reset, !override and other local tags', () => {
    expectFast('services:\n  api:\n    ports: !reset []\n    environment: !override\n      A: 1\n    command: !reset null\n    dns: !reset\n    x: !custom 5\n    y: !reset\n      - a\n');
    const r = fastParse(source('a: !reset 5\nb: !reset\n'))!;
    expect(r.root.pairs.map((p) => p.value)).toMatchObject([{ value: '5', tag: '!reset' }, { value: '', tag: '!reset' }]);
  });

  it('places comments, empty values and zero-indented sequences as the Document path does', () => {
    expectFast('# top\nk1: # after key\n  # own line\n  v1 # after value\nk2:\n# between\nk3:\n  - # after dash\n    x\n  -\n  - y\nk4:\n- a\n- b # c\n# end\n');
    expectFast('deep:\n  a:\n    b:\n      c:\n        - d:\n            e: [f]\n          g: h\n        -   i\n');
    expectFast('k: v\n\n\n');
    expectFast('k: v');
  });

  it('reads unicode keys and values', () => {
    expectFast('ключ: значение\n名前: "日本語 😀"\nemoji: 🚀 rocket\né: ü\n');
  });

  it('leaves errors and rare constructs to the Document path', () => {
    const cases = [
      '%YAML 1.2\n---\na: 1\n',
      '? a\n: b\n',
      '&k a: 1\n',
      '!t a: 1\n',
      'a: !!str 1\n',
      'a: !<tag:x> 1\n',
      'a: [b: 1]\n',
      'a: 1\n...\n',
      'a: 1\n---\nb: 2\n',
      'a: *unknown\n',
      'a: 1\na: 2\n',
      'a: 1\n"a": 2\n',
      '1: a\n1.0: b\n',
      'a:\n\t- b\n',
      '- a\n- b\n',
      'just a string\n',
      'a: "unterminated\n',
      'a: [1, 2\n',
      'a: b: c\n',
      'a:#nospace\n',
      'a: &s x\nb:\n  <<: *s\n',
      'a:\n  <<: 1\n',
      '~: null key\n',
      '[a]: complex key\n',
      '--- !t\na: 1\n',
      'a: @reserved\n',
      `${'k'.repeat(1100)}: v\n`,
    ];
    for (const text of cases) expectFallback(text);
  });

  it('reports an alias inside its own anchor as a problem', () => {
    for (const text of ['a: &x\n  b: *x\n', 'a: &x [1, [*x]]\n', 'a: &x 1\nb: &x {c: *x}\n']) {
      expectFallback(text);
      const r = parseYamlFile(source(text));
      expect(r.ok ? '' : r.problem.message).toBe('Alias *x refers to a node that contains it');
    }
  });

  it('refuses alias bombs through the Document path, with its message', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']] as const) lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    const file = source(lines.join('\n') + '\n');
    expect(fastParse(file)).toBeUndefined();
    const r = parseYamlFile(file);
    expect(r.ok ? '' : r.problem.message).toMatch(/alias bomb/);
  });

  it('leaves nesting too deep for the stack to the Document path', () => {
    const file = source(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    expect(fastParse(file)).toBeUndefined();
    expect(parseYamlFile(file).ok).toBe(false);
  });

  it('puts the process environment back', () => {
    const env = process.env;
    fastParse(source('a: 1\n'));
    fastParse(source('a: [\n'));
    expect(process.env).toBe(env);
    expect(process.env.PATH).toBe(env.PATH);
  });

  it('takes the fast path for every fixture and agrees with the Document path', () => {
    const files = yamlFiles(join(packageRoot, 'fixtures'));
    expect(files.length).toBeGreaterThan(20);
    for (const path of files) {
      const file = source(readFileSync(path, 'utf8'), relative(packageRoot, path));
      expect(expectSame(file), `${file.path} fell back to the Document path`).toBeDefined();
    }
  });

  it('takes the fast path for benchmark-corpus stacks and agrees with the Document path', () => {
    const corpus = join(packageRoot, '.bench', 'corpus');
    const texts: [string, string][] = [];
    if (existsSync(corpus)) {
      const all = yamlFiles(corpus);
      const step = Math.max(1, Math.floor(all.length / 200));
      for (let i = 0; i < all.length && texts.length < 200; i += step) texts.push([relative(packageRoot, all[i]!), readFileSync(all[i]!, 'utf8')]);
    } else {
      for (let i = 0; i < 12; i++) {
        for (const [rel, text] of generateStack(stackSeed(7, i), i).files) if (/\.ya?ml$/.test(rel)) texts.push([`gen-${i}/${rel}`, text]);
      }
    }
    expect(texts.length).toBeGreaterThan(10);
    for (const [path, text] of texts) expect(expectSame(source(text, path)), `${path} fell back to the Document path`).toBeDefined();
  });

  it('agrees with the Document path on damaged documents, or leaves them to it', () => {
    // Deterministic damage (inserted indicators, tabs, quotes, deleted characters, swapped
    // lines) to real files: whatever the fast path accepts, the Document path must build the same.
    const texts = yamlFiles(join(packageRoot, 'fixtures')).map((p) => readFileSync(p, 'utf8'));
    const inserts = ['\t', ' ', '#', ' #c', '\n', ':', ': ', '- ', '&a ', '*a', '!reset ', '!!str ', '"', "'", '{', '}', '[', ']', ',', '? ', '|', '>-', '|2', '<<: *a\n', '---\n', '...\n', '\r\n', '0x1F', '.5', '~', '-', '@', '\\', 'é'];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let taken = 0;
    for (let i = 0; i < 400; i++) {
      let t = texts[rnd(texts.length)]!;
      for (let j = 1 + rnd(3); j > 0; j--) {
        const at = rnd(t.length + 1);
        const op = rnd(3);
        if (op === 0) t = t.slice(0, at) + inserts[rnd(inserts.length)] + t.slice(at);
        else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + rnd(5));
        else {
          const lines = t.split('\n');
          const a = rnd(lines.length);
          const b = rnd(lines.length);
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
          t = lines.join('\n');
        }
      }
      if (expectSame(source(t))) taken++;
    }
    expect(taken).toBeGreaterThan(50);
  });
});
