import { describe, expect, test } from 'vitest';
import { at, df, lc, textOf } from './helpers.js';

describe('parser directives', () => {
  test('syntax, escape=` and check; backtick continuations; backslash is literal', () => {
    const m = df([
      '# syntax=docker/dockerfile:1.7',
      '#  Escape = `',
      '# check=skip=JSONArgsRecommended',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN dir c:\\ `',
      '    && echo done',
      'COPY c:\\src\\ c:\\dst\\',
      'WORKDIR c:\\app\\',
    ].join('\n'));
    expect(m.directives).toEqual({ syntax: 'docker/dockerfile:1.7', escape: '`', check: 'skip=JSONArgsRecommended' });
    const run = m.stages[0]!.runs[0]!;
    expect(run.script).toBe('dir c:\\     && echo done');
    expect(lc(m, run.toFile(run.script!.indexOf('&&')))).toBe('6:5');
    expect(at(run.instruction.span)).toBe('5:1-6:17');
    const copy = m.stages[0]!.copies[0]!;
    expect([copy.sources.map((s) => s.text), copy.dest.text]).toEqual([['c:\\src\\'], 'c:\\dst\\']);
    expect(m.problems).toEqual([]);
  });

  test('a directive after a comment, a blank line or an instruction is a comment', () => {
    for (const text of ['# hello\n# escape=`\nFROM a:1\nRUN echo \\\n  b\n', '\n# escape=`\nFROM a:1\nRUN echo \\\n  b\n', 'FROM a:1\n# escape=`\nRUN echo \\\n  b\n']) {
      const m = df(text);
      expect(m.directives.escape).toBe('\\');
      expect(m.stages[0]!.runs[0]!.script).toBe('echo   b');
    }
  });

  test('duplicate and invalid directives', () => {
    const m = df('# syntax=a\n# syntax=b\n# escape=x\nFROM a:1\n');
    expect(m.directives).toEqual({ syntax: 'a', escape: '\\' });
    expect(m.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['Only one syntax parser directive can be used', '2:1-2:11'],
      ["Invalid escape character 'x': use \\ or `", '3:10-3:11'],
    ]);
  });

  test('BOM before the first directive', () => {
    const m = df('\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\n');
    expect(m.directives.syntax).toBe('docker/dockerfile:1');
    expect(at(m.stages[0]!.from.keywordSpan)).toBe('2:1-2:5');
    expect(m.problems).toEqual([]);
  });
});

describe('continuations', () => {
  test('comment and blank lines inside a continuation are dropped, as Docker does', () => {
    const m = df([
      'FROM debian:12',            // 1
      'RUN apt-get update \\',      // 2
      '# a comment inside',        // 3
      '    && apt-get install -y \\', // 4
      '      # an indented comment', // 5
      '',                           // 6
      '        curl \\   ',          // 7 (blanks after the escape)
      '    && rm -rf /var/lib/apt/lists/*', // 8
      'USER nobody',                // 9
    ].join('\n'));
    const run = m.stages[0]!.runs[0]!;
    const s = run.script!;
    expect(s).toBe('apt-get update     && apt-get install -y         curl     && rm -rf /var/lib/apt/lists/*');
    expect(lc(m, run.toFile(s.indexOf('&& apt-get')))).toBe('4:5');
    expect(lc(m, run.toFile(s.indexOf('curl')))).toBe('7:9');
    expect(lc(m, run.toFile(s.indexOf('rm')))).toBe('8:8');
    const [a, b] = run.toFileRange(s.indexOf('curl'), s.indexOf('curl') + 4);
    expect(m.file.text.slice(a, b)).toBe('curl');
    expect(at(run.instruction.span)).toBe('2:1-8:35');
    expect(m.stages[0]!.effective.user?.value).toBe('nobody');
  });

  test('CRLF line endings', () => {
    const m = df('FROM alpine:3.20\r\nRUN echo a \\\r\n    && echo b\r\nUSER app\r\n');
    const run = m.stages[0]!.runs[0]!;
    expect(run.script).toBe('echo a     && echo b');
    expect(at(run.instruction.span)).toBe('2:1-3:14');
    expect(lc(m, run.toFile(run.script!.indexOf('&&')))).toBe('3:5');
    expect(m.stages[0]!.effective.user?.value).toBe('app');
    expect(at(m.stages[0]!.effective.user?.instruction.span)).toBe('4:1-4:9');
  });

  test('lower-case instructions, ONBUILD triggers, unknown instructions', () => {
    const m = df('from alpine:3.20 as Base\nonbuild run echo triggered\nonbuild copy . /src\nrun echo a\nfoobar x\n');
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ONBUILD', 'ONBUILD', 'RUN', 'FOOBAR']);
    const stage = m.stages[0]!;
    expect(stage.name).toBe('base');
    expect(stage.onbuild.map((i) => [i.keyword, i.argsText, at(i.keywordSpan), at(i.span)])).toEqual([
      ['RUN', 'echo triggered', '2:9-2:12', '2:9-2:27'],
      ['COPY', '. /src', '3:9-3:13', '3:9-3:20'],
    ]);
    expect(stage.runs.map((r) => r.script)).toEqual(['echo a']);
    expect(stage.copies).toEqual([]);
    expect(m.problems.map((p) => [p.message, at(p.span)])).toEqual([['Unknown instruction FOOBAR', '5:1-5:7']]);
  });

  test('a continuation at end of file', () => {
    const m = df('FROM alpine:3.20\nRUN echo \\\n');
    expect(m.stages[0]!.runs[0]!.script).toBe('echo');
    expect(at(m.stages[0]!.runs[0]!.instruction.span)).toBe('2:1-2:9');
  });
});

describe('RUN', () => {
  const m = df([
    'FROM python:3.12-slim',                                  // 1
    'RUN --mount=type=cache,target=/root/.cache/pip \\',       // 2
    '    --mount=type=secret,id=pip_token,required \\',         // 3
    '    --network=none \\',                                    // 4
    '    pip install -r requirements.txt',                     // 5
    'RUN ["pip", "install", "--no-cache-dir", "x"]',           // 6
    'RUN [pip, install]',                                      // 7
    'CMD ["a",',                                               // 8
    'RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels pip install /wheels/*', // 9
    'ENTRYPOINT ["/bin/sh", "-c", "exec \\"$0\\" \\u0041"]', // 10
  ].join('\n'));
  const [flags, exec, bad, bind] = m.stages[0]!.runs;

  test('--mount and --network flags', () => {
    expect(flags!.mounts.map((x) => [x.type, x.options, at(x.span)])).toEqual([
      ['cache', { type: 'cache', target: '/root/.cache/pip' }, '2:5-2:47'],
      ['secret', { type: 'secret', id: 'pip_token', required: '' }, '3:5-3:46'],
    ]);
    expect(flags!.network).toBe('none');
    expect(flags!.form).toBe('shell');
    expect(flags!.script).toBe('pip install -r requirements.txt');
    expect(at(flags!.instruction.argsSpan)).toBe('5:5-5:36');
    expect(lc(m, flags!.toFile(0))).toBe('5:5');
    expect(bind!.mounts[0]).toMatchObject({ type: 'bind', options: { from: 'builder', source: '/wheels', target: '/wheels' } });
  });

  test('exec form with string spans; malformed JSON falls back to shell form', () => {
    expect(exec!.form).toBe('exec');
    expect(exec!.argv).toEqual(['pip', 'install', '--no-cache-dir', 'x']);
    expect(exec!.argvSpans!.map((s) => textOf(m, s))).toEqual(['"pip"', '"install"', '"--no-cache-dir"', '"x"']);
    expect(exec!.script).toBeUndefined();
    expect([bad!.form, bad!.script]).toEqual(['shell', '[pip, install]']);
    expect(m.stages[0]!.effective.cmd).toMatchObject({ form: 'shell', script: '["a",' });
    expect(m.stages[0]!.effective.entrypoint?.argv).toEqual(['/bin/sh', '-c', 'exec "$0" A']);
  });
});

describe('heredocs', () => {
  const text = [
    'FROM debian:12',                           // 1
    'RUN <<EOF',                                // 2
    'apt-get update',                           // 3
    'apt-get install -y curl',                  // 4
    'EOF',                                      // 5
    'RUN <<-EOT bash -ex',                      // 6
    '\techo one',                               // 7
    '\techo two',                               // 8
    '\tEOT',                                    // 9
    'RUN cat <<A > /a && cat <<"B" > /b',       // 10
    'alpha $HOME',                              // 11
    'A',                                        // 12
    'beta $HOME',                               // 13
    'B',                                        // 14
    'COPY --chmod=644 <<EOF /etc/app.conf',     // 15
    'key=value',                                // 16
    'EOF',                                      // 17
    'RUN <<EOF',                                // 18
    '#!/usr/bin/env python3',                   // 19
    'print("hi")',                              // 20
    'EOF',                                      // 21
    'RUN echo "<<NOT" && echo $((1<<2))',       // 22
    'RUN --mount=type=cache,target=/var/cache/apt \\', // 23
    '    <<EOF',                                // 24
    'apt-get update',                           // 25
    'EOF',                                      // 26
    'USER nobody',                              // 27
  ].join('\n');
  const m = df(text);
  const runs = m.stages[0]!.runs;

  test('a lone heredoc is the script', () => {
    const r = runs[0]!;
    expect(r.form).toBe('shell');
    expect(r.script).toBe('apt-get update\napt-get install -y curl\n');
    expect(lc(m, r.toFile(r.script!.indexOf('apt-get install')))).toBe('4:1');
    expect(lc(m, r.toFile(r.script!.indexOf('curl')))).toBe('4:20');
    expect(r.heredocs.map((h) => [h.delimiter, h.body, at(h.bodySpan), h.chomp, h.expand])).toEqual([
      ['EOF', 'apt-get update\napt-get install -y curl\n', '3:1-5:1', false, true],
    ]);
    expect(at(r.instruction.span)).toBe('2:1-5:4');
    expect(r.instruction.argsText).toBe('<<EOF');
    expect(m.problems).toEqual([]);
  });

  test('<<- with a command: the shell gets line, bodies and terminators', () => {
    const r = runs[1]!;
    expect(r.script).toBe('<<-EOT bash -ex\n\techo one\n\techo two\n\tEOT');
    expect(lc(m, r.toFile(r.script!.indexOf('echo two')))).toBe('8:2');
    expect(lc(m, r.toFile(r.script!.indexOf('bash')))).toBe('6:12');
    expect(r.heredocs[0]).toMatchObject({ delimiter: 'EOT', body: 'echo one\necho two\n', chomp: true });
    expect(at(r.instruction.span)).toBe('6:1-9:5');
  });

  test('two heredocs, quoted delimiter', () => {
    const r = runs[2]!;
    expect(r.script).toBe('cat <<A > /a && cat <<"B" > /b\nalpha $HOME\nA\nbeta $HOME\nB');
    expect(lc(m, r.toFile(r.script!.indexOf('beta')))).toBe('13:1');
    expect(r.heredocs.map((h) => [h.delimiter, h.expand, at(h.bodySpan)])).toEqual([
      ['A', true, '11:1-12:1'],
      ['B', false, '13:1-14:1'],
    ]);
  });

  test('COPY <<EOF /file', () => {
    const c = m.stages[0]!.copies[0]!;
    expect(c.sources.map((s) => [s.text, at(s.span)])).toEqual([['<<EOF', '15:18-15:23']]);
    expect(c.dest.text).toBe('/etc/app.conf');
    expect(c.chmod).toBe('644');
    expect(c.heredocs.map((h) => h.body)).toEqual(['key=value\n']);
    expect(at(c.instruction.span)).toBe('15:1-17:4');
  });

  test('shebang, look-alikes, heredoc after flags on a continuation line', () => {
    expect(runs[3]!.shebang).toBe('#!/usr/bin/env python3');
    expect(runs[4]!.heredocs).toEqual([]);
    expect(runs[4]!.script).toBe('echo "<<NOT" && echo $((1<<2))');
    const r = runs[5]!;
    expect(r.mounts[0]!.options.target).toBe('/var/cache/apt');
    expect(r.script).toBe('apt-get update\n');
    expect(lc(m, r.toFile(0))).toBe('25:1');
    expect(m.stages[0]!.effective.user?.value).toBe('nobody');
    expect(at(m.stages[0]!.effective.user?.instruction.span)).toBe('27:1-27:12');
  });

  test('an unterminated heredoc runs to the end of the file', () => {
    const u = df('FROM alpine:3.20\nRUN <<EOF\necho hi\nUSER x\n');
    expect(u.problems.map((p) => [p.message, at(p.span)])).toEqual([['Heredoc EOF is not terminated', '2:5-2:10']]);
    expect(u.stages[0]!.runs[0]!.script).toBe('echo hi\nUSER x\n');
    expect(u.stages[0]!.effective.user).toBeUndefined();
  });

  test('cat<<EOF without a space is not a heredoc for BuildKit', () => {
    const u = df('FROM alpine:3.20\nRUN cat<<EOF\nhello\nEOF\n');
    expect(u.stages[0]!.runs[0]!.heredocs).toEqual([]);
    expect(u.problems.map((p) => p.message)).toEqual(['Unknown instruction HELLO', 'Unknown instruction EOF']);
  });

  test('BuildKit details: `<< EOF`, ONBUILD triggers, never in JSON form', () => {
    const u = df('FROM alpine:3.20\nRUN << EOF\necho spaced\nEOF\nONBUILD RUN <<EOF\necho later\nEOF\nRUN ["<<EOF"]\nUSER x\n');
    expect(u.problems).toEqual([]);
    const [spaced, json] = u.stages[0]!.runs;
    expect(spaced!.heredocs.map((h) => h.delimiter)).toEqual(['EOF']);
    expect(spaced!.script).toBe('echo spaced\n');
    expect(json!.form).toBe('exec');
    expect(json!.heredocs).toEqual([]);
    const trigger = u.stages[0]!.onbuild[0]!;
    expect([trigger.keyword, trigger.argsText, at(trigger.span)]).toEqual(['RUN', '<<EOF', '5:9-7:4']);
    expect(u.stages[0]!.effective.user?.value).toBe('x');
  });
});
