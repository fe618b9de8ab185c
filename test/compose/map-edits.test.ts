import { describe, expect, it } from 'vitest';
import {
  addTopLevelEntriesEdit,
  appendItemEdit,
  appendPairEdit,
  appendPairsEdit,
  fillEmptyPairEdit,
  indentUnit,
  needsQuotes,
  removePairEdit,
  replaceScalarEdit,
} from '../../src/compose/map-edits.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { lineEnding } from '../../src/source/lines.js';
import { at, getPair, type YMap, type YScalar, type YSeq } from '../../src/compose/ynode.js';
import type { Edit } from '../../src/engine/types.js';
import { applyEdits } from '../../src/fix/apply-edits.js';
import { SourceFile } from '../../src/source/source-file.js';

function load(text: string): { file: SourceFile; root: YMap } {
  const file = new SourceFile('compose.yaml', text);
  const r = parseYamlFile(file);
  if (!r.ok) throw new Error(r.problem.message);
  return { file, root: r.root };
}

/** The text after the edit, which must parse again. */
function apply(file: SourceFile, edit: Edit | undefined): string {
  expect(edit).toBeDefined();
  const out = applyEdits(file.text, [edit!]);
  load(out);
  return out;
}

const api = 'services:\n  api: # the api\n    image: acme/api:1 # pinned\n    ports:\n      - "8080:80"\n\n  db:\n    image: postgres:16.4\n';

describe('lineEnding and indentUnit', () => {
  it('reads CRLF and the first indentation', () => {
    expect(lineEnding(new SourceFile('a', 'a: 1\r\nb: 2\r\n'))).toBe('\r\n');
    expect(lineEnding(new SourceFile('a', 'a: 1\n'))).toBe('\n');
    expect(indentUnit(new SourceFile('a', '# c\nservices:\n    api:\n        image: x\n'))).toBe(4);
    expect(indentUnit(new SourceFile('a', 'a: 1\n'))).toBe(2);
  });
});

describe('appendPairEdit', () => {
  it('adds a scalar after the last line of the mapping, keeping comments and blank lines', () => {
    const { file, root } = load(api);
    expect(apply(file, appendPairEdit(at(root, 'services', 'api') as YMap, 'restart', 'unless-stopped', file))).toBe(
      'services:\n  api: # the api\n    image: acme/api:1 # pinned\n    ports:\n      - "8080:80"\n    restart: unless-stopped\n\n  db:\n    image: postgres:16.4\n',
    );
  });

  it('writes nested mappings and sequences in block style with the file\'s step and line ending', () => {
    const text = 'services:\r\n    db:\r\n        image: postgres:16.4 # db\r\n';
    const { file, root } = load(text);
    const edit = appendPairEdit(at(root, 'services', 'db') as YMap, 'logging', { driver: 'json-file', options: { 'max-size': '"10m"' }, list: ['a', { k: 'v', w: 'x' }] }, file);
    expect(apply(file, edit)).toBe(
      'services:\r\n    db:\r\n        image: postgres:16.4 # db\r\n        logging:\r\n            driver: json-file\r\n            options:\r\n                max-size: "10m"\r\n            list:\r\n                - a\r\n                - k: v\r\n                  w: x\r\n',
    );
  });

  it('adds several pairs in one insertion; none for flow or empty mappings', () => {
    const { file, root } = load('a:\n  b: 1\nc: {d: 1}\ne: {}\n');
    expect(apply(file, appendPairsEdit(at(root, 'a') as YMap, { x: '1', y: '2' }, file))).toBe('a:\n  b: 1\n  x: 1\n  y: 2\nc: {d: 1}\ne: {}\n');
    expect(appendPairEdit(at(root, 'c') as YMap, 'x', '1', file)).toBeUndefined();
    expect(appendPairEdit(at(root, 'e') as YMap, 'x', '1', file)).toBeUndefined();
  });

  it('works on a file without a final line break', () => {
    const { file, root } = load('a:\n  b: 1');
    expect(apply(file, appendPairEdit(at(root, 'a') as YMap, 'c', '2', file))).toBe('a:\n  b: 1\n  c: 2');
  });
});

describe('fillEmptyPairEdit', () => {
  it('gives an empty key its first entries, after its comment', () => {
    const { file, root } = load('volumes: # data\nservices: {}\n');
    expect(apply(file, fillEmptyPairEdit(getPair(root, 'volumes')!, { pgdata: '' }, file))).toBe('volumes: # data\n  pgdata:\nservices: {}\n');
    expect(fillEmptyPairEdit(getPair(root, 'services')!, { a: '' }, file)).toBeUndefined();
  });
});

