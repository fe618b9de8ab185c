import { describe, expect, it } from 'vitest';
import { analyzeCommands } from '../../src/shell/analyze.js';
import {
  aptInstalls, cachesUnder, cleansAptLists, cleansCache, findCleanups, flagValues, hasFlag, installOps, npmOps, omitsDevDependencies, packageOps,
  pipInstalls, skipsRecommends, usesCpuWheels, uvOps,
} from '../../src/shell/packages.js';
import { analyzeScript, joinPieces } from '../../src/shell/script.js';

const ops = (text: string) => packageOps(analyzeCommands(text));
/** One op, compactly: manager, tool, action, packages as `name[op version][!]` (! = pinned, (path)/(url) = source), flags as written. */
function brief(text: string) {
  const all = ops(text);
  expect(all).toHaveLength(1);
  const op = all[0]!;
  return {
    op: `${op.manager}/${op.tool}/${op.action}`,
    packages: op.packages.map((p) => `${p.name}${p.version !== undefined ? ` ${p.constraint} ${p.version}` : ''}${p.pinned ? '!' : ''}${p.source === 'registry' ? '' : ` (${p.source})`}`),
    flags: op.flags.map((f) => (f.value === undefined ? f.name : `${f.name}=${f.value}`)),
  };
}

const CASES: [string, string, string[], string[]][] = [
  // apt
  ['apt-get install -y --no-install-recommends curl ca-certificates', 'apt/apt-get/install', ['curl', 'ca-certificates'], ['-y', '--no-install-recommends']],
  ['apt-get -qq install -y curl=7.88.1-10+deb12u5 libpq5=15.* git/bookworm-backports gcc:arm64', 'apt/apt-get/install', ['curl = 7.88.1-10+deb12u5!', 'libpq5 = 15.*', 'git / bookworm-backports', 'gcc'], ['-qq', '-y']],
  ['apt install ./pkg.deb', 'apt/apt/install', ['./pkg.deb (path)'], []],
  ['apt-get update', 'apt/apt-get/update', [], []],
  ['apt-get -y dist-upgrade', 'apt/apt-get/upgrade', [], ['-y']],
  ['apt-get purge -y --auto-remove gcc', 'apt/apt-get/remove', ['gcc'], ['-y', '--auto-remove']],
  ['apt-get clean', 'apt/apt-get/clean', [], []],
  ['apt-get install -o Dpkg::Options::=--force-confold -y tzdata', 'apt/apt-get/install', ['tzdata'], ['-o=Dpkg::Options::=--force-confold', '-y']],
  // apk
  ['apk add --no-cache curl=8.5.0-r0 bash~5.2 py3-pip@edge', 'apk/apk/install', ['curl = 8.5.0-r0!', 'bash ~ 5.2', 'py3-pip'], ['--no-cache']],
  ['apk add --virtual .build-deps gcc musl-dev', 'apk/apk/install', ['gcc', 'musl-dev'], ['--virtual=.build-deps']],
  ['apk del .build-deps', 'apk/apk/remove', ['.build-deps (path)'], []],
  ['apk cache clean', 'apk/apk/clean', [], []],
  // pip
  ['pip install --no-cache-dir -r requirements.txt', 'pip/pip/install', [], ['--no-cache-dir', '-r=requirements.txt']],
  ['pip3 install --require-hashes -r req.lock', 'pip/pip3/install', [], ['--require-hashes', '-r=req.lock']],
  ['pip install "fastapi[all]==0.110.0" "numpy>=1.26,<2" uvicorn~=0.29 httpx===0.27.0 x==1.*', 'pip/pip/install', ['fastapi == 0.110.0!', 'numpy >= 1.26,<2', 'uvicorn ~= 0.29', 'httpx === 0.27.0!', 'x == 1.*'], []],
  ['pip install --index-url https://download.pytorch.org/whl/cpu torch==2.3.1+cpu', 'pip/pip/install', ['torch == 2.3.1+cpu!'], ['--index-url=https://download.pytorch.org/whl/cpu']],
  ['pip install /wheels/* ./dist/app-1.0-py3-none-any.whl -e . git+https://github.com/a/b.git', 'pip/pip/install', ['/wheels/* (path)', './dist/app-1.0-py3-none-any.whl (path)', '. (path)', 'git+https://github.com/a/b.git (url)'], ['-e']],
  ['python -m pip install -U pip', 'pip/python -m pip/install', ['pip'], ['-U']],
  ['python3.11 -u -m pip install --upgrade pip setuptools', 'pip/python3.11 -m pip/install', ['pip', 'setuptools'], ['--upgrade']],
  ['pip wheel --wheel-dir /wheels -r requirements.txt', 'pip/pip/wheel', [], ['--wheel-dir=/wheels', '-r=requirements.txt']],
  ['pip uninstall -y torch', 'pip/pip/remove', ['torch'], ['-y']],
  ['pip cache purge', 'pip/pip/clean', [], []],
  // uv
  ['uv pip install --system --no-cache -r requirements.txt', 'uv/uv pip/install', [], ['--system', '--no-cache', '-r=requirements.txt']],
  ['uv pip install --system --no-cache-dir -e .', 'uv/uv pip/install', ['. (path)'], ['--system', '--no-cache-dir', '-e']],
  ['uv sync --frozen --no-dev', 'uv/uv/sync', [], ['--frozen', '--no-dev']],
  ['uv add "httpx>=0.27" pydantic==2.7.1', 'uv/uv/add', ['httpx >= 0.27', 'pydantic == 2.7.1!'], []],
  ['uv export --frozen --no-dev -o requirements.txt', 'uv/uv/lock', [], ['--frozen', '--no-dev', '-o=requirements.txt']],
  ['uv cache clean', 'uv/uv/clean', [], []],
  // poetry, pipenv, conda
  ['poetry install --no-root --only main', 'poetry/poetry/install', [], ['--no-root', '--only=main']],
  ['poetry add requests@^2.31 fastapi==0.110.0 httpx@0.27.0', 'poetry/poetry/add', ['requests @ ^2.31', 'fastapi == 0.110.0!', 'httpx @ 0.27.0!'], []],
  ['pipenv install --deploy --system', 'pipenv/pipenv/install', [], ['--deploy', '--system']],
  ['conda install -y -c conda-forge numpy=1.26 faiss-cpu', 'conda/conda/install', ['numpy = 1.26!', 'faiss-cpu'], ['-y', '-c=conda-forge']],
  // npm, yarn, pnpm
  ['npm ci --omit=dev', 'npm/npm/ci', [], ['--omit=dev']],
  ['npm ci --only=production', 'npm/npm/ci', [], ['--only=production']],
  ['npm install --production', 'npm/npm/install', [], ['--production']],
  ['npm i -g pm2@5.3.1 typescript@^5 @scope/pkg@latest @scope/bare', 'npm/npm/install', ['pm2 @ 5.3.1!', 'typescript @ ^5', '@scope/pkg @ latest', '@scope/bare'], ['-g']],
  ['npm --prefix /app run build', 'npm/npm/build', [], ['--prefix=/app']],
  ['npm run build:prod', 'npm/npm/build', [], []],
  ['npm cache clean --force', 'npm/npm/clean', [], ['--force']],
  ['yarn --frozen-lockfile --production', 'yarn/yarn/install', [], ['--frozen-lockfile', '--production']],
  ['yarn add react@18.2.0', 'yarn/yarn/add', ['react @ 18.2.0!'], []],
  ['yarn build', 'yarn/yarn/build', [], []],
  ['pnpm install --frozen-lockfile --prod', 'pnpm/pnpm/install', [], ['--frozen-lockfile', '--prod']],
  ['pnpm store prune', 'pnpm/pnpm/clean', [], []],
  // gem, go
  ['gem install bundler -v 2.5.6 --no-document', 'gem/gem/install', ['bundler = 2.5.6!'], ['-v=2.5.6', '--no-document']],
  ["gem install rails -v '~> 7.1'", 'gem/gem/install', ['rails ~> 7.1'], ['-v=~> 7.1']],
  ['gem install rake:13.1.0', 'gem/gem/install', ['rake : 13.1.0!'], []],
  ['go install golang.org/x/tools/gopls@v0.15.3', 'go/go/install', ['golang.org/x/tools/gopls @ v0.15.3!'], []],
  ['go install github.com/air-verse/air@latest', 'go/go/install', ['github.com/air-verse/air @ latest'], []],
  ['go install ./cmd/server', 'go/go/install', ['./cmd/server (path)'], []],
];

