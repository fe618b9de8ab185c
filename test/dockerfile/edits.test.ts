import { describe, expect, it } from 'vitest';
import { runCommands, runPackageOps } from '../../src/dockerfile/commands.js';
import { addFlagFix, appendToRun, insertLinesAfter, insertLinesBefore, isPlainWord, replaceArgs } from '../../src/dockerfile/edits.js';
import { lineEnding } from '../../src/source/lines.js';
import type { DockerfileModel } from '../../src/dockerfile/types.js';
import type { Edit } from '../../src/engine/types.js';
import { applyEdits } from '../../src/fix/apply-edits.js';
import { df } from './helpers.js';

const apply = (m: DockerfileModel, e: Edit | undefined): string | undefined => e && applyEdits(m.file.text, [e]);
const run = (m: DockerfileModel, k = 0) => m.stages[0]!.runs[k]!;
/** Appends `rm x` after the RUN's last command. */
const append = (text: string): string | undefined => {
  const m = df(text);
  const r = run(m);
  const last = runCommands(r).at(-1);
  return apply(m, appendToRun(m.file, r, m.directives.escape, last?.start ?? r.instruction.argsSpan.start, 'rm x'));
};

describe('lineEnding and isPlainWord', () => {
  it('reads the line ending and whether a word stands as written', () => {
    expect(lineEnding(df('FROM a\r\nRUN b\r\n').file)).toBe('\r\n');
    expect(lineEnding(df('FROM a\nRUN b\n').file)).toBe('\n');
    const m = df('FROM a\nRUN apt-get "install" x && apt-get install y\n');
    const [quoted, plain] = runPackageOps(run(m));
    expect(isPlainWord(m.file, quoted!.subcommand[0]!)).toBe(false);
    expect(isPlainWord(m.file, plain!.subcommand[0]!)).toBe(true);
  });
});

describe('addFlagFix', () => {
  it('inserts the flag after the subcommand, or offers nothing for a quoted one', () => {
    const m = df('FROM a\nRUN python -m pip install x && apt-get "install" y\n');
    const [pip, apt] = runPackageOps(run(m));
    const fix = addFlagFix(m.file, pip!, '--no-cache-dir', true)!;
    expect(fix).toMatchObject({ title: 'Add --no-cache-dir', safe: true });
    expect(applyEdits(m.file.text, fix.edits)).toBe('FROM a\nRUN python -m pip install --no-cache-dir x && apt-get "install" y\n');
    expect(addFlagFix(m.file, apt!, '--no-install-recommends', false)).toBeUndefined();
  });
});

describe('appendToRun', () => {
  it('chains onto a one-line RUN, before trailing blanks', () => {
    expect(append('FROM a\nRUN a && b  \n')).toBe('FROM a\nRUN a && b && rm x  \n');
    expect(append('FROM a\nRUN a; b;')).toBe('FROM a\nRUN a; b; rm x');
  });

  it('adds a continuation line in the style of the others', () => {
    expect(append('FROM a\nRUN a \\\n  && b\n')).toBe('FROM a\nRUN a \\\n  && b \\\n  && rm x\n');
    expect(append('FROM a\nRUN a && \\\n\tb\n')).toBe('FROM a\nRUN a && \\\n\tb && \\\n\trm x\n');
    expect(append('FROM a\nRUN a; \\\n    b;\n')).toBe('FROM a\nRUN a; \\\n    b; \\\n    rm x\n');
  });

  it('ends the heredoc body that holds the command, also one fed to a shell', () => {
    expect(append('FROM a\nRUN bash -e <<-EOF\n\ta\n\tb\n\tEOF\n')).toBe('FROM a\nRUN bash -e <<-EOF\n\ta\n\tb\n\trm x\n\tEOF\n');
    expect(append('FROM a\r\nRUN <<EOF\r\na\r\nEOF\r\n')).toBe('FROM a\r\nRUN <<EOF\r\na\r\nrm x\r\nEOF\r\n');
  });

  it('offers nothing where the addition could not run as the last command', () => {
    for (const text of [
      'FROM a\nRUN a # note\n',
      'FROM a\nRUN a &&\n',
      'FROM a\nRUN a |\n',
      'FROM a\nRUN ["a", "b"]\n',
      'FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n',
      'FROM a\nRUN a <<EOF > /f\nx\nEOF\n',
    ]) {
      const m = df(text);
      const r = run(m);
      // An offset outside every heredoc body: the command line.
      expect(appendToRun(m.file, r, '\\', r.instruction.keywordSpan.start, 'rm x'), text).toBeUndefined();
    }
  });
});

describe('insertLinesBefore and insertLinesAfter', () => {
  it('inserts above the comment lines directly over an instruction', () => {
    const m = df('FROM a\nRUN b\n\n# start\n# here\nCMD ["c"]\n');
    const cmd = m.stages[0]!.instructions.at(-1)!;
    expect(apply(m, insertLinesBefore(m.file, cmd, ['USER app']))).toBe('FROM a\nRUN b\n\nUSER app\n# start\n# here\nCMD ["c"]\n');
  });

  it('inserts after an instruction and its heredoc body, or at the end of a file without a final newline', () => {
    const m = df('FROM a\r\nRUN <<EOF\r\nb\r\nEOF\r\nCMD ["c"]');
    const [runIns, cmd] = m.stages[0]!.instructions;
    expect(apply(m, insertLinesAfter(m.file, runIns!, ['USER app']))).toBe('FROM a\r\nRUN <<EOF\r\nb\r\nEOF\r\nUSER app\r\nCMD ["c"]');
    expect(apply(m, insertLinesAfter(m.file, cmd!, ['RUN x', 'USER app']))).toBe('FROM a\r\nRUN <<EOF\r\nb\r\nEOF\r\nCMD ["c"]\r\nRUN x\r\nUSER app');
  });
});

describe('replaceArgs', () => {
  it('replaces the arguments after the flags, unless a comment line sits among them', () => {
    const m = df('FROM a\nHEALTHCHECK --interval=5s CMD curl \\\n  -f x\nCMD a \\\n# note\n  b\n');
    const [hc, cmd] = m.stages[0]!.instructions;
    expect(apply(m, replaceArgs(m.file, hc!, 'CMD ["true"]'))).toBe('FROM a\nHEALTHCHECK --interval=5s CMD ["true"]\nCMD a \\\n# note\n  b\n');
    expect(replaceArgs(m.file, cmd!, '["a", "b"]')).toBeUndefined();
  });
});
