import { describe, expect, it } from 'vitest';
import { at, lintFiles } from '../helpers/lint-fixture.js';

const rules = ['no-source-bind-mount'];

describe('no-source-bind-mount', () => {
  it('reports code binds at the whole mount entry, two in one service', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml': [
          'services:',
          '  api:',
          '    build: ./api',
          '    volumes:',
          '      - ./api:/app',
          '      - "${SRC_DIR}/lib:/opt/lib:ro"',
          '    working_dir: /opt/lib',
          '',
        ].join('\n'),
      },
      { rules },
    );
    expect(ds.map(at)).toEqual([
      { ruleId: 'no-source-bind-mount', file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 19 },
      { ruleId: 'no-source-bind-mount', file: 'compose.yaml', line: 6, column: 9, endLine: 6, endColumn: 37 },
    ]);
    expect(ds[0]!.message).toBe('api bind-mounts ./api into /app; in prod the image must carry its code');
    expect(ds[1]!.message).toContain('${SRC_DIR}/lib');
  });

  it('spans a long-form mount from type: to its last key', async () => {
    const ds = await lintFiles(
      { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27.3\n    volumes:\n      - type: bind\n        source: .\n        target: /usr/share/nginx/html\n' },
      { rules },
    );
    expect(ds.map(at)).toEqual([{ ruleId: 'no-source-bind-mount', file: 'compose.yaml', line: 5, column: 9, endLine: 7, endColumn: 38 }]);
  });

  it('leaves config files, read-only config folders and named volumes alone', async () => {
    const ds = await lintFiles(
      {
        'compose.yaml':
          'services:\n  nginx:\n    image: nginx:1.27.3\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./certs:/etc/nginx/certs:ro\n      - html:/usr/share/nginx/html\nvolumes:\n  html: {}\n',
      },
      { rules },
    );
    expect(ds).toEqual([]);
  });

  it('checks prod only: a dev stack may bind its source', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  api:\n    image: python:3.12.7\n    volumes:\n      - .:/app\n' };
    expect(await lintFiles(files, { rules })).toEqual([]);
    expect(await lintFiles(files, { rules, environment: 'prod' })).toHaveLength(1);
  });

  it('honours allow globs, with :ro requiring a read-only mount', async () => {
    const compose = 'services:\n  api:\n    image: python:3.12.7\n    volumes:\n      - ./prompts:/app/prompts:ro\n      - ./templates:/app/templates\n';
    const ds = await lintFiles({ 'compose.yaml': compose, '.ragcheck.yaml': 'rules:\n  no-source-bind-mount:\n    allow: ["./prompts:ro", "templates:ro"]\n' }, { rules });
    expect(ds.map((d) => d.span.line)).toEqual([6]);
  });
});
