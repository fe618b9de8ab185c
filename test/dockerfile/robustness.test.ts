import { describe, expect, test } from 'vitest';
import { withBuildArgs } from '../../src/dockerfile/index.js';
import { df } from './helpers.js';

/** A small deterministic PRNG so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const PIECES = [
  'FROM ', 'from ', 'RUN ', 'COPY ', 'ADD ', 'ARG ', 'ENV ', 'USER ', 'WORKDIR ', 'HEALTHCHECK ', 'CMD ', 'ONBUILD ', 'SHELL ', 'EXPOSE ',
  'AS ', 'as ', 'x ', 'python:3.12', '${A', '${A:-b}', '$B', '}', '"', "'", '`', '\\', '\\\n', '\n', '\r\n', '\n\n', '#', '# escape=`\n',
  '<<EOF', '<<-EOF', '\nEOF', '\tEOF', '[', ']', '"a",', '--mount=type=cache,target=/x ', '--from=0 ', '--from=b ', '=', ' ', '\t', '\uFEFF', 'NONE', 'é',
];

describe('never throws, spans stay in the file', () => {
  test('2,000 random Dockerfiles', () => {
    const next = rng(7);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(next() * 40);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const m = df(text);
      const b = withBuildArgs(m, { A: 'alpine:3.20', B: 'x' });
      for (const model of [m, b]) {
        for (const p of model.problems) expect(p.message.startsWith('Could not parse')).toBe(false);
        for (const ins of model.instructions) {
          for (const s of [ins.span, ins.keywordSpan, ins.argsSpan]) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(s.start).toBeLessThanOrEqual(s.end);
          }
        }
        for (const stage of model.stages)
          for (const run of stage.runs)
            if (run.script !== undefined)
              for (const o of [0, run.script.length >> 1, run.script.length]) {
                const f = run.toFile(o);
                expect(f).toBeGreaterThanOrEqual(0);
                expect(f).toBeLessThanOrEqual(text.length);
              }
      }
    }
  });

  test('Windows WORKDIR paths are absolute', () => {
    const m = df('# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR c:\\app\nWORKDIR sub\n');
    expect(m.stages[0]!.own.workdir?.value).toBe('c:\\app\\sub');
    expect(df('FROM a:1\nWORKDIR C:/app\n').stages[0]!.own.workdir?.value).toBe('C:/app');
  });
});
