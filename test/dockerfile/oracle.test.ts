/**
 * Differential test against dockerfile-ast: instruction boundaries, keywords and heredoc
 * bodies must agree with it on the seeds and on every tricky input (where both follow BuildKit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { DockerfileParser, type Heredoc } from 'dockerfile-ast';
import { describe, expect, test } from 'vitest';
import { df } from './helpers.js';

const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).map((f) => [f, readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8')] as const);

const tricky: [string, string][] = [
  ['continuations with comments and blanks', 'FROM a:1\nRUN echo a \\\n# c\n  && echo b \\\n\n  && c\nUSER x\n'],
  ['CRLF', 'FROM a:1\r\nRUN echo a \\\r\n  b\r\nUSER x\r\n'],
  ['BOM + directive', '\uFEFF# syntax=docker/dockerfile:1\nFROM a:1\n'],
  ['backtick escape', '# escape=`\nFROM a:1\nRUN dir c:\\ `\n  && echo done\nCOPY c:\\a\\ c:\\b\\\n'],
  ['lower case + onbuild', 'from a:1 as b\nrun echo\nonbuild run echo x\n'],
  ['heredocs', 'FROM a:1\nRUN <<EOF\napt-get update\nEOF\nRUN <<-EOT bash\n\techo 1\n\tEOT\nRUN cat <<A && cat <<"B"\n1\nA\n2\nB\nCOPY <<EOF /f\nhi\nEOF\nUSER x\n'],
  ['flags on continuation lines', 'FROM a:1\nRUN --mount=type=cache,target=/x \\\n    --network=none \\\n    pip install x\n'],
  ['indented instructions', 'FROM a:1\n   RUN echo 1\n\tUSER x\n'],
];

const key = (l: { line: number; character: number }) => `${l.line}:${l.character}`;

describe('agrees with dockerfile-ast', () => {
  for (const [name, text] of [...fixtures, ...tricky]) {
    test(name, () => {
      const ours = df(text);
      const theirs = DockerfileParser.parse(text);
      const expected = theirs.getInstructions().map((i) => {
        const r = i.getRange();
        const heredocs = ((i as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? []).map((h) => [h.getName(), h.getContentRange() && key(h.getContentRange()!.start)]);
        return [i.getKeyword(), key(r.start), r.end.line, heredocs];
      });
      const actual = ours.instructions.map((i, n) => {
        const s = ours.file.position(i.span.start);
        const e = ours.file.position(i.span.end);
        const heredocs = heredocsOf(ours, n).map((h) => [h.delimiter, `${ours.file.position(h.bodySpan.start).line - 1}:0`]);
        return [i.keyword, `${s.line - 1}:${s.column - 1}`, e.line - 1, heredocs];
      });
      expect(actual).toEqual(expected);
      expect(ours.directives.escape).toBe(theirs.getEscapeCharacter());
    });
  }
});

function heredocsOf(m: ReturnType<typeof df>, n: number) {
  const ins = m.instructions[n]!;
  for (const s of m.stages) {
    const run = s.runs.find((r) => r.instruction === ins);
    if (run) return run.heredocs;
    const copy = s.copies.find((c) => c.instruction === ins);
    if (copy) return copy.heredocs;
  }
  return [];
}
