import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../src/compose/env-file.js';
import { SourceFile } from '../../src/source/source-file.js';

const parse = (text: string, lookup: Record<string, string> = {}) => parseEnvFile(new SourceFile('.env', text), lookup);

describe('parseEnvFile', () => {
  it('ends an unquoted value at a space or tab before `#`, not at a bare `#`', () => {
    const r = parse('A=x#y\nB=x #c\nC=x\t#c\nD=#x\nE= v \t \nF="a\\nb"\n');
    expect(r.values).toEqual({ A: 'x#y', B: 'x', C: 'x', D: '#x', E: 'v', F: 'a\nb' });
  });

  it('reads the forms Compose accepts', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = around ',
      'INLINE=abc # comment',
      'HASH=abc#not-a-comment',
      "SINGLE='keep $PLAIN \\n # as is'",
      'DOUBLE="line\\nbreak \\"q\\" ${PLAIN}"',
      'EXPANDED=${PLAIN}-${MISSING:-dflt}',
      'ESCAPED=$$PLAIN',
      'EMPTY=',
      'MULTI="first',
      'second"',
      'CRLF=win\r',
      'LAST=no newline',
    ].join('\n');
    const r = parse(text);
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'around',
      INLINE: 'abc',
      HASH: 'abc#not-a-comment',
      SINGLE: 'keep $PLAIN \\n # as is',
      DOUBLE: 'line\nbreak "q" value',
      EXPANDED: 'value-dflt',
      ESCAPED: '$PLAIN',
      EMPTY: '',
      MULTI: 'first\nsecond',
      CRLF: 'win',
      LAST: 'no newline',
    });
  });

  it('uses variables from earlier files and takes a bare KEY from them', () => {
    const r = parse('A=${FROM_BEFORE}/x\nFROM_BEFORE\nNOT_SET\n', { FROM_BEFORE: 'earlier' });
    expect(r.values).toEqual({ A: 'earlier/x', FROM_BEFORE: 'earlier' });
  });

  it('keeps key and value positions', () => {
    const r = parse('# x\nexport  TOKEN="abc"\n');
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]!.keySpan).toMatchObject({ line: 2, column: 9, endColumn: 14 });
    expect(r.entries[0]!.valueSpan).toMatchObject({ line: 2, column: 15, endColumn: 20 });
  });

  it('reports bad names, unterminated quotes and required variables with positions', () => {
    const r = parse('GOOD=1\nBAD KEY=2\nQ="open\nR=${NEED:?say why}\n');
    expect(r.values.GOOD).toBe('1');
    expect(r.problems.map((p) => [p.message, p.span.line, p.span.column])).toEqual([
      ['Unexpected character "K" in variable name', 2, 5],
      ['Unterminated quoted value for Q', 3, 3],
      ['Required variable NEED is missing a value: say why', 4, 3],
    ]);
  });

  it('reports an unset required variable at the value', () => {
    const r = parse('R=${NEED:?say why}\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ message: 'Required variable NEED is missing a value: say why', span: { line: 1, column: 3, endColumn: 19 } });
  });
});