describe('packageOps', () => {
  it.each(CASES)('reads %s', (text, op, packages, flags) => {
    expect(brief(text)).toEqual({ op, packages, flags });
  });

  it.each(['pip freeze', 'pip --version', 'npm start', 'npm run dev', 'yarn --version', 'apk info', 'python app.py', 'python -m uvicorn app:app', 'go run .', 'echo apt-get install x', 'poetry run pytest'])(
    'leaves %s alone',
    (text) => {
      expect(ops(text)).toEqual([]);
    },
  );

  it('gives exact file offsets for packages and flags through a RUN body mapper', () => {
    const file = 'RUN pip install --no-cache-dir \\\n      -r requirements.txt \\\n      "torch==2.3.1"';
    const pieces = [
      { text: 'pip install --no-cache-dir ', at: 4 },
      { text: '      -r requirements.txt ', at: 33 },
      { text: '      "torch==2.3.1"', at: 61 },
    ];
    for (const p of pieces) expect(file.slice(p.at, p.at + p.text.length)).toBe(p.text);
    const { script, toFile } = joinPieces(pieces);
    const [op] = pipInstalls(analyzeScript(script, toFile));
    expect(op!.flags.map((f) => [f.name, file.slice(f.start, f.end)])).toEqual([
      ['--no-cache-dir', '--no-cache-dir'],
      ['-r', '-r requirements.txt'],
    ]);
    const torch = op!.packages[0]!;
    expect([torch.name, torch.version, torch.start, torch.end, file.slice(torch.start, torch.end)]).toEqual(['torch', '2.3.1', 67, 81, '"torch==2.3.1"']);
    expect(file.slice(op!.command.start, op!.command.end)).toBe(file.slice(4));
    expect(file.slice(op!.subcommand[0]!.start, op!.subcommand[0]!.end)).toBe('install');
  });

  it('finds each operation of a chain, through wrappers and sh -c', () => {
    const text = 'set -eux; apt-get update && sudo -E apt-get install -y gcc && sh -c "npm ci && npm run build" && uv sync';
    expect(ops(text).map((o) => `${o.manager} ${o.action}`)).toEqual(['apt update', 'apt install', 'npm ci', 'npm build', 'uv sync']);
    expect(aptInstalls(analyzeCommands(text))).toHaveLength(1);
    expect(npmOps(analyzeCommands(text)).map((o) => o.action)).toEqual(['ci', 'build']);
    expect(uvOps(analyzeCommands(text)).map((o) => o.action)).toEqual(['sync']);
    expect(installOps(analyzeCommands(text)).map((o) => o.manager)).toEqual(['apt', 'npm', 'uv']);
  });
});

