import { describe, expect, it } from 'vitest';
import { applyInclude, type IncludeRequest } from '../../src/compose/include.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { at, get, toJS, type YMap } from '../../src/compose/ynode.js';
import type { Span } from '../../src/engine/types.js';
import { SourceFile } from '../../src/source/source-file.js';

function load(name: string, text: string): YMap {
  const r = parseYamlFile(new SourceFile(name, text));
  if (!r.ok) throw new Error(r.problem.message);
  return r.root;
}

function ctx(models: Record<string, YMap>) {
  const problems: { message: string; span: Span }[] = [];
  const requests: IncludeRequest[] = [];
  return {
    problems,
    requests,
    loadProject: async (req: IncludeRequest) => {
      requests.push(req);
      return models[req.files[0]!];
    },
  };
}

describe('applyInclude', () => {
  const vector = load('vectordb/compose.yaml', 'services:\n  qdrant:\n    image: qdrant/qdrant:v1.12.4\n    volumes: [./storage:/qdrant/storage]\nvolumes:\n  shared: {}\n');
  const proxy = load('proxy/compose.yaml', 'services:\n  caddy:\n    image: caddy:2.8.4\n');

  it('reads short and long entries relative to the including file and adds their resources', async () => {
    const root = load('compose.yaml', [
      'include:',
      '  - vectordb/compose.yaml',
      '  - path: [proxy/compose.yaml]',
      '    project_directory: proxy',
      '    env_file: proxy/proxy.env',
      'services:',
      '  api:',
      '    image: acme/api:1.0',
      '',
    ].join('\n'));
    const c = ctx({ '/p/vectordb/compose.yaml': vector, '/p/proxy/compose.yaml': proxy });
    const out = await applyInclude(root, '/p/compose.yaml', '/p', c);
    expect(c.problems).toEqual([]);
    expect(c.requests.map((r) => ({ files: r.files, projectDir: r.projectDir, envFiles: r.envFiles }))).toEqual([
      { files: ['/p/vectordb/compose.yaml'], projectDir: '/p/vectordb', envFiles: [] },
      { files: ['/p/proxy/compose.yaml'], projectDir: '/p/proxy', envFiles: ['/p/proxy/proxy.env'] },
    ]);
    expect(get(out, 'include')).toBeUndefined();
    expect(Object.keys(toJS(get(out, 'services')) as object)).toEqual(['api', 'qdrant', 'caddy']);
    // Paths are rebased onto the including project; spans stay in the included file.
    expect(toJS(at(out, 'services', 'qdrant', 'volumes'))).toEqual(['./vectordb/storage:/qdrant/storage']);
    expect(at(out, 'services', 'qdrant', 'image')!.span).toMatchObject({ file: 'vectordb/compose.yaml', line: 3 });
    expect(toJS(get(out, 'volumes'))).toEqual({ shared: {} });
  });

  it('reports a service defined both locally and in an included file', async () => {
    const root = load('compose.yaml', 'include:\n  - proxy/compose.yaml\nservices:\n  caddy:\n    image: caddy:2.9\n');
    const c = ctx({ '/p/proxy/compose.yaml': proxy });
    const out = await applyInclude(root, '/p/compose.yaml', '/p', c);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toMatchObject({
      message: 'services.caddy conflicts with a resource of the same name in an included file',
      span: { file: 'compose.yaml', line: 4, column: 3, endColumn: 8 },
    });
    expect(toJS(at(out, 'services', 'caddy', 'image'))).toBe('caddy:2.9');
  });

  it('reports bad entries and include cycles at the entry', async () => {
    const root = load('compose.yaml', 'include:\n  - { project_directory: x }\n  - compose.yaml\n');
    const c = ctx({});
    await applyInclude(root, '/p/compose.yaml', '/p', c);
    expect(c.problems.map((p) => [p.message, p.span.line])).toEqual([
      ['include entry must name a file (a path or {path: …})', 2],
      ['Include cycle: compose.yaml includes itself', 3],
    ]);
  });
});
