import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStack } from '../../src/bench/generate-stack.js';
import { Rng, stackSeed } from '../../src/bench/prng.js';
import { readBlockYaml } from '../../src/compose/block-reader.js';
import { fastParse } from '../../src/compose/fast-parse.js';
import { parseYamlFile, parseYamlFileWithDocument } from '../../src/compose/parse.js';
import { packageRoot } from '../../src/package-root.js';
import type { YScalar } from '../../src/compose/ynode.js';
import { SourceFile } from '../../src/source/source-file.js';

const source = (text: string, path = 'compose.yaml') => new SourceFile(path, text);

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** When the reader answers, both other paths build exactly the same tree; returns whether it answered. */
function expectAgrees(file: SourceFile): boolean {
  const block = readBlockYaml(file);
  if (block) {
    expect(block, `${file.path}: fastParse differs`).toStrictEqual(fastParse(file));
    expect(block, `${file.path}: the Document path differs`).toStrictEqual(parseYamlFileWithDocument(file));
  }
  expect(parseYamlFile(file), file.path).toStrictEqual(parseYamlFileWithDocument(file));
  return block !== undefined;
}

function expectTaken(text: string): void {
  const file = source(text);
  expect(readBlockYaml(file), JSON.stringify(text)).toBeDefined();
  expectAgrees(file);
}

function expectLeft(text: string): void {
  const file = source(text);
  expect(readBlockYaml(file), JSON.stringify(text)).toBeUndefined();
  expect(parseYamlFile(file)).toStrictEqual(parseYamlFileWithDocument(file));
}

/** Compose files from the bench generator, written to a temporary folder and read back. */
let generatedDir = '';
const generated = (): SourceFile[] => yamlFiles(generatedDir).map((p) => source(readFileSync(p, 'utf8'), relative(generatedDir, p)));
const fixtures = (): SourceFile[] => {
  const files = [...yamlFiles(join(packageRoot, 'fixtures')), ...yamlFiles(join(packageRoot, 'test'))];
  return files.map((p) => source(readFileSync(p, 'utf8'), relative(packageRoot, p)));
};

const BLOCK_SCALAR_TEXTS = [
  'x-base: &base\n  restart: always\nservices:\n  api:\n    <<: *base\n    command:\n      - sh\n      - -c\n      - |\n        apt-get update\n\n        exec app --port 80\n    # after\n    healthcheck:\n      test: >-\n        curl -f\n          http://localhost\n        || exit 1\n\n\n  db:\n    entrypoint: |+\n      one\n\n# root comment\n    image: postgres:16\n',
  'configs:\n  app:\n    content: |2\n        indented\n      base\n      \n  other:\n    content: >\n\n      folded\n      text\n\n      more\n        kept\n      last\n    \nsecrets:\n  s:\n    - a: |-\n        x\n      b: >+\n        y\n\n    - |\n     z\n',
];

beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), 'ragcheck-block-reader-'));
  for (let i = 0; i < 24; i++) {
    const stack = generateStack(stackSeed(7, i), i);
    for (const [rel, text] of stack.files) {
      const path = join(generatedDir, stack.dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
});

afterAll(() => {
  if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
});

describe('readBlockYaml', () => {
  it('agrees with fastParse and the Document path on every fixture', () => {
    const files = fixtures();
    expect(files.length).toBeGreaterThan(20);
    let taken = 0;
    for (const file of files) if (expectAgrees(file)) taken++;
    expect(taken / files.length).toBeGreaterThan(0.8);
  });

  it('takes every generated benchmark stack, with the same trees', () => {
    const files = generated();
    expect(files.length).toBeGreaterThan(30);
    let taken = 0;
    for (const file of files) if (expectAgrees(file)) taken++;
    expect(taken).toBe(files.length);
  });

  it('builds what the Document path builds for damaged documents, or leaves them to it', () => {
    const texts = [...fixtures(), ...generated()].map((f) => f.text);
    // Block scalars are rare in both sets: these put their edges (indentation, blank lines,
    // chomping, comments after them) within reach of a mutation or two.
    for (let n = Math.ceil(texts.length / 8); n > 0; n--) texts.push(...BLOCK_SCALAR_TEXTS);
    const rng = new Rng(20240611);
    const inserts = [':', '#', '-', "'", '"', '[', ']', '&', '*', '\t', ': ', ' #', '- ', '&a ', '*a', '{}', '\n', '|', '>', '+', '2', ' |', ': >-', '\n\n', '  '];
    const mutate = (text: string): string => {
      const lines = text.split('\n');
      const at = rng.int(0, lines.length - 1);
      switch (rng.int(0, 5)) {
        case 0: {
          const i = rng.int(0, text.length);
          return text.slice(0, i) + text.slice(i + 1);
        }
        case 1:
          lines.splice(at, 0, lines[at]!);
          break;
        case 2: {
          const by = rng.pick([-2, -1, 1, 2]);
          lines[at] = by > 0 ? ' '.repeat(by) + lines[at] : lines[at]!.replace(new RegExp(`^ {0,${-by}}`), '');
          break;
        }
        case 3:
          // A comment line at some indentation: yaml attaches it to different nodes by its depth.
          lines.splice(at, 0, `${' '.repeat(rng.int(0, 8))}# note`);
          break;
        default: {
          const i = rng.int(0, text.length);
          return text.slice(0, i) + rng.pick(inserts) + text.slice(i);
        }
      }
      return lines.join('\n');
    };
    let taken = 0;
    let total = 0;
    const started = Date.now();
    while (total < 3000 && Date.now() - started < 4000) {
      let text = rng.pick(texts);
      for (let n = rng.int(1, 2); n > 0; n--) text = mutate(text);
      total++;
      const file = source(text);
      const block = readBlockYaml(file);
      if (!block) continue;
      taken++;
      const reference = parseYamlFileWithDocument(file);
      expect(reference.ok, `the Document path refuses what the reader accepted: ${JSON.stringify(text)}`).toBe(true);
      expect(block, JSON.stringify(text)).toStrictEqual(reference);
    }
    expect(total).toBeGreaterThan(500);
    expect(taken).toBeGreaterThan(total / 5);
  });

  it('ends plain scalars where yaml does', () => {
    expectTaken('a: b:c\nurl: http://x#y\nc: d # note\ne: f#g\nh: i :j\nk: x[y], z{}\nl: -1\nm: -f\nn: --flag=x\no: "p" # q\nr: \'s\'\'t\'\n');
    expectTaken('cmd: echo ${A:-b} && x={y}\nv: ~\nw: null\nx: 0x1F\ny: 1e3\nz: .inf\n');
    expectTaken('trailing: value   \nlast: no newline');
    const root = readBlockYaml(source('a: b:c\nurl: http://x#y\nc: d # note\n'))!.root;
    expect(root.pairs.map((p) => p.value)).toMatchObject([{ value: 'b:c' }, { value: 'http://x#y' }, { value: 'd', span: { start: 26, end: 27, column: 4, endColumn: 5 } }]);
  });

  it('types keys by the core schema, and keeps quoted keys as strings', () => {
    expectTaken('1: a\ntrue: b\n0x10: c\n1.5: d\n"2": e\n\'x y\': f\n-a: g\n"<<": not a merge\n');
    const root = readBlockYaml(source('1: a\ntrue: b\n0x10: c\n'))!.root;
    expect(root.pairs.map((p) => p.key)).toStrictEqual(['1', 'true', '16']);
  });

  it('places empty values where the other paths place them', () => {
    expectTaken('a:\nb:   \nc: # note\n  # more\nd:\n# less\ne:');
    expectTaken('s:\n  -\n  - # c\n  -   \n  - x\nv:\n  x:\n    # deeper\n  y:\n');
  });

  it('reads nested, compact and zero-indented collections', () => {
    expectTaken('services:\n  api:\n    ports:\n      - "80:80"\n      - 443:443\n    environment:\n      - A=1\n    depends_on:\n      db:\n        condition: service_healthy\n');
    expectTaken('k:\n- a\n- b: 1\n  c: 2\n-   d: 3\n    e:\n    - f\n    g: h\nnext: 1\n');
    expectTaken('list:\n  -\n    a: 1\n  -\n    - nested\n  - [x, "y", 3]\n  - {}\nm: {  }\nf: [a, b,]\ne: [ ]\n');
    expectTaken('deep:\n     odd: indent\n     more:\n         - x\n');
  });

  it('shares anchored nodes and applies merge keys like the other paths', () => {
    expectTaken('x-base: &base\n  restart: always\n  image: a:1\nservices:\n  api:\n    <<: *base\n    image: b:2\n  db:\n    <<: *base\n');
    expectTaken('a: &a [1, 2]\nb: *a\nc: &c x\nd: *c\ne: &e {}\nf:\n  <<: [*e]\ng: &g\n  - 1\nh: [*a, *c]\n');
    const r = readBlockYaml(source('a: &a\n  x: 1\nb: *a\n'))!;
    expect(r.root.pairs[1]!.value).toBe(r.root.pairs[0]!.value);
  });

  it('ends a collection whose last entry came from elsewhere where yaml ends it, trailing comments included', () => {
    const base = 'x-base: &base\n  restart: always\n';
    for (const tail of ['', ' # same line', '\n    # deeper\n', '\n  # at the key\n', '\n# at the root\n', '\n      # deepest\n  # at the key\n', '\n\n\n']) {
      expectTaken(`${base}svc:\n  <<: *base\n  env:\n    A: 1${tail}\nnext: 1\n`);
      expectTaken(`${base}svc:\n  <<: *base\n  env:\n    - a${tail}\nnext: 1\n`);
      expectTaken(`${base}svc:\n  <<: *base\n  env:${tail}\nnext: 1\n`);
      expectTaken(`${base}svc:\n  <<: *base\n  img: x${tail}\n`);
      expectTaken(`${base}list:\n  - a\n  - *base${tail}\nnext: 1\n`);
    }
  });

  it('reads block scalars in every style and chomping, wherever they stand and whatever follows them', () => {
    const bodies = [['x'], ['one', 'two', '', 'three', '  more', '  indented', 'four', '', '', 'five  ']];
    // Each context: text before the header, the collection's column, the content's column, and how its next entry starts.
    const contexts: [string, number, number, string][] = [
      ['k: ', 0, 2, 'n: 1'],
      ['s:\n  k: ', 2, 4, 'n: 1'],
      ['s:\n  - ', 2, 4, '- 1'],
      ['s:\n  - k: ', 4, 7, 'n: 1'],
      ['s:\n- ', 0, 1, '- 1'],
    ];
    for (const [before, own, content, next] of contexts) {
      const followers = ['', `${' '.repeat(own)}${next}\n`, 'z: 1\n', `${' '.repeat(own)}# same\nz: 1\n`, `# root\n${' '.repeat(content + 2)}# deep\n${' '.repeat(own + 1)}# mid\n${' '.repeat(own)}${next}\n`, `${' '.repeat(content + 2)}# inside\n`];
      for (const style of ['|', '>'])
        for (const chomp of ['', '-', '+'])
          for (const body of bodies)
            for (const blank of ['', '\n', '\n\n', `\n${' '.repeat(content + 1)}\n`])
              for (const follower of followers) {
                const lines = body.map((l) => (l === '' ? '' : ' '.repeat(content) + l)).join('\n');
                const text = `${before}${style}${chomp}\n${lines}\n${blank}${follower}`;
                expectTaken(text);
                expectTaken(text.replace(/\n$/, ''));
              }
    }
  });

  it('folds, chomps and places block scalars as yaml does', () => {
    const value = (text: string) => (readBlockYaml(source(text))!.root.pairs[0]!.value as YScalar).value;
    expect(value('a: >\n  one\n  two\n\n  three\n    indented\n    more\n  four\n\n\n  five\n')).toBe('one two\nthree\n  indented\n  more\nfour\n\nfive\n');
    expect(value('a: |-\n  x\n    y\n\n')).toBe('x\n  y');
    expect(value('a: >+\n  x\n\n')).toBe('x\n\n');
    expect(value('a: >\n\n  x\n')).toBe('\nx\n');
    expect(value('a: |\n  x\n   \n  y\n')).toBe('x\n \ny\n');
    expect(value('a: |2\n    lead\n  base\n')).toBe('  lead\nbase\n');
    expect(value('a: |\nb: 1\n')).toBe('');
    expect(value('a: |+\n\n\nb: 1\n')).toBe('\n\n');
    // The span stops at the last character of the text, before the line breaks chomping counts.
    const root = readBlockYaml(source('a: |+\n  x\n\n\nb: 1\n'))!.root;
    expect(root.pairs[0]!.value.span).toMatchObject({ start: 3, end: 9, line: 1, column: 4, endLine: 2, endColumn: 4 });
    expect(root.pairs[1]!.keySpan).toMatchObject({ line: 5, column: 1 });
    for (const text of [
      'a: |1\n  x\nb: >2-\n    y\n   z\nc: |+2  \n  \n # outside\n', 'a: &s |\n  x\nb: *s\nc:\n  - >-\n   &not-an-anchor\n',
      'x-base: &base\n  k: 1\ns:\n  <<: *base\n  v: |\n    x\n\n   # c\n  # d\n# e\nn: 1\n', 'a: >\n  ---\n  ...\n  - x\n  k: v\n',
      'a: |\n  x\u00a0\n  \u3000\nb: >-\n  y \u2003\n', 'a: >\n', 'a: |-   ', 'a: |\n   \n',
    ])
      expectTaken(text);
  });

  it('reads unicode', () => {
    expectTaken('ключ: значение\n名前: "日本語 😀"\nemoji: 🚀 rocket\né: ü\n');
  });

  it('leaves everything outside its subset, and every error, to the other paths', () => {
    const cases = [
      // outside the subset
      'a:\tb\n', 'a: b\r\nc: d\r\n', '\uFEFFa: 1\n', 'a: b\n  continued\n', 'a: "multi\n  line"\n', "a: 'multi\n  line'\n",
      'a: !reset []\n', 'a: !!str 1\n', 'a: {b: 1}\n', 'a: [[1]]\n', 'a: [{b: 1}]\n',
      'a: "x\\ty"\n', 'a: [1,\n  2]\n', '%YAML 1.2\n---\na: 1\n', '---\na: 1\n', 'a: 1\n...\n', 'a: 1\n---\nb: 2\n', '? a\n: b\n',
      'a: ?b\n', 'a: :b\n', '&k a: 1\n', '- &a x\n', 'a:\n  - &a x\n', 'a: &x\nb: *x\n', '"a" : 1\n', 'a : 1\n', '[a]: b\n', '*a: b\n',
      'a:\n  - - x\n', 'a: [b: 1]\n', 'a: ["b":c]\n', 'a: [b #c\n  ]\n', 'a: | # note\n  x\n', 's:\n  - &a |\n    x\n', '? |\n  k\n: v\n',
      // errors, or not a mapping
      'a: b: c\n', 'key:value\n', 'a:#c\n', 'a: 1\na: 2\n', 'a: 1\n"a": 2\n', '1: a\n1.0: b\n', '~: x\n', 'null: x\n', '- a\n- b\n', 'just text\n',
      'a: *unknown\n', 'a: &x\n  b: *x\n', 'a: &x [1, *x]\n', 'a: - b\n', "a: 'x' y\n", 'a: "x"#c\n', 'a: [x]#c\n', 'a: *x#c\n', 'a: "open\n',
      'a: [1, 2\n', 'a: [,]\n', 'a: [1,,2]\n', 'a: @x\n', 'a: `x\n', 'a: %x\n', 'a: ,x\n', 'a: |x\n', 'a:\n    b: 1\n  c: 2\n', 'a:\n  b: 1\n    c: 2\n',
      'a: |10\n  x\n', 'a: |+-\n  x\n', 'a: >--\n  x\n', 'a: |\n    \n  x\n', 'a:\n  b: |\n    x\n   c: 1\n', 'a: |2\n  x\n y\n', 'a: |\n---\n',
      'a:\n  - x\n  b: 1\n', 'a: 1\n- b\n', '  a: 1\nb: 2\n', 'a: &s x\nb:\n  <<: *s\n', 'a:\n  <<: 1\n', `${'k'.repeat(1100)}: v\n`, 'a: b\n  - c\n',
    ];
    for (const text of cases) expectLeft(text);
  });

  it('refuses alias bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']] as const) lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    const file = source(lines.join('\n') + '\n');
    expect(readBlockYaml(file)).toBeUndefined();
    const r = parseYamlFile(file);
    expect(r.ok ? '' : r.problem.message).toMatch(/alias bomb/);
  });
});
