import { describe, expect, it } from 'vitest';
import { mergeFiles, parsePortShort, volumeTarget } from '../../src/compose/merge.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { at, get, toJS, type YMap, type YNode, type YScalar } from '../../src/compose/ynode.js';
import { SourceFile } from '../../src/source/source-file.js';

function load(name: string, text: string): YMap {
  const r = parseYamlFile(new SourceFile(name, text));
  if (!r.ok) throw new Error(r.problem.message);
  return r.root;
}

const base = load('compose.yaml', [
  'services:',
  '  api:',
  '    image: acme/api:1.0',
  '    command: ["serve", "--port", "80"]',
  '    ports: ["8080:80", "9229:9229"]',
  '    expose: ["80"]',
  '    volumes:',
  '      - data:/data',
  '      - ./conf:/etc/app:ro',
  '    environment:',
  '      - LOG=info',
  '      - KEEP=1',
  '      - BARE',
  '    labels: { team: search }',
  '    healthcheck:',
  '      test: ["CMD", "curl", "-f", "http://localhost"]',
  '      interval: 30s',
  '    depends_on: [db]',
  '    build: ./api',
  '    logging: { driver: json-file, options: { max-size: 10m } }',
  '  db:',
  '    image: postgres:16',
  'volumes:',
  '  data: {}',
  '',
].join('\n'));

const over = load('compose.prod.yaml', [
  'services:',
  '  api:',
  '    image: acme/api:1.1',
  '    command: serve --workers 4',
  '    ports: ["8080:80", "127.0.0.1:9000:9000"]',
  '    expose: ["80", "81"]',
  '    volumes:',
  '      - ./conf-prod:/etc/app:ro',
  '    environment:',
  '      LOG: warning',
  '      NEW: "yes"',
  '    labels: ["tier=backend"]',
  '    healthcheck:',
  '      test: ["CMD-SHELL", "wget -q -O- localhost"]',
  '    depends_on:',
  '      db: { condition: service_healthy }',
  '    build: { target: prod }',
  '    logging: { options: { max-file: "3" } }',
  '  worker:',
  '    image: acme/worker:1.0',
  '',
].join('\n'));

