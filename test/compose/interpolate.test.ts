import { describe, expect, it } from 'vitest';
import { expandString, interpolate } from '../../src/compose/interpolate.js';
import { parseYamlFile } from '../../src/compose/parse.js';
import { at, type YMap, type YScalar } from '../../src/compose/ynode.js';
import { SourceFile } from '../../src/source/source-file.js';

function load(text: string): YMap {
  const r = parseYamlFile(new SourceFile('compose.yaml', text));
  if (!r.ok) throw new Error(r.problem.message);
  return r.root;
}

const env = { SET: 'value', EMPTY: '', TAG: '1.2', REG: 'ghcr.io' };

describe('expandString', () => {
  it.each([
    ['${SET}', 'value'],
    ['$SET', 'value'],
    ['$SET-suffix', 'value-suffix'],
    ['${UNSET}', ''],
    ['${UNSET:-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${SET:-d}', 'value'],
    ['${SET:+r}', 'r'],
    ['${EMPTY:+r}', ''],
    ['${EMPTY+r}', 'r'],
    ['${UNSET+r}', ''],
    ['${SET:?boom}', 'value'],
    ['${EMPTY?boom}', ''],
    ['$$SET', '$SET'],
    ['a$$$$b', 'a$$b'],
    ['${UNSET:-${REG:-x}}/img:${TAG}', 'ghcr.io/img:1.2'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-{literal}}', '{literal}'],
    ['no dollars', 'no dollars'],
  ])('%s → %s', (tpl, want) => {
    const r = expandString(tpl, env);
    expect(r.errors).toEqual([]);
    expect(r.value).toBe(want);
  });

  it('records nested references with their operator and argument', () => {
    const r = expandString('${A:-${B-x}}', { B: 'b' });
    expect(r.value).toBe('b');
    expect(r.refs).toEqual([
      { name: 'A', op: ':-', arg: '${B-x}', defined: false },
      { name: 'B', op: '-', arg: 'x', defined: true },
    ]);
  });

  it('reports required variables with their message', () => {
    expect(expandString('${X:?set X in .env}', {}).errors).toEqual(['Required variable X is missing a value: set X in .env']);
    expect(expandString('${X?}', {}).errors).toEqual(['Required variable X is missing a value']);
    expect(expandString('${X:?e}', { X: '' }).errors).toHaveLength(1);
    expect(expandString('${X?e}', { X: '' }).errors).toEqual([]);
  });

  it('does not evaluate an unused argument for errors', () => {
    expect(expandString('${SET:-${NOPE:?never}}', env).errors).toEqual([]);
    expect(expandString('${UNSET:-${NOPE:?needed}}', env).errors).toEqual(['Required variable NOPE is missing a value: needed']);
  });

  it.each(['${', '${}', '${1A}', '${A', '${A!x}', 'cost $ 5', 'trailing $'])('%s is malformed', (tpl) => {
    const r = expandString(tpl, env);
    expect(r.value).toBeUndefined();
    expect(r.errors[0]).toMatch(/^Invalid interpolation format/);
  });
});

describe('interpolate', () => {
  const text = [
    'services:',
    '  api:',
    '    image: "${REG}/api:${TAG:-latest}"',
    '    environment:',
    '      PLAIN: keep',
    '      ${NOT_A_KEY}: x',
    '      PASS: ${DB_PASSWORD:?set DB_PASSWORD}',
    '      BAD: "${oops"',
    '',
  ].join('\n');

  it('interpolates values, sets raw and refs, and leaves keys alone', () => {
    const root = load(text);
    const problems: { message: string; span: unknown }[] = [];
    const out = interpolate(root, env, problems as never);
    const image = at(out, 'services', 'api', 'image') as YScalar;
    expect(image.value).toBe('ghcr.io/api:1.2');
    expect(image.raw).toBe('${REG}/api:${TAG:-latest}');
    expect(image.refs?.map((r) => r.name)).toEqual(['REG', 'TAG']);
    expect(at(out, 'services', 'api', 'environment', '${NOT_A_KEY}')).toBeDefined();
    const plain = at(out, 'services', 'api', 'environment', 'PLAIN') as YScalar;
    expect(plain.raw).toBeUndefined();
    expect(plain.refs).toBeUndefined();
  });

  it('does not mutate the input and shares unchanged nodes', () => {
    const root = load(text);
    const before = JSON.stringify(root);
    const out = interpolate(root, env, []);
    expect(JSON.stringify(root)).toBe(before);
    expect(out).not.toBe(root);
    expect(at(out, 'services', 'api', 'environment', 'PLAIN')).toBe(at(root, 'services', 'api', 'environment', 'PLAIN'));
    const noDollar = load('services:\n  a:\n    image: x\n');
    expect(interpolate(noDollar, env, [])).toBe(noDollar);
  });

  it('reports a missing required variable and a malformed template at the scalar', () => {
    const problems: { message: string; span: { line: number; column: number; endLine: number; endColumn: number } }[] = [];
    interpolate(load(text), env, problems as never);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      message: 'Required variable DB_PASSWORD is missing a value: set DB_PASSWORD in services.api.environment.PASS; Compose refuses to start unless the environment sets it',
      severity: 'warning',
    });
    expect(problems[0]!.span).toMatchObject({ line: 7, column: 13, endLine: 7, endColumn: 44 });
    expect(problems[1]!.message).toMatch(/^Invalid interpolation format "\$\{oops" .* in services\.api\.environment\.BAD$/);
    expect(problems[1]!.span).toMatchObject({ line: 8, column: 12, endLine: 8, endColumn: 20 });
  });

  it('keeps tags such as !reset on copied nodes', () => {
    const root = load('services:\n  a:\n    image: !override "${TAG}"\n');
    const image = at(interpolate(root, env, []), 'services', 'a', 'image') as YScalar;
    expect(image.tag).toBe('!override');
    expect(image.value).toBe('1.2');
  });
});
