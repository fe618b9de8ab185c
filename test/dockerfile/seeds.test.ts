import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { withBuildArgs } from '../../src/dockerfile/index.js';
import { at, df, lc, textOf } from './helpers.js';

const seed = (name: string) => df(readFileSync(new URL(`./fixtures/${name}.Dockerfile`, import.meta.url), 'utf8'));

describe('seed 004: builder + production', () => {
  const m = seed('seed-004');

  test('stages, names and bases', () => {
    expect(m.problems).toEqual([]);
    expect(m.directives).toEqual({ escape: '\\' });
    expect(m.stages.map((s) => [s.index, s.name, at(s.nameSpan), s.base.kind])).toEqual([
      [0, 'builder', '2:26-2:33', 'image'],
      [1, 'production', '23:26-23:36', 'image'],
    ]);
    const base = m.stages[0]!.base;
    expect(base.kind === 'image' && [base.text, base.written, base.ref, at(base.span)]).toEqual([
      'python:3.11-slim', 'python:3.11-slim', { repository: 'python', tag: '3.11-slim' }, '2:6-2:22',
    ]);
    expect(at(m.stages[1]!.from.span)).toBe('23:1-23:36');
  });

  test('production runs as rag_user with a curl healthcheck', () => {
    const prod = m.stages[1]!.effective;
    expect(prod.user?.value).toBe('rag_user');
    expect(prod.user?.resolved).toBe(true);
    expect(at(prod.user?.instruction.span)).toBe('48:1-48:14');
    expect(at(prod.user?.instruction.argsSpan)).toBe('48:6-48:14');
    const hc = prod.healthcheck;
    expect(hc?.kind).toBe('cmd');
    if (hc?.kind !== 'cmd') return;
    expect(hc.form).toBe('shell');
    expect(hc.script).toBe('curl -f http://localhost:8000/health || exit 1');
    expect(hc.options).toEqual({ interval: '30s', timeout: '30s', 'start-period': '5s', retries: '3' });
    expect(at(hc.instruction.span)).toBe('54:1-55:55');
    expect(lc(m, hc.toFile(0))).toBe('55:9');
    expect(lc(m, hc.toFile(hc.script!.indexOf('exit')))).toBe('55:49');
    expect(hc.instruction.flags.map((f) => [f.name, f.value, at(f.span)])).toEqual([
      ['interval', '30s', '54:13-54:27'],
      ['timeout', '30s', '54:28-54:41'],
      ['start-period', '5s', '54:42-54:59'],
      ['retries', '3', '54:60-54:71'],
    ]);
    expect(prod.cmd?.form).toBe('exec');
    expect(prod.cmd?.argv).toEqual(['uvicorn', 'src.rag_system.api.main:app', '--host', '0.0.0.0', '--port', '8000']);
    expect(prod.expose.map((e) => e.port)).toEqual(['8000']);
    expect(prod.workdir?.value).toBe('/app');
    expect(m.stages[0]!.effective.user).toBeUndefined();
  });

  test('a command inside the multi-line RUN maps to where it stands', () => {
    const run = m.stages[0]!.runs[0]!;
    expect(run.script).toBe('apt-get update && apt-get install -y     build-essential     curl     && rm -rf /var/lib/apt/lists/*');
    expect(at(run.instruction.span)).toBe('5:1-8:35');
    const s = run.script!;
    expect(lc(m, run.toFile(0))).toBe('5:5');
    expect(lc(m, run.toFile(s.indexOf('build-essential')))).toBe('6:5');
    expect(lc(m, run.toFile(s.indexOf('curl')))).toBe('7:5');
    expect(lc(m, run.toFile(s.indexOf('rm -rf')))).toBe('8:8');
    // A range ending at a joined line break stays on its line.
    const [a, b] = run.toFileRange(s.indexOf('apt-get install'), s.indexOf('-y') + 2);
    expect(m.file.text.slice(a, b)).toBe('apt-get install -y');
    const [c, d] = run.toFileRange(s.indexOf('apt-get install'), s.indexOf('curl') + 4);
    expect(m.file.text.slice(c, d)).toBe('apt-get install -y \\\n    build-essential \\\n    curl');
    expect(at(m.file.span(c, d))).toBe('5:23-7:9');
  });

  test('COPY --from=builder and plain COPY', () => {
    const copies = m.stages[1]!.copies;
    expect(copies.map((c) => [c.from, c.sources.map((x) => x.text), c.dest.text])).toEqual([
      [{ kind: 'stage', stage: 0 }, ['/usr/local/lib/python3.11/site-packages'], '/usr/local/lib/python3.11/site-packages'],
      [{ kind: 'stage', stage: 0 }, ['/usr/local/bin'], '/usr/local/bin'],
      [undefined, ['src/'], './src/'],
      [undefined, ['README.md'], './'],
    ]);
    expect(at(copies[3]!.sources[0]!.span)).toBe('42:6-42:15');
    expect(at(copies[3]!.dest.span)).toBe('42:16-42:18');
    expect(textOf(m, copies[0]!.instruction.flags[0]!.span)).toBe('--from=builder');
  });
});

