import { describe, expect, it } from 'vitest';
import { analyzeCommands } from '../../src/shell/analyze.js';
import { findPackageInstalls, mayInstall } from '../../src/shell/installs.js';

const found = (text: string) =>
  findPackageInstalls(analyzeCommands(text)).map((f) => ({ kind: f.kind, manager: f.manager, flags: f.flags, packages: f.packages }));

/** text → [kind, manager, flags, packages] of the one finding expected. */
const POSITIVE: [string, string, string, string[], string[]][] = [
  ['pip install -r requirements.txt', 'install', 'pip', ['-r'], []],
  ['pip3 install --no-cache-dir fastapi uvicorn', 'install', 'pip', ['--no-cache-dir'], ['fastapi', 'uvicorn']],
  ['/usr/bin/pip3.12 --disable-pip-version-check install x', 'install', 'pip', ['--disable-pip-version-check'], ['x']],
  ['python -m pip install -U pip', 'install', 'pip', ['-U'], ['pip']],
  ['python3.11 -u -m pip install --index-url https://x/simple torch', 'install', 'pip', ['-u', '--index-url'], ['torch']],
  ['uv pip install --system -e .', 'install', 'uv', ['--system', '-e'], ['.']],
  ['uv sync --frozen', 'install', 'uv', ['--frozen'], []],
  ['uv add httpx', 'install', 'uv', [], ['httpx']],
  ['poetry install --no-root', 'install', 'poetry', ['--no-root'], []],
  ['pipenv install --deploy', 'install', 'pipenv', ['--deploy'], []],
  ['npm install', 'install', 'npm', [], []],
  ['npm i -g pm2', 'install', 'npm', ['-g'], ['pm2']],
  ['npm ci --omit=dev', 'install', 'npm', ['--omit=dev'], []],
  ['npm add left-pad', 'install', 'npm', [], ['left-pad']],
  ['yarn', 'install', 'yarn', [], []],
  ['yarn --frozen-lockfile', 'install', 'yarn', ['--frozen-lockfile'], []],
  ['yarn add react', 'install', 'yarn', [], ['react']],
  ['pnpm i --frozen-lockfile', 'install', 'pnpm', ['--frozen-lockfile'], []],
  ['npx -y @modelcontextprotocol/server-filesystem /data', 'install', 'npx', ['-y'], ['@modelcontextprotocol/server-filesystem', '/data']],
  ['apt-get install -y --no-install-recommends curl', 'install', 'apt-get', ['-y', '--no-install-recommends'], ['curl']],
  ['apt install git', 'install', 'apt-get', [], ['git']],
  ['apk add --no-cache curl', 'install', 'apk', ['--no-cache'], ['curl']],
  ['npm run build', 'build', 'npm', [], []],
  ['yarn build', 'build', 'yarn', [], []],
  ['pnpm run build:prod', 'build', 'pnpm', [], []],
];

const NEGATIVE = [
  'uvicorn main:app --host 0.0.0.0 --port 8000',
  'python app.py',
  'npm start',
  'npm run start',
  'yarn start',
  'npx serve dist',
  'pip freeze',
  'pip --version',
  'apt-get update',
  'apk info',
  'poetry run python app.py',
  'redis-server --appendonly yes',
  'echo pip install x',
  'uvicorn app:app --reload-dir src',
  // Dev servers are no-dev-server's (src/shell/dev-servers.ts).
  'uvicorn main:app --host 0.0.0.0 --reload',
  'npm run dev',
];

describe('findPackageInstalls', () => {
  it.each(POSITIVE)('recognises %s', (text, kind, manager, flags, packages) => {
    expect(found(text)).toEqual([{ kind, manager, flags, packages }]);
  });

  it.each(NEGATIVE)('leaves %s alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds several in one line, inside shells and wrappers, each with its command', () => {
    const text = 'exec gosu app sh -c "pip install -r req.txt && npm ci && npm run build && node server.js"';
    const all = findPackageInstalls(analyzeCommands(text));
    expect(all.map((f) => [f.kind, f.manager, text.slice(f.command.start, f.command.end)])).toEqual([
      ['install', 'pip', 'pip install -r req.txt'],
      ['install', 'npm', 'npm ci'],
      ['build', 'npm', 'npm run build'],
    ]);
  });
});

describe('mayInstall (prefilter)', () => {
  it.each(POSITIVE.map((p) => p[0]))('lets %s through', (text) => {
    expect(mayInstall(text)).toBe(true);
  });

  it('rules out common start commands without parsing them', () => {
    for (const text of ['uvicorn main:app --host 0.0.0.0', 'python app.py', 'redis-server --appendonly yes', 'node server.js', 'ollama serve', 'streamlit run app.py']) {
      expect(mayInstall(text)).toBe(false);
    }
  });
});
