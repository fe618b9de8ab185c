import { describe, expect, it } from 'vitest';
import { analyzeCommands } from '../../src/shell/analyze.js';
import { MAX_DEPTH } from '../../src/shell/simple-command.js';

/** Each command as its name, word texts, and the source slices its offsets point at. */
function show(text: string) {
  return analyzeCommands(text).map((c) => ({
    name: c.name,
    depth: c.depth,
    words: c.words.map((w) => w.text),
    at: text.slice(c.start, c.end),
  }));
}
const names = (text: string) => analyzeCommands(text).map((c) => c.name);

describe('analyzeCommands', () => {
  it('gives exact word offsets, with quotes removed from the text', () => {
    const text = 'pip install -r "req s.txt" a\\ b \'c\'d';
    const [c] = analyzeCommands(text);
    expect(c).toEqual({
      name: 'pip',
      words: [
        { text: 'pip', start: 0, end: 3 },
        { text: 'install', start: 4, end: 11 },
        { text: '-r', start: 12, end: 14 },
        { text: 'req s.txt', start: 15, end: 26 },
        { text: 'a b', start: 27, end: 31 },
        { text: 'cd', start: 32, end: 36 },
      ],
      args: c!.words.slice(1),
      start: 0,
      end: 36,
      wrappers: [],
      depth: 0,
    });
  });

  it('splits on &&, ||, ;, | and newlines, in source order', () => {
    expect(names('a && b || c; d | e\nf & g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('looks into subshells, braces, $(…), backticks and if/for/while/case bodies', () => {
    expect(names('(a; b) && { c; }')).toEqual(['a', 'b', 'c']);
    expect(names('if [ -f x ]; then pip install x; else npm ci; fi')).toEqual(['[', 'pip', 'npm']);
    expect(names('for f in a b; do yarn; done; while true; do sleep 1; done')).toEqual(['yarn', 'true', 'sleep']);
    expect(names('case "$x" in a) pip install y;; esac')).toEqual(['pip']);
    const text = 'echo "$(npm ci)" `yarn install`';
    expect(show(text)).toEqual([
      { name: 'echo', depth: 0, words: ['echo', '$(npm ci)', '`yarn install`'], at: text },
      { name: 'npm', depth: 1, words: ['npm', 'ci'], at: 'npm ci' },
      { name: 'yarn', depth: 1, words: ['yarn', 'install'], at: 'yarn install' },
    ]);
  });

  it('strips assignments and wrappers, keeping where the real command stands', () => {
    const text = 'FOO=1 BAR="a b" exec gosu app:app pip install x';
    const [c] = analyzeCommands(text);
    expect(c!.name).toBe('pip');
    expect(c!.wrappers).toEqual(['exec', 'gosu']);
    expect(text.slice(c!.start, c!.end)).toBe('pip install x');
    expect(names('sudo -u app -E pip install x')).toEqual(['pip']);
    expect(names('su-exec app npm ci')).toEqual(['npm']);
    expect(names('tini -s -- npm ci')).toEqual(['npm']);
    expect(names('dumb-init --rewrite 15:2 -- yarn')).toEqual(['yarn']);
    expect(names('env -i PATH=/bin HOME=/root npm ci')).toEqual(['npm']);
    expect(names('timeout -s KILL 30 nohup nice -n 5 uvicorn app:app')).toEqual(['uvicorn']);
    expect(names('/usr/local/bin/pip3 install x')).toEqual(['pip3']);
    expect(analyzeCommands('FOO=1')).toEqual([]);
  });

  it('recurses into sh -c / bash -lc / /bin/sh -c bodies with offsets in the outer text', () => {
    const text = 'sh -c "pip install -r req.txt && exec uvicorn main:app --reload"';
    expect(show(text)).toEqual([
      { name: 'sh', depth: 0, words: ['sh', '-c', 'pip install -r req.txt && exec uvicorn main:app --reload'], at: text },
      { name: 'pip', depth: 1, words: ['pip', 'install', '-r', 'req.txt'], at: 'pip install -r req.txt' },
      { name: 'uvicorn', depth: 1, words: ['uvicorn', 'main:app', '--reload'], at: 'uvicorn main:app --reload' },
    ]);
    const pip = analyzeCommands(text)[1]!;
    expect([pip.start, pip.end]).toEqual([7, 29]);
    expect(show("bash -lc 'npm ci'")[1]).toEqual({ name: 'npm', depth: 1, words: ['npm', 'ci'], at: 'npm ci' });
    expect(show('/bin/sh -e -c "yarn install" arg0')[1]!.at).toBe('yarn install');
    expect(show('sh -o pipefail -c "apk add curl"')[1]!.at).toBe('apk add curl');
    expect(show('su app -s /bin/sh -c "npm ci"')[1]!.at).toBe('npm ci');
    expect(names('sh ./start.sh -c x')).toEqual(['sh']);
  });

  it('maps through escapes inside a double-quoted body', () => {
    const text = 'sh -c "echo \\"hi\\" && pip install \\"x y\\""';
    const pip = analyzeCommands(text).find((c) => c.name === 'pip')!;
    expect(pip.words.map((w) => w.text)).toEqual(['pip', 'install', 'x y']);
    expect(text.slice(pip.words[0]!.start, pip.words[1]!.end)).toBe('pip install');
    expect(text.slice(pip.words[2]!.start, pip.words[2]!.end)).toBe('\\"x y\\"');
  });

  it('follows nested shells down to MAX_DEPTH, no further', () => {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    let text = 'pip install deep';
    for (let i = 0; i < MAX_DEPTH + 2; i++) text = `sh -c ${q(text)}`;
    const cmds = analyzeCommands(text);
    expect(Math.max(...cmds.map((c) => c.depth))).toBe(MAX_DEPTH);
    expect(cmds.some((c) => c.name === 'pip')).toBe(false);
    const two = "sh -c \"bash -c 'pip install x'\"";
    expect(show(two).at(-1)).toEqual({ name: 'pip', depth: 2, words: ['pip', 'install', 'x'], at: 'pip install x' });
  });

  it('falls back to the tokenizer where the parser gives up, offsets still exact', () => {
    const text = 'npm ci 2>&1 > /dev/null && pip install x';
    expect(show(text)).toEqual([
      { name: 'npm', depth: 0, words: ['npm', 'ci'], at: 'npm ci' },
      { name: 'pip', depth: 0, words: ['pip', 'install', 'x'], at: 'pip install x' },
    ]);
    expect(show('echo $(a $(pip install b))').at(-1)).toEqual({ name: 'pip', depth: 2, words: ['pip', 'install', 'b'], at: 'pip install b' });
    expect(show('echo "unterminated; npm ci')).toEqual([{ name: 'echo', depth: 0, words: ['echo', 'unterminated; npm ci'], at: 'echo "unterminated; npm ci' }]);
    expect(names('echo ) ; then pip install x')).toEqual(['echo', 'pip']);
  });

  it('never throws, whatever the text', () => {
    const junk = ['', '   ', ')', '((', '"', "'", '$(', '`', '${', '&&', '|||', '<<', '2>', '\\', '\0\x01', 'a\r\nb', 'x'.repeat(70_000), '$((1+', 'if then fi', '}{'];
    for (const t of junk) expect(() => analyzeCommands(t)).not.toThrow();
    expect(names('a\r\nb')).toEqual(['a', 'b']);
  });

  it('caches by text', () => {
    const text = 'npm ci && npm run build';
    expect(analyzeCommands(text)).toBe(analyzeCommands(text));
  });
});