describe('seed 003 backend: base → development / production', () => {
  const m = seed('seed-003-backend');

  test('FROM <stage> chains inherit WORKDIR and keep their own ENV, USER, CMD', () => {
    expect(m.problems).toEqual([]);
    expect(m.stages.map((s) => [s.name, s.base.kind === 'stage' ? s.base.stage : s.base.kind])).toEqual([
      ['base', 'image'], ['development', 0], ['production', 0],
    ]);
    const [base, dev, prod] = m.stages.map((s) => s.effective);
    expect(base!.workdir?.value).toBe('/app');
    expect(dev!.workdir?.instruction).toBe(base!.workdir?.instruction);
    expect(at(prod!.workdir?.instruction.span)).toBe('4:1-4:13');
    expect(dev!.user).toBeUndefined();
    expect(prod!.user?.value).toBe('gantry');
    expect(m.stages[2]!.own.workdir).toBeUndefined();
    expect([...prod!.env].map(([k, v]) => [k, v.value])).toEqual([['PYTHONUNBUFFERED', '1'], ['ENVIRONMENT', 'production']]);
    expect(dev!.cmd?.argv).toContain('--reload');
    expect(prod!.cmd?.argv).toContain('--workers');
    expect(m.stages[2]!.copies[0]!.chown).toBe('gantry:gantry');
  });

  test('RUN with && continuations', () => {
    const run = m.stages[2]!.runs[0]!;
    const s = run.script!;
    expect(s).toBe('useradd -m -u 1000 gantry &&     mkdir -p /app/data /app/logs &&     chown -R gantry:gantry /app');
    expect(lc(m, run.toFile(s.indexOf('mkdir')))).toBe('40:5');
    expect(lc(m, run.toFile(s.indexOf('chown')))).toBe('41:5');
  });
});

describe('seed 003 frontend: build → nginx', () => {
  const m = seed('seed-003-frontend');

  test('stages, healthcheck, COPY --from=build', () => {
    expect(m.problems).toEqual([]);
    const [build, prod] = m.stages;
    expect(build!.runs.map((r) => r.script)).toEqual(['npm ci --only=production', 'npm run build']);
    expect(prod!.base.kind === 'image' && prod!.base.ref).toEqual({ repository: 'nginx', tag: 'alpine' });
    expect(prod!.copies[0]!.from).toEqual({ kind: 'stage', stage: 0 });
    const hc = prod!.effective.healthcheck;
    expect(hc?.kind === 'cmd' && hc.script).toBe('wget --quiet --tries=1 --spider http://localhost:3000 || exit 1');
    expect(hc?.kind === 'cmd' && lc(m, hc.toFile(0))).toBe('36:7');
    expect(prod!.effective.expose.map((e) => e.port)).toEqual(['3000']);
  });

  test('ARG without a default leaves ENV unresolved until build args say otherwise', () => {
    const env = m.stages[0]!.effective.env.get('VITE_API_URL');
    expect([env?.value, env?.resolved]).toEqual(['$VITE_API_URL', false]);
    expect(m.stages[0]!.args.map((a) => [a.name, a.default, at(a.span)])).toEqual([['VITE_API_URL', undefined, '16:5-16:17']]);
    expect(withBuildArgs(m, { UNRELATED: 'x' })).toBe(m);
    const built = withBuildArgs(m, { VITE_API_URL: '/api' });
    expect(built).not.toBe(m);
    expect(built.stages[0]!.effective.env.get('VITE_API_URL')?.value).toBe('/api');
    expect(built.stages[0]!.runs[0]).toBe(m.stages[0]!.runs[0]);
  });
});
