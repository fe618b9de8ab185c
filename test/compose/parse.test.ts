import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/compose/parse.js';
import { at, get, str, toJS, type YMap } from '../../src/compose/ynode.js';
import { SourceFile } from '../../src/source/source-file.js';

const parse = (text: string) => parseYamlFile(new SourceFile('compose.yaml', text));
const problem = (text: string) => {
  const r = parse(text);
  if (r.ok) throw new Error('expected a problem');
  const { message, span } = r.problem;
  return { message, line: span.line, column: span.column };
};
const root = (text: string): YMap => {
  const r = parse(text);
  if (!r.ok) throw new Error(r.problem.message);
  return r.root;
};

describe('parseYamlFile', () => {
  it('keeps positions on keys and values, without trailing comments', () => {
    const r = root('services:\n  api:\n    image: "nginx:1.27"   # pinned\n    ports:\n      - 80:80\n    # trailing\n');
    const image = at(r, 'services', 'api', 'image')!;
    expect(image.span).toMatchObject({ line: 3, column: 12, endLine: 3, endColumn: 24 });
    const api = at(r, 'services', 'api')!;
    expect(api.span).toMatchObject({ line: 3, column: 5, endLine: 5, endColumn: 14 });
    expect(str(at(r, 'services', 'api', 'ports', 0))).toBe('80:80');
  });

  it('applies YAML merge keys, own keys first', () => {
    const r = root('x-base: &base\n  restart: always\n  image: a:1\nservices:\n  api:\n    <<: *base\n    image: b:2\n');
    expect(toJS(get(r, 'services'))).toEqual({ api: { image: 'b:2', restart: 'always' } });
  });

  it('keeps the !reset and !override tags', () => {
    const r = root('services:\n  api:\n    ports: !reset []\n    environment: !override\n      A: 1\n');
    expect(at(r, 'services', 'api', 'ports')!.tag).toBe('!reset');
    expect(at(r, 'services', 'api', 'environment')!.tag).toBe('!override');
  });

  it('reports bad input as one problem with its position', () => {
    expect(problem('services:\n  api:\n    image: [unclosed\n')).toMatchObject({ line: 4 });
    expect(problem('- just\n- a list\n')).toEqual({ message: 'A Compose file must be a mapping at the top level', line: 1, column: 1 });
    expect(problem('services:\n  api: {}\n  api: {}\n')).toMatchObject({ message: expect.stringContaining('unique'), line: 3, column: 3 });
    expect(problem('')).toEqual({ message: 'File is empty', line: 1, column: 1 });
    expect(problem('   \n\n')).toMatchObject({ message: 'File is empty' });
    expect(problem('services:\n  a\0b: 1\n')).toEqual({ message: 'File is binary, not YAML', line: 2, column: 4 });
    expect(problem('x'.repeat(10 * 1024 * 1024 + 1)).message).toMatch(/larger than 10 MB/);
    expect(problem('services: "unterminated\n')).toMatchObject({ message: 'Missing closing "quote', line: 2 });
  });

  it('refuses an alias bomb quickly, at the alias that blows up', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('services: {}');
    const t0 = performance.now();
    const p = problem(lines.join('\n'));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p.message).toMatch(/alias bomb/);
    expect(p.line).toBeGreaterThan(1);
  });
});