describe('flag helpers', () => {
  const one = (text: string) => ops(text)[0]!;
  it('hasFlag sees short options inside clusters where the manager allows them', () => {
    expect(hasFlag(one('apt-get install -qy curl'), '-y', '--yes')).toBe(true);
    expect(hasFlag(one('apt-get install --assume-yes curl'), '-y', '--yes', '--assume-yes')).toBe(true);
    expect(hasFlag(one('apt-get install curl'), '-y')).toBe(false);
    expect(hasFlag(one('npm ci --no-audit'), '-n')).toBe(false);
  });

  it('flagValues collects every value of an option', () => {
    expect(flagValues(one('pip install -r a.txt --requirement=b.txt -c c.txt'), '-r', '--requirement')).toEqual(['a.txt', 'b.txt']);
  });

  it('skipsRecommends, omitsDevDependencies, usesCpuWheels', () => {
    expect(skipsRecommends(one('apt-get install -y --no-install-recommends x'))).toBe(true);
    expect(skipsRecommends(one('apt-get install -y -o APT::Install-Recommends=false x'))).toBe(true);
    expect(skipsRecommends(one('apt-get install -y x'))).toBe(false);
    for (const t of ['npm ci --omit=dev', 'npm ci --omit dev', 'npm ci --only=production', 'npm install --production', 'yarn install --production', 'pnpm install --prod', 'pnpm i -P']) {
      expect(omitsDevDependencies(one(t)), t).toBe(true);
    }
    for (const t of ['npm ci', 'npm install --production=false', 'npm ci --omit=optional', 'npm i -P x']) expect(omitsDevDependencies(one(t)), t).toBe(false);
    expect(usesCpuWheels(one('pip install --index-url https://download.pytorch.org/whl/cpu torch'))).toBe(true);
    expect(usesCpuWheels(one('uv pip install --extra-index-url=https://download.pytorch.org/whl/cpu torch'))).toBe(true);
    expect(usesCpuWheels(one('pip install torch==2.3.1+cpu'))).toBe(true);
    expect(usesCpuWheels(one('pip install torch'))).toBe(false);
    expect(usesCpuWheels(one('pip install --index-url https://download.pytorch.org/whl/cu121 torch'))).toBe(false);
  });

  it("reads uv's --torch-backend with its value written after it, not as a package", () => {
    const op = one('uv pip install --system --torch-backend cpu torch');
    expect(op.packages.map((p) => p.name)).toEqual(['torch']);
    expect(usesCpuWheels(op)).toBe(true);
  });
});