describe('mergeFiles', () => {
  const problems: { message: string }[] = [];
  const merged = mergeFiles([base, over], problems as never);
  const api = at(merged, 'services', 'api');

  it('merges like Compose', () => {
    expect(problems).toEqual([]);
    expect(toJS(api)).toEqual({
      image: 'acme/api:1.1',
      command: 'serve --workers 4',
      ports: ['8080:80', '9229:9229', '127.0.0.1:9000:9000'],
      expose: ['80', '81'],
      volumes: ['data:/data', './conf-prod:/etc/app:ro'],
      environment: { LOG: 'warning', KEEP: '1', BARE: null, NEW: 'yes' },
      labels: { team: 'search', tier: 'backend' },
      healthcheck: { test: ['CMD-SHELL', 'wget -q -O- localhost'], interval: '30s' },
      depends_on: { db: { condition: 'service_healthy' } },
      build: { context: './api', target: 'prod' },
      logging: { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } },
    });
    expect(Object.keys(toJS(get(merged, 'services')) as object)).toEqual(['api', 'db', 'worker']);
  });

  it('keeps the overlay file and position on values it replaced', () => {
    const image = at(api, 'image') as YScalar;
    expect(image.span).toMatchObject({ file: 'compose.prod.yaml', line: 3, column: 12, endColumn: 24 });
    const pair = (api as YMap).pairs.find((p) => p.key === 'image')!;
    expect(pair.keySpan).toMatchObject({ file: 'compose.prod.yaml', line: 3, column: 5 });
    expect(at(api, 'volumes', 1)!.span).toMatchObject({ file: 'compose.prod.yaml', line: 8 });
    expect(at(api, 'ports', 2)!.span).toMatchObject({ file: 'compose.prod.yaml', line: 5 });
    // A port both files publish is the overlay's entry, kept in the base's place.
    expect(at(api, 'ports', 0)!.span).toMatchObject({ file: 'compose.prod.yaml', line: 5 });
    expect(at(api, 'ports', 1)!.span).toMatchObject({ file: 'compose.yaml', line: 5 });
  });

  it('narrows list-form environment values to the value part', () => {
    const keep = at(api, 'environment', 'KEEP') as YScalar;
    expect(keep.span).toMatchObject({ file: 'compose.yaml', line: 12, column: 14, endColumn: 15 });
    const keyPair = (at(api, 'environment') as YMap).pairs.find((p) => p.key === 'KEEP')!;
    expect(keyPair.keySpan).toMatchObject({ line: 12, column: 9, endColumn: 13 });
    expect((at(api, 'environment', 'LOG') as YScalar).span).toMatchObject({ file: 'compose.prod.yaml', line: 10 });
  });

  it('does not modify its inputs', () => {
    const b = JSON.stringify(base);
    const o = JSON.stringify(over);
    mergeFiles([base, over], []);
    expect(JSON.stringify(base)).toBe(b);
    expect(JSON.stringify(over)).toBe(o);
  });

  it('applies !reset and !override', () => {
    const prod = load('compose.prod.yaml', [
      'services:',
      '  api:',
      '    ports: !override ["443:443"]',
      '    volumes: !reset []',
      '    environment:',
      '      KEEP: !reset null',
      '    labels: !override { only: "1" }',
      '',
    ].join('\n'));
    const m = at(mergeFiles([base, prod], []), 'services', 'api');
    expect(toJS(at(m, 'ports'))).toEqual(['443:443']);
    expect(at(m, 'volumes')).toBeUndefined();
    expect(toJS(at(m, 'environment'))).toEqual({ LOG: 'info', BARE: null });
    expect(toJS(at(m, 'labels'))).toEqual({ only: '1' });
    expect(at(m, 'ports')!.span.file).toBe('compose.prod.yaml');
  });

  it('drops !reset keys of the first file and keeps null overrides from clearing', () => {
    const lone = load('a.yaml', 'services:\n  a:\n    image: x\n    ports: !reset ["1:1"]\n');
    expect(toJS(mergeFiles([lone], []))).toEqual({ services: { a: { image: 'x' } } });
    const nul = load('b.yaml', 'services:\n  db:\n    image:\n');
    expect(toJS(at(mergeFiles([base, nul], []), 'services', 'db', 'image'))).toBe('postgres:16');
  });

  it('merges three files in order; secrets and configs by target; dns from a string', () => {
    const a = load('a.yaml', 'services:\n  s:\n    dns: 1.1.1.1\n    secrets: [db_pass]\n    configs: [{ source: c, target: /etc/c }]\n');
    const b = load('b.yaml', 'services:\n  s:\n    dns: [8.8.8.8]\n    secrets: [{ source: other, target: db_pass }]\n');
    const c = load('c.yaml', 'services:\n  s:\n    dns: 1.1.1.1\n    configs: [{ source: c2, target: /etc/c }]\n');
    const s = at(mergeFiles([a, b, c], []), 'services', 's');
    expect(toJS(s)).toEqual({
      dns: ['1.1.1.1', '8.8.8.8'],
      secrets: [{ source: 'other', target: 'db_pass' }],
      configs: [{ source: 'c2', target: '/etc/c' }],
    });
  });

  it('reports a mapping replaced by a sequence at the overriding value', () => {
    const problems: { message: string; span: YNode['span'] }[] = [];
    const bad = load('bad.yaml', 'services:\n  api:\n    healthcheck: [x]\n');
    mergeFiles([base, bad], problems as never);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Cannot override services.api.healthcheck: a sequence cannot replace a mapping');
    expect(problems[0]!.span).toMatchObject({ file: 'bad.yaml', line: 3, column: 18 });
  });
});

describe('port and volume keys', () => {
  it.each([
    ['80', { target: '80', protocol: 'tcp' }],
    ['8080:80', { published: '8080', target: '80', protocol: 'tcp' }],
    ['127.0.0.1:53:53/udp', { hostIp: '127.0.0.1', published: '53', target: '53', protocol: 'udp' }],
    ['[::1]:80:80', { hostIp: '::1', published: '80', target: '80', protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', published: '', target: '80', protocol: 'tcp' }],
  ])('parsePortShort(%s)', (s, want) => expect(parsePortShort(s)).toEqual(want));

  it('finds volume targets in short, Windows and long forms', () => {
    const l = load('v.yaml', 'v:\n  - /anon\n  - data:/data:ro\n  - C:\\\\data:/win\n  - { type: bind, source: ., target: /app }\n');
    const items = (get(l, 'v') as { items: YNode[] }).items;
    expect(items.map(volumeTarget)).toEqual(['/anon', '/data', '/win', '/app']);
  });
});
