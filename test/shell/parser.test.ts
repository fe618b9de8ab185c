import { describe, expect, it } from 'vitest';
import { analyzeCommands } from '../../src/shell/analyze.js';
import { isPlainScript } from '../../src/shell/fast-path.js';
import { parseCommands } from '../../src/shell/parser.js';
import { tokenize } from '../../src/shell/tokenize.js';

const show = (text: string) => analyzeCommands(text).map((c) => [c.name, c.depth, text.slice(c.start, c.end)]);
const viaParser = (text: string) =>
  parseCommands(text, 0, analyzeCommands)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ name: c.name, words: c.words, start: c.start, end: c.end }));
const viaAnalyze = (text: string) => analyzeCommands(text).map((c) => ({ name: c.name, words: c.words, start: c.start, end: c.end }));

/** Plain texts: the fast path must give exactly what the parser gives. */
const PLAIN = [
  'apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  'apt-get update && apt-get install -y \\\n    build-essential \\\n    curl \\\n    && rm -rf /var/lib/apt/lists/*',
  'set -eux; pip install --no-cache-dir -r requirements.txt',
  'useradd -m -u 1000 app && \\\n    mkdir -p /app/data && \\\n    chown -R app:app /app',
  'curl -fsSL https://x/setup.sh | bash - && apt-get install -y nodejs',
  'npm ci 2>&1 > /tmp/log && pip install x >> /tmp/log',
  'FOO=1 BAR="a b" exec gosu app pip install "x y" ${EXTRA:-z} $HOME/w.whl',
  "echo 'a && b' \"c; d\" e\\ f # trailing comment",
  'pip install torch==2.3.1 --index-url https://download.pytorch.org/whl/cpu & wait',
  'a\\\nb c',
];

describe('isPlainScript', () => {
  it.each(PLAIN)('takes the fast path for %j, with the parser’s result', (text) => {
    expect(isPlainScript(text)).toBe(true);
    expect(viaAnalyze(text)).toEqual(viaParser(text));
  });

  it.each([
    'if [ -f x ]; then pip install x; fi',
    'for p in a b; do pip install "$p"; done',
    'echo "$(lsb_release -cs)"',
    'echo `id -u`',
    '(cd x && make)',
    '{ a; b; }',
    'cat <<EOF\nx\nEOF',
    'a < in',
    'case x in a) b;; esac',
    '[[ -n "$X" ]] && pip install x',
    'f() { pip install x; }',
    '! grep -q x f',
    'echo "unterminated',
    'echo ${X:-$(id)}',
  ])('sends %j to the parser', (text) => {
    expect(isPlainScript(text)).toBe(false);
  });
});

describe('parser path', () => {
  it('reads what bash-style parsers got wrong: heredocs, `2>&1 >f`, nested $(…)', () => {
    const heredoc = 'cat <<EOF > /etc/x.conf\nkey=$(id -u)\nEOF\napt-get update';
    expect(show(heredoc)).toEqual([
      ['cat', 0, 'cat'],
      ['id', 1, 'id -u'],
      ['apt-get', 0, 'apt-get update'],
    ]);
    expect(show('if true; then npm ci 2>&1 >/dev/null; fi')).toEqual([
      ['true', 0, 'true'],
      ['npm', 0, 'npm ci'],
    ]);
    expect(show('echo $(dirname $(which python))')).toEqual([
      ['echo', 0, 'echo $(dirname $(which python))'],
      ['dirname', 1, 'dirname $(which python)'],
      ['which', 2, 'which python'],
    ]);
  });

  it('reads a bare heredoc as a script, and one fed to a shell one level deeper', () => {
    const bare = '<<EOF\nset -e\napt-get update\nEOF';
    expect(show(bare)).toEqual([
      ['set', 0, 'set -e'],
      ['apt-get', 0, 'apt-get update'],
    ]);
    const bash = 'bash -eux <<-"EOF" && echo done\n\tpip install x\n\tEOF\n';
    expect(show(bash)).toEqual([
      ['bash', 0, 'bash -eux'],
      ['echo', 0, 'echo done'],
      ['pip', 1, 'pip install x'],
    ]);
    expect(show('python3 <<EOF\nimport os\nEOF')).toEqual([['python3', 0, 'python3']]);
    expect(show('sh -c "x" <<EOF\npip install x\nEOF')).toEqual([
      ['sh', 0, 'sh -c "x"'],
      ['x', 1, 'x'],
    ]);
  });

  it('reports declarations as commands and maps offsets past non-ASCII text', () => {
    expect(show('export A=1 B=$(pip install x)')).toEqual([
      ['export', 0, 'export A=1 B=$(pip install x)'],
      ['pip', 1, 'pip install x'],
    ]);
    const text = 'if true; then echo "héllo 🙂" && pip install x; fi';
    expect(show(text).at(-1)).toEqual(['pip', 0, 'pip install x']);
  });

  it('leaves no trace of the parser runtime in the process', () => {
    analyzeCommands('if a; then b; fi # load the parser');
    expect(Error.stackTraceLimit).not.toBe(Infinity);
    expect(Object.hasOwn(globalThis, 'require')).toBe(false);
  });
});

describe('tokenize (fallback)', () => {
  it('treats a line continuation between words as blank', () => {
    expect(tokenize('apt-get install -y \\\n    curl').commands.map((c) => c.map((w) => w.text))).toEqual([['apt-get', 'install', '-y', 'curl']]);
  });

  it('skips heredoc bodies and hands back shell-fed ones', () => {
    // An unbalanced `)` makes the parser refuse, so the tokenizer reads this one.
    const text = 'cat <<EOF >f\npip install nope\nEOF\nbash <<X\nnpm ci\nX\necho )';
    expect(isPlainScript(text)).toBe(false);
    expect(show(text)).toEqual([
      ['cat', 0, 'cat'],
      ['bash', 0, 'bash'],
      ['npm', 1, 'npm ci'],
      ['echo', 0, 'echo'],
    ]);
  });
});
