import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCommand } from '../src/cli/resolve-command.js';
import { canon } from './helpers/compose-canon.js';

/**
 * Every `fixtures/resolve/<case>/` is resolved by `ragcheck resolve --format json` and, where it
 * can, by Debian's `docker-compose config` (v1.29.2). `ragcheck resolve` prints Compose v2's
 * shape; v1 prints an older one. Both outputs are brought to one canonical form before they are
 * compared, so the comparison covers every field both support. The differences tolerated, and
 * why, are the table below; nothing else may differ.
 */
const TOLERATED: { field: string; v2: string; v1: string; canonical: string }[] = [
  { field: 'name', v2: 'project name printed', v1: 'absent', canonical: 'dropped' },
  { field: 'version', v2: 'dropped (obsolete)', v1: "'3.9' added", canonical: 'dropped' },
  { field: 'networks.default, services.*.networks.default', v2: 'default network printed', v1: 'absent', canonical: 'dropped' },
  { field: 'volumes.*.name, networks.*.name', v2: '<project>_<key> default names', v1: 'absent', canonical: 'default names dropped' },
  { field: 'services.*.ports', v2: 'long form, published as a string', v1: 'short strings or partial long form, int published, sorted', canonical: '"ip:published:target/proto" strings, sorted' },
  { field: 'services.*.volumes', v2: 'long form (bind.create_host_path, volume: {})', v1: 'short strings with :rw, sorted', canonical: '{type, source, target, read_only}, sorted by target' },
  { field: 'services.*.command / entrypoint', v2: 'string form split into a list', v1: 'string kept', canonical: 'lists (v1 strings split into shell words)' },
  { field: 'services.*.healthcheck.test', v2: 'string becomes [CMD-SHELL, s]', v1: 'string kept', canonical: '[CMD-SHELL, s]' },
  { field: 'services.*.depends_on.*.required', v2: 'required: true added', v1: 'absent', canonical: 'dropped' },
  { field: 'services.*.build.dockerfile', v2: 'Dockerfile default printed', v1: 'absent when default', canonical: 'default dropped' },
  { field: 'services.*.build.args (KEY without value)', v2: 'null (left for the builder to take from the shell)', v1: "''", canonical: "''" },
  { field: 'services.*.extra_hosts', v2: 'list of host=ip', v1: 'map or host:ip list', canonical: 'sorted host=ip strings' },
  { field: 'services.*.{cap_add,cap_drop,dns,dns_search,expose,…}', v2: 'merge order', v1: 'sorted set', canonical: 'sorted strings' },
];

/** Cases v1.29.2 cannot run, compared with `expected.json` instead. */
const NO_ORACLE: Record<string, string> = {
  include: '`include:` arrived in Compose v2.20; v1.29.2 rejects the key',
  'reset-override': '`!reset` / `!override` arrived in Compose v2.24; v1.29.2 cannot construct the tags',
  'interp-plus-nested': 'v1.29.2 has no `${V:+r}` / `${V+r}` and no nested defaults',
};

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'resolve');
const cases = readdirSync(ROOT).filter((d) => statSync(path.join(ROOT, d)).isDirectory()).sort();

type Obj = Record<string, unknown>;

function args(dir: string): string[] {
  return readFileSync(path.join(dir, 'args'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      const sp = l.indexOf(' ');
      return [l.slice(0, sp), l.slice(sp + 1).trim()];
    });
}

async function ours(dir: string): Promise<{ out: Obj; code: number; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await resolveCommand([...args(dir), '--format', 'json'], { cwd: dir, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { out: stdout ? (JSON.parse(stdout) as Obj) : {}, code, stderr };
}

function v1(dir: string): Obj {
  const text = execFileSync('/usr/bin/docker-compose', ['--project-directory', dir, ...args(dir), 'config'], { cwd: dir, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
  return parse(text) as Obj;
}

describe('ragcheck resolve against docker-compose config', () => {
  it('has at least 12 cases, each with an args file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) expect(existsSync(path.join(ROOT, c, 'args')), c).toBe(true);
  });

  it('documents each tolerated difference', () => {
    for (const t of TOLERATED) expect(t.canonical.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const dir = path.join(ROOT, c);
    if (NO_ORACLE[c]) {
      it(`${c}: matches expected.json (${NO_ORACLE[c]})`, async () => {
        const { out, code, stderr } = await ours(dir);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const expected = readFileSync(path.join(dir, 'expected.json'), 'utf8').replaceAll('<fixture>', dir);
        expect(out).toEqual(JSON.parse(expected));
      });
      continue;
    }
    it(`${c}: agrees with docker-compose 1.29.2`, async () => {
      // The oracle is Debian's docker-compose, which .ci/run installs.
      expect(existsSync('/usr/bin/docker-compose'), 'docker-compose is not installed (apt-get install docker-compose)').toBe(true);
      const { out, code, stderr } = await ours(dir);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(canon(out)).toEqual(canon(v1(dir)));
    });
  }
});

describe('ragcheck resolve command line', () => {
  const run = async (argv: string[], cwd: string) => {
    let stdout = '';
    let stderr = '';
    const code = await resolveCommand(argv, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    return { code, stdout, stderr };
  };

  it('finds compose.yaml and its override file like Compose, and prints YAML', async () => {
    const r = await run([], path.join(ROOT, 'overlay-two'));
    expect(r.code).toBe(0);
    const out = parse(r.stdout) as Obj;
    expect(out.name).toBe('overlay-two');
    expect(((out.services as Obj).qdrant as Obj).ports).toEqual([{ mode: 'ingress', host_ip: '127.0.0.1', target: 6333, published: '6333', protocol: 'tcp' }]);
  });

  it('exits 2 for usage errors and missing files', async () => {
    expect((await run(['--format', 'xml'], ROOT)).code).toBe(2);
    expect((await run(['--bogus'], ROOT)).code).toBe(2);
    const missing = await run(['-f', 'nope.yaml'], ROOT);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect((await run([], ROOT)).code).toBe(2);
  });

  it('prints load problems as file:line:col and exits 1', async () => {
    const r = await run(['-f', 'compose.yaml'], path.join(ROOT, 'interp-required', '..', 'interp-basic'));
    expect(r.code).toBe(0);
    const bad = await run(['-f', 'compose.yaml', '--env-file', 'compose.yaml'], path.join(ROOT, 'interp-required'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^compose\.yaml:\d+:\d+ /m);
  });
});