describe('addTopLevelEntriesEdit', () => {
  it('appends to an existing section', () => {
    const { file, root } = load('services: {}\nvolumes:\n  a: {} # kept\n');
    expect(apply(file, addTopLevelEntriesEdit(root, 'volumes', { b: '', c: '' }, file))).toBe('services: {}\nvolumes:\n  a: {} # kept\n  b:\n  c:\n');
  });

  it('creates the section at the end, after a blank line, with the file\'s line ending', () => {
    const { file, root } = load('services:\r\n  db:\r\n    image: postgres:16.4\r\n');
    expect(apply(file, addTopLevelEntriesEdit(root, 'volumes', { pgdata: '' }, file))).toBe('services:\r\n  db:\r\n    image: postgres:16.4\r\n\r\nvolumes:\r\n  pgdata:\r\n');
    const bare = load('services: {}');
    expect(apply(bare.file, addTopLevelEntriesEdit(bare.root, 'volumes', { a: '' }, bare.file))).toBe('services: {}\n\nvolumes:\n  a:\n');
  });

  it('fills an empty section and leaves a flow one alone', () => {
    const empty = load('volumes:\nservices: {}\n');
    expect(apply(empty.file, addTopLevelEntriesEdit(empty.root, 'volumes', { a: '' }, empty.file))).toBe('volumes:\n  a:\nservices: {}\n');
    const flow = load('volumes: {a: {}}\n');
    expect(addTopLevelEntriesEdit(flow.root, 'volumes', { b: '' }, flow.file)).toBeUndefined();
  });
});

describe('appendItemEdit', () => {
  it('adds an item like the last one, after its comment', () => {
    const { file, root } = load(api);
    const ports = at(root, 'services', 'api', 'ports') as YSeq;
    expect(apply(file, appendItemEdit(ports, '"9090:90"', file))).toContain('      - "8080:80"\n      - "9090:90"\n\n  db:');
  });

  it('writes a mapping item with its keys lined up under the first', () => {
    const { file, root } = load('v:\n- a\n');
    expect(apply(file, appendItemEdit(at(root, 'v') as YSeq, { type: 'volume', source: 'x' }, file))).toBe('v:\n- a\n- type: volume\n  source: x\n');
  });

  it('leaves flow sequences alone', () => {
    const { file, root } = load('v: [a, b]\n');
    expect(appendItemEdit(at(root, 'v') as YSeq, 'c', file)).toBeUndefined();
  });
});

describe('replaceScalarEdit', () => {
  it('keeps double, single and plain quoting, quoting a plain value only when it must', () => {
    const { file, root } = load('a: "no" # c\nb: \'x\'\nc: plain\n');
    const edit = (key: string, value: string) => replaceScalarEdit(at(root, key) as YScalar, value, file);
    expect(apply(file, edit('a', 'unless-stopped'))).toBe('a: "unless-stopped" # c\nb: \'x\'\nc: plain\n');
    expect(apply(file, edit('b', "it's"))).toBe("a: \"no\" # c\nb: 'it''s'\nc: plain\n");
    expect(apply(file, edit('c', 'yes'))).toBe('a: "no" # c\nb: \'x\'\nc: "yes"\n');
    expect(apply(file, edit('c', '${A:?A is required}'))).toBe('a: "no" # c\nb: \'x\'\nc: ${A:?A is required}\n');
  });

  it('says which values a plain scalar cannot hold', () => {
    expect(['', '- x', 'a: b', 'a #b', '10', '1.5', 'true', 'No', '*x', ' x'].every(needsQuotes)).toBe(true);
    expect(['10m', 'unless-stopped', 'a:b', '${A:-x}', '/data'].some(needsQuotes)).toBe(false);
  });
});

describe('removePairEdit', () => {
  it('removes an entry with its nested lines, or its parent when it is the only one', () => {
    const { file, root } = load('services: {}\nvolumes:\n  a:\n    driver: local\n  b: {}\n');
    const volumes = getPair(root, 'volumes')!;
    const map = volumes.value as YMap;
    expect(apply(file, removePairEdit(map, map.pairs[0]!, file, volumes))).toBe('services: {}\nvolumes:\n  b: {}\n');
    const one = load('services: {}\nvolumes:\n  a: {}\n');
    const v = getPair(one.root, 'volumes')!;
    expect(apply(one.file, removePairEdit(v.value as YMap, (v.value as YMap).pairs[0]!, one.file, v))).toBe('services: {}\n');
  });
});