describe('cleanups', () => {
  const cleanups = (text: string) => findCleanups(analyzeCommands(text)).map((c) => [c.how, c.clears.join('+'), text.slice(c.start, c.end)]);

  it('finds rm -rf of cache directories, cache subcommands and no-cache options', () => {
    expect(cleanups('apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/x')).toEqual([
      ['command', 'apt-archives', 'clean'],
      ['rm', 'apt-lists', '/var/lib/apt/lists/*'],
    ]);
    expect(cleanups('apk add --no-cache curl')).toEqual([['flag', 'apk', '--no-cache']]);
    expect(cleanups('pip install --no-cache-dir x && pip cache purge')).toEqual([
      ['flag', 'pip', '--no-cache-dir'],
      ['command', 'pip', 'cache purge'],
    ]);
    expect(cleanups('npm ci && npm cache clean --force')).toEqual([['command', 'npm', 'cache clean']]);
    expect(cleanups('rm -rf /root/.cache')).toEqual([['rm', 'pip+uv+poetry+yarn+go', '/root/.cache']]);
    expect(cleanups('rm -rf ~/.cache/pip "$HOME/.npm"')).toEqual([
      ['rm', 'pip', '~/.cache/pip'],
      ['rm', 'npm', '"$HOME/.npm"'],
    ]);
    expect(cleanups('uv pip install --no-cache x && yarn cache clean && rm -r /var/cache/apk/*')).toEqual([
      ['flag', 'uv', '--no-cache'],
      ['command', 'yarn', 'cache clean'],
      ['rm', 'apk', '/var/cache/apk/*'],
    ]);
    expect(cleanups('rm -f /var/lib/apt/lists/lock && rm -rf /tmp/*')).toEqual([]);
  });

  it('cleansAptLists and cleansCache answer for one kind', () => {
    const cmds = analyzeCommands('apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
    expect(cleansAptLists(cmds)?.how).toBe('rm');
    expect(cleansAptLists(analyzeCommands('apt-get update && apt-get install -y curl && apt-get clean'))).toBeUndefined();
    expect(cleansCache(analyzeCommands('pip install --no-cache-dir x'), 'pip')?.how).toBe('flag');
    expect(cleansCache(analyzeCommands('pip install x'), 'pip')).toBeUndefined();
  });

  it('cachesUnder normalises home and trailing globs', () => {
    expect(cachesUnder('/var/lib/apt/lists/')).toEqual(['apt-lists']);
    expect(cachesUnder('/var/lib/apt')).toEqual(['apt-lists']);
    expect(cachesUnder('${HOME}/.cache/uv/*')).toEqual(['uv']);
    expect(cachesUnder('/')).toEqual([]);
    expect(cachesUnder('/app/build')).toEqual([]);
  });
});
