import { describe, expect, it } from 'vitest';
import { shiftMapper } from '../../src/shell/offsets.js';
import { analyzeMappedScript, analyzeScript, joinPieces, rangeMapper, type ScriptPiece } from '../../src/shell/script.js';

/**
 * A RUN instruction's body the way a Dockerfile model hands it over: continuation lines joined
 * (backslash + newline dropped, comment lines dropped), with a mapper back to the file.
 */
function runBody(file: string): { script: string; toFile: (i: number) => number } {
  const lines: ScriptPiece[] = [];
  let at = file.indexOf('RUN ') + 4;
  for (;;) {
    const nl = file.indexOf('\n', at);
    const line = file.slice(at, nl === -1 ? file.length : nl);
    const comment = lines.length > 0 && /^\s*#/.test(line);
    const continued = comment || line.endsWith('\\');
    if (!comment) lines.push({ text: line.endsWith('\\') ? line.slice(0, -1) : line, at });
    if (!continued || nl === -1) break;
    at = nl + 1;
  }
  return joinPieces(lines);
}

const FILE = [
  'FROM python:3.12-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends \\',
  '    curl=7.88.1-10 \\',
  '    # build tools',
  '    "build-essential" \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'USER app',
].join('\n');

describe('analyzeScript', () => {
  it('maps every command and word of a joined RUN body back to the file', () => {
    const { script, toFile } = runBody(FILE);
    expect(script).toBe('apt-get update && apt-get install -y --no-install-recommends     curl=7.88.1-10     "build-essential"     && rm -rf /var/lib/apt/lists/*');
    const cmds = analyzeScript(script, toFile);
    expect(cmds.map((c) => [c.name, FILE.slice(c.start, c.end)])).toEqual([
      ['apt-get', 'apt-get update'],
      ['apt-get', 'apt-get install -y --no-install-recommends \\\n    curl=7.88.1-10 \\\n    # build tools\n    "build-essential"'],
      ['rm', 'rm -rf /var/lib/apt/lists/*'],
    ]);
    const install = cmds[1]!;
    expect(install.words.map((w) => [w.text, FILE.slice(w.start, w.end)])).toEqual([
      ['apt-get', 'apt-get'],
      ['install', 'install'],
      ['-y', '-y'],
      ['--no-install-recommends', '--no-install-recommends'],
      ['curl=7.88.1-10', 'curl=7.88.1-10'],
      ['build-essential', '"build-essential"'],
    ]);
    // Exact numbers, counted by hand: line 3 starts at 89 (22 + 67).
    expect(FILE.indexOf('curl=')).toBe(93);
    expect([install.words[4]!.start, install.words[4]!.end]).toEqual([93, 107]);
  });

  it('keeps a word that ends at a joined line break from swallowing the backslash', () => {
    const file = 'RUN pip install x\\\n  y';
    const { script, toFile } = runBody(file);
    expect(script).toBe('pip install x  y');
    const [pip] = analyzeScript(script, toFile);
    expect(pip!.words.map((w) => file.slice(w.start, w.end))).toEqual(['pip', 'install', 'x', 'y']);
  });

  it('reads a RUN heredoc as the script it is, positions in the file', () => {
    const file = 'FROM alpine\nRUN <<EOF\nset -eux\napk add --no-cache curl\nEOF\n';
    const at = file.indexOf('<<EOF');
    const script = file.slice(at, file.length - 1);
    const cmds = analyzeScript(script, (i) => at + i);
    expect(cmds.map((c) => [c.name, c.start, file.slice(c.start, c.end)])).toEqual([
      ['set', 22, 'set -eux'],
      ['apk', 31, 'apk add --no-cache curl'],
    ]);
    // The body alone, passed with its own mapper, gives the same.
    const body = file.indexOf('set');
    expect(analyzeScript('set -eux\napk add --no-cache curl\n', (i) => body + i)).toEqual(cmds);
  });

  it('takes a range mapper for texts such as YAML scalars', () => {
    const cmds = analyzeMappedScript('curl -f http://localhost:8080/health || exit 1', shiftMapper(100));
    expect(cmds.map((c) => [c.name, c.start, c.end])).toEqual([
      ['curl', 100, 136],
      ['exit', 140, 146],
    ]);
  });

  it('returns fresh arrays (the analysis under them is cached)', () => {
    const a = analyzeScript('npm ci', (i) => i);
    a.pop();
    expect(analyzeScript('npm ci', (i) => i)).toHaveLength(1);
  });
});

describe('joinPieces / rangeMapper', () => {
  it('maps offsets inside, between and past pieces', () => {
    const { script, toFile } = joinPieces([
      { text: 'ab', at: 10 },
      { text: '', at: 20 },
      { text: 'cd', at: 30 },
    ]);
    expect(script).toBe('abcd');
    expect([0, 1, 2, 3, 4].map(toFile)).toEqual([10, 11, 30, 31, 32]);
    const map = rangeMapper(toFile);
    expect(map(0, 2)).toEqual([10, 12]);
    expect(map(1, 3)).toEqual([11, 31]);
    expect(map(2, 2)).toEqual([30, 30]);
    expect(joinPieces([]).toFile(0)).toBe(0);
  });
});
