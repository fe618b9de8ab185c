import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplate, resolveOptions, viewFor } from '../../src/init/render.js';
import { listTemplates, loadTemplate, optionCombinations, TemplateError } from '../../src/init/templates.js';

const root = mkdtempSync(path.join(tmpdir(), 'ragcheck-tpl-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function template(name: string, json: unknown, files: Record<string, string>): void {
  mkdirSync(path.join(root, name, 'files'), { recursive: true });
  writeFileSync(path.join(root, name, 'template.json'), JSON.stringify(json));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name, 'files', f)), { recursive: true });
    writeFileSync(path.join(root, name, 'files', f), text);
  }
}

template(
  'demo',
  {
    description: 'A demo',
    options: {
      'vector-db': { description: 'store', values: ['qdrant', 'pg-vector'], default: 'qdrant' },
      ui: { description: 'UI', values: ['yes', 'no'], default: 'yes' },
    },
  },
  {
    'compose.yaml': 'db: {{vector_db}}{{#vector_db_pg_vector}} (postgres){{/vector_db_pg_vector}}\nkey: ${KEY:?<set & go>}\n',
    '.env.example': 'KEY=\n',
    'ui/Caddyfile': '{{#ui}}ui on{{/ui}}\n',
    'ui/off.txt': '{{^ui}}no ui{{/ui}}',
  },
);
mkdirSync(path.join(root, 'not-a-template'));

describe('templates', () => {
  it('lists the folders with a template.json, by name', () => {
    expect(listTemplates(root).map((t) => t.name)).toEqual(['demo']);
    expect(listTemplates(path.join(root, 'missing'))).toEqual([]);
  });

  it('gives every combination of option values, defaults first', () => {
    const combos = optionCombinations(loadTemplate('demo', root));
    expect(combos).toEqual([
      { 'vector-db': 'qdrant', ui: 'yes' },
      { 'vector-db': 'qdrant', ui: 'no' },
      { 'vector-db': 'pg-vector', ui: 'yes' },
      { 'vector-db': 'pg-vector', ui: 'no' },
    ]);
  });

  it('rejects a template.json whose default is not one of its values', () => {
    template('bad', { description: 'x', options: { a: { values: ['b'], default: 'c' } } }, {});
    expect(() => loadTemplate('bad', root)).toThrow(TemplateError);
    rmSync(path.join(root, 'bad'), { recursive: true });
  });
});

describe('renderTemplate', () => {
  const demo = loadTemplate('demo', root);

  it('makes yes/no options booleans and others a value plus a flag, with - as _', () => {
    expect(viewFor(demo, { 'vector-db': 'pg-vector', ui: 'no' })).toEqual({ vector_db: 'pg-vector', vector_db_pg_vector: true, ui: false });
  });

  it('renders without HTML escaping and leaves out files that render to whitespace', () => {
    const files = renderTemplate(demo, { 'vector-db': 'pg-vector' });
    expect(files.map((f) => f.path)).toEqual(['.env.example', 'compose.yaml', 'ui/Caddyfile']);
    expect(files.find((f) => f.path === 'compose.yaml')!.text).toBe('db: pg-vector (postgres)\nkey: ${KEY:?<set & go>}\n');
    expect(renderTemplate(demo, { ui: 'no' }).map((f) => f.path)).toEqual(['.env.example', 'compose.yaml', 'ui/off.txt']);
  });

  it('rejects unknown options and values, naming the valid ones', () => {
    expect(() => resolveOptions(demo, { colour: 'red' })).toThrow('template demo has no option --colour (options: --vector-db, --ui)');
    expect(() => resolveOptions(demo, { ui: 'maybe' })).toThrow('--ui must be one of yes, no, not "maybe"');
    expect(resolveOptions(demo, {})).toEqual({ 'vector-db': 'qdrant', ui: 'yes' });
  });
});
