import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isComposeName, isDockerfileName } from '../src/discover/patterns.js';
import { packageRoot } from '../src/package-root.js';
import { isInside } from '../src/source/display-path.js';

/**
 * The hooks in `.pre-commit-hooks.yaml`, run by Debian's real `pre-commit` the way a user's
 * repository would: pre-commit installs the hook repository as a `language: node` package
 * (`npm install` with dev dependencies, which runs `prepare`, then `npm pack` and a global
 * install of the tarball) and calls `ragcheck` with the matching files.
 */

const INSTALL_HINT = 'apt-get install -y pre-commit';
// Each pre-commit call installs at most one hook environment (npm install, tsc, esbuild, npm pack).
const STEP_TIMEOUT_MS = 150_000;

const manifest = parse(readFileSync(join(packageRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
const hook = (id: string): Record<string, unknown> => {
  const found = manifest.find((h) => h.id === id);
  if (!found) throw new Error(`.pre-commit-hooks.yaml has no hook ${id}`);
  return found;
};

/** pre-commit's patterns are Python regexes searched in repository-relative paths; ours use only a leading `(?i)` beyond what JavaScript shares. */
function pythonRegex(pattern: unknown): RegExp {
  if (typeof pattern !== 'string') throw new Error(`not a pattern: ${String(pattern)}`);
  const caseless = pattern.startsWith('(?i)');
  return new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? 'i' : '');
}

const selects = (h: Record<string, unknown>, path: string): boolean => pythonRegex(h.files).test(path) && !pythonRegex(h.exclude).test(path);

describe('.pre-commit-hooks.yaml', () => {
  it.each(['ragcheck', 'ragcheck-fix'])('%s runs ragcheck as a node package on whole stacks', (id) => {
    const h = hook(id);
    expect(h).toMatchObject({ language: 'node', pass_filenames: true, require_serial: true });
    expect(h.entry).toBe(id === 'ragcheck' ? 'ragcheck lint' : 'ragcheck fix');
  });

  // Every name discovery takes for a Compose file or a Dockerfile reaches ragcheck, in any folder.
  const recognised = [
    'compose.yaml', 'compose.yml', 'compose.prod.yaml', 'compose-dev.yml', 'docker-compose.yml', 'docker-compose.override.yaml',
    'Docker-Compose.YML', 'rag.compose.yaml', 'infra/stack/compose.gpu.yml', 'Dockerfile', 'Dockerfile.prod', 'api/Dockerfile',
    'worker.Dockerfile', 'services/web/ui.dockerfile', 'Containerfile',
  ];
  // Files that share part of such a name but are something else.
  const others = [
    'app.py', 'README.md', 'Dockerfile.md', 'Dockerfile.dockerignore', '.dockerignore', 'values.yaml', 'composer.json',
    'composer.yaml', 'compose.json', 'docs/compose.yaml.md', 'Dockerfiles/README.txt', 'my-compose.yaml',
  ];

  it.each(['ragcheck', 'ragcheck-fix'])('%s selects the files discovery recognises and no others', (id) => {
    const h = hook(id);
    for (const path of recognised) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      expect({ path, discovery: isComposeName(name) || isDockerfileName(name) }).toEqual({ path, discovery: true });
      expect({ path, selected: selects(h, path) }).toEqual({ path, selected: true });
    }
    for (const path of others) expect({ path, selected: selects(h, path) }).toEqual({ path, selected: false });
  });
});

describe('pre-commit runs the hooks from this checkout', () => {
  const work = mkdtempSync(join(tmpdir(), 'ragcheck-pre-commit-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // pre-commit, git and npm read and write only under `work`; downloads go through the usual
  // npm cache, which only makes the installs faster.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')));
  Object.assign(env, {
    HOME: join(work, 'home'),
    XDG_CACHE_HOME: join(work, 'xdg-cache'),
    XDG_CONFIG_HOME: join(work, 'xdg-config'),
    PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'ragcheck test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'ragcheck test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
    NO_COLOR: '1',
  });

  function run(cmd: string, args: string[], cwd: string): { status: number | null; output: string } {
    const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  }

  function git(args: string[], cwd: string): string {
    const r = run('git', args, cwd);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${r.output}`);
    return r.output.trim();
  }

  /** pre-commit reports a failed hook install as an unexpected error; say which step broke before the output. */
  function expectInstalled(output: string): void {
    if (!output.includes('An unexpected error has occurred')) return;
    const pack = output.includes("'npm', 'pack'") || /tarball data for file:.*prepare/.test(output);
    const why = pack
      ? 'pre-commit takes all of `npm pack`\'s stdout as the tarball name, so the `prepare` script must not print there (.npmrc: foreground-scripts=false)'
      : 'see the output below';
    throw new Error(`pre-commit could not install the hook repository: ${why}\n${output}`);
  }

  /**
   * The checkout's files as they stand (tracked and untracked, minus what .gitignore excludes),
   * committed in a repository of their own. `try-repo` on the checkout itself would take HEAD
   * plus edits to tracked files only, so a hook file or source not yet committed would be missing.
   */
  function snapshotCheckout(): { repo: string; rev: string } {
    const repo = join(work, 'hook-repo');
    const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], packageRoot).split('\0').filter(Boolean);
    for (const file of listed) {
      const from = join(packageRoot, file);
      // Deleted but not yet staged: not part of the tree as it stands. A link out of the checkout
      // (a shared node_modules) would let the hook's install write through it.
      if (!existsSync(from) || !isInside(realpathSync(packageRoot), realpathSync(from))) continue;
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      cpSync(from, join(repo, file), { verbatimSymlinks: true });
    }
    git(['init', '-q'], repo);
    git(['add', '-A'], repo);
    git(['commit', '-q', '--no-verify', '-m', 'snapshot'], repo);
    return { repo, rev: git(['rev-parse', 'HEAD'], repo) };
  }

  /** A repository with a production stack: a published cache and an obsolete `version:`; the Dockerfile it builds is clean. */
  function userProject(): string {
    const dir = join(work, 'project');
    mkdirSync(dir, { recursive: true });
    const files: Record<string, string> = {
      'compose.yaml': [
        'version: "3.8"',
        'services:',
        '  api:',
        '    build: .',
        '    ports:',
        '      - "127.0.0.1:8000:8000"',
        '  cache:',
        '    image: redis:7.4.1',
        '    ports:',
        '      - "0.0.0.0:6379:6379"',
        '',
      ].join('\n'),
      Dockerfile: [
        'FROM python:3.12.8-slim',
        'RUN useradd --create-home --uid 10001 app',
        'WORKDIR /app',
        'COPY app.py .',
        'USER app',
        'CMD ["python", "app.py"]',
        '',
      ].join('\n'),
      'app.py': 'print("hello")\n',
      '.dockerignore': '.env\n.git\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    git(['init', '-q'], dir);
    git(['add', '-A'], dir);
    return dir;
  }

  it(
    'fails on the bad stack, fixes it with ragcheck-fix, then passes',
    () => {
      const version = spawnSync('pre-commit', ['--version'], { env, encoding: 'utf8', timeout: 30_000 });
      if (version.error || version.status !== 0) {
        throw new Error(`Debian's pre-commit is needed for this test and is not installed: run \`${INSTALL_HINT}\` (.ci/run does).`);
      }
      for (const dir of ['home', 'xdg-cache', 'xdg-config', 'pre-commit-home']) mkdirSync(join(work, dir), { recursive: true });

      const validate = run('pre-commit', ['validate-manifest', join(packageRoot, '.pre-commit-hooks.yaml')], work);
      expect(validate.output).toBe('');
      expect(validate.status).toBe(0);

      const { repo, rev } = snapshotCheckout();
      const project = userProject();

      const tried = run('pre-commit', ['try-repo', repo, 'ragcheck', '--all-files', '--verbose', '--color', 'never'], project);
      expectInstalled(tried.output);
      expect(tried.output).toMatch(/ragcheck\.+Failed/);
      expect(tried.output).toContain('internal-service-not-published');
      expect(tried.output).toContain('no-version-field');
      expect(tried.status).toBe(1);

      // The same hooks from a config, as a user adopts them: one environment serves both runs.
      writeFileSync(
        join(project, '.pre-commit-config.yaml'),
        [
          'repos:',
          `  - repo: ${JSON.stringify(repo)}`,
          `    rev: ${rev}`,
          '    hooks:',
          '      - id: ragcheck-fix',
          '        args: [--unsafe]',
          '      - id: ragcheck',
          '',
        ].join('\n'),
      );
      git(['add', '.pre-commit-config.yaml'], project);

      const fixed = run('pre-commit', ['run', 'ragcheck-fix', '--all-files', '--color', 'never'], project);
      expectInstalled(fixed.output);
      expect(fixed.output).toMatch(/ragcheck fix\.+Failed/);
      expect(fixed.output).toContain('files were modified by this hook');
      expect(fixed.status).toBe(1);
      const compose = readFileSync(join(project, 'compose.yaml'), 'utf8');
      expect(compose).not.toContain('version:');
      expect(compose).toContain('"127.0.0.1:6379:6379"');
      git(['add', '-A'], project);

      const linted = run('pre-commit', ['run', 'ragcheck', '--all-files', '--color', 'never'], project);
      expect(linted.output).toMatch(/ragcheck\.+Passed/);
      expect(linted.status).toBe(0);
    },
    300_000,
  );
});
