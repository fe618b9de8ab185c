import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-develop-watch.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;

describe('no-develop-watch', () => {
  it('reports each develop section at its key (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: acme/api:1\n    develop:\n      watch:\n        - { action: sync, path: ./src, target: /app/src }\n  web:\n    image: acme/web:1\n    develop:\n      watch:\n        - { action: rebuild, path: package.json }\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 5, endLine: 4, endColumn: 12 },
      { line: 9, column: 5, endLine: 9, endColumn: 12 },
    ]);
    expect(ds[0]!.message).toBe('api has a develop section, which syncs files from the host or rebuilds the image under compose watch; move it to a dev overlay');
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('leaves a dev overlay alone, and reports it when a prod overlay adds one', async () => {
    const dev = {
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n',
      'compose.dev.yaml': 'services:\n  api:\n    develop:\n      watch:\n        - { action: sync, path: ./src, target: /app/src }\n',
    };
    expect(await lintFiles(dev, { rules: [id] })).toEqual([]);
    const prod = { 'compose.yaml': dev['compose.yaml'], 'compose.prod.yaml': dev['compose.dev.yaml'] };
    const ds = await lintFiles(prod, { rules: [id] });
    expect(ds.map((d) => `${d.span.file}:${d.span.line}:${d.span.column}`)).toEqual(['compose.prod.yaml:3:5']);
  });
});
