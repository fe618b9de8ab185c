import { describe, expect, test } from 'vitest';
import { targetStage, withBuildArgs, type StageBase } from '../../src/dockerfile/index.js';
import { at, df } from './helpers.js';

const show = (b: StageBase) => (b.kind === 'image' ? b.text : b.kind === 'stage' ? `stage ${b.stage}` : b.kind === 'scratch' ? 'scratch' : `? ${b.written}`);

describe('ARG substitution in FROM', () => {
  const text = [
    'ARG PYTHON_IMAGE=python:3.12-slim',
    'ARG PY_VERSION=3.11',
    'ARG REG',
    'FROM ${PYTHON_IMAGE} AS a',
    'FROM python:${PY_VERSION}-slim AS b',
    'FROM python:${PY_VERSION:-3.9}-alpine',
    'FROM ${REG:-docker.io}/library/node:${NODE_VERSION:-20}',
    'FROM ${REG}/x:1',
    'FROM python:${PY_VERSION:+3.13}',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS tools',
    'FROM "$PYTHON_IMAGE"',
    '',
  ].join('\n');
  const m = df(text);

  test('global defaults', () => {
    expect(m.problems).toEqual([]);
    expect(m.globalArgs.map((a) => [a.name, a.default, at(a.span)])).toEqual([
      ['PYTHON_IMAGE', 'python:3.12-slim', '1:5-1:34'],
      ['PY_VERSION', '3.11', '2:5-2:20'],
      ['REG', undefined, '3:5-3:8'],
    ]);
    expect(m.stages.map((s) => show(s.base))).toEqual([
      'python:3.12-slim', 'python:3.11-slim', 'python:3.11-alpine', 'docker.io/library/node:20', '? ${REG}/x:1', 'python:3.13', 'golang:1.22', 'python:3.12-slim',
    ]);
    const a = m.stages[0]!.base;
    expect(a.kind === 'image' && [a.written, at(a.span), a.ref]).toEqual(['${PYTHON_IMAGE}', '4:6-4:21', { repository: 'python', tag: '3.12-slim' }]);
    const d = m.stages[3]!.base;
    expect(d.kind === 'image' && d.ref).toEqual({ registry: 'docker.io', repository: 'node', tag: '20' });
    expect(m.stages[6]!.platform).toBe('$BUILDPLATFORM');
  });

  test('build args override declared ARGs only, and reuse the parse', () => {
    const b = withBuildArgs(m, { PY_VERSION: '3.10', REG: 'ghcr.io/acme', UNDECLARED: 'x' });
    expect(b.stages.map((s) => show(s.base))).toEqual([
      'python:3.12-slim', 'python:3.10-slim', 'python:3.10-alpine', 'ghcr.io/acme/library/node:20', 'ghcr.io/acme/x:1', 'python:3.13', 'golang:1.22', 'python:3.12-slim',
    ]);
    expect(b.buildArgs.PY_VERSION).toBe('3.10');
    expect(b.instructions[4]).toBe(m.instructions[4]);
    expect(withBuildArgs(b, { PY_VERSION: '3.10', REG: 'ghcr.io/acme' })).toBe(b);
    expect(show(withBuildArgs(m, { PY_VERSION: '' }).stages[2]!.base)).toBe('python:3.9-alpine');
  });

  test('undeclared variables and invalid references are problems', () => {
    const u = df('FROM ${NOPE}:1\nFROM python:3.12 AS ok\nFROM Python:Bad:Ref\n', { buildArgs: { NOPE: 'ignored' } });
    expect(u.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['FROM uses ${NOPE}, which no ARG before the first FROM declares', '1:6-1:15'],
      ['FROM Python:Bad:Ref is not a valid image reference', '3:6-3:20'],
    ]);
    expect(u.stages.map((s) => s.base.kind)).toEqual(['unresolved', 'image', 'unresolved']);
  });
});

describe('stage references', () => {
  const m = df([
    'FROM alpine:3.20 AS Base',       // 1
    'FROM base',                      // 2
    'FROM BASE AS second',            // 3
    'FROM scratch',                   // 4
    'COPY --from=0 /a /a',            // 5
    'COPY --from=second /b /b',       // 6
    'COPY --from=nginx:1.27 /n /n',   // 7
    'COPY --from=final /c /c',        // 8
    'COPY --from=7 /d /d',            // 9
    'ARG SRC=Base',                   // 10
    'COPY --from=${SRC} /e /e',       // 11
    'FROM final AS early',            // 12
    'FROM alpine:3.20 AS final',      // 13
    'FROM base AS base',              // 14
  ].join('\n'));

  test('names are case-insensitive; scratch; COPY --from by name, index, image, ARG', () => {
    expect(m.stages.map((s) => [s.name, show(s.base)])).toEqual([
      ['base', 'alpine:3.20'], [undefined, 'stage 0'], ['second', 'stage 0'], [undefined, 'scratch'],
      ['early', 'final'], ['final', 'alpine:3.20'], ['base', 'stage 0'],
    ]);
    expect(m.stages[3]!.copies.map((c) => c.from)).toEqual([
      { kind: 'stage', stage: 0 }, { kind: 'stage', stage: 2 }, { kind: 'image', text: 'nginx:1.27' },
      { kind: 'image', text: 'final' }, { kind: 'image', text: '7' }, { kind: 'stage', stage: 0 },
    ]);
    expect(m.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['COPY --from=final names a stage that is not before this one; Docker pulls it as an image', '8:6-8:18'],
      ['COPY --from=7: stage 7 is not before this one', '9:6-9:14'],
      ['FROM final names a stage that is defined later; Docker pulls it as an image', '12:6-12:11'],
      ['Duplicate stage name base', '14:14-14:18'],
    ]);
    expect(targetStage(m, 'FINAL')?.index).toBe(5);
    expect(targetStage(m)?.index).toBe(6);
    expect(targetStage(m, 'nope')).toBeUndefined();
  });
});

describe('effective state along FROM-<stage> chains', () => {
  const m = df([
    'FROM python:3.12-slim AS base',                       // 1
    'ENV APP_HOME=/srv/app PATH=/srv/venv/bin:$PATH',      // 2
    'WORKDIR $APP_HOME',                                   // 3
    'USER 10001',                                          // 4
    'EXPOSE 8000',                                         // 5
    'HEALTHCHECK CMD ["curl", "-f", "http://localhost:8000/"]', // 6
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',         // 7
    'CMD ["serve"]',                                       // 8
    '',                                                    // 9
    'FROM base AS dev',                                    // 10
    'WORKDIR src',                                         // 11
    'USER root',                                           // 12
    'ENTRYPOINT ["tini", "--"]',                           // 13
    'EXPOSE 5678 8000/tcp 8000',                           // 14
    '',                                                    // 15
    'FROM dev AS final',                                   // 16
    'HEALTHCHECK NONE',                                    // 17
    'ARG APP_USER=app',                                    // 18
    'USER ${APP_USER}:${APP_GROUP:-app}',                  // 19
    'ENV A=1 B=$A',                                        // 20
    'ENV C=$A',                                            // 21
    'ENV LEGACY some value',                               // 22
    'CMD run',                                             // 23
  ].join('\n'));
  const [base, dev, final] = m.stages;

  test('base stage', () => {
    expect(m.problems).toEqual([]);
    const e = base!.effective;
    expect([...e.env].map(([k, v]) => [k, v.value, v.resolved])).toEqual([
      ['APP_HOME', '/srv/app', true], ['PATH', '/srv/venv/bin:$PATH', false],
    ]);
    expect(e.workdir?.value).toBe('/srv/app');
    expect(e.user?.value).toBe('10001');
    expect(e.healthcheck?.kind === 'cmd' && e.healthcheck.argv).toEqual(['curl', '-f', 'http://localhost:8000/']);
    expect(e.shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(e.cmd?.argv).toEqual(['serve']);
  });

  test('dev inherits, ENTRYPOINT resets the inherited CMD, EXPOSE is a union', () => {
    const e = dev!.effective;
    expect(e.workdir?.value).toBe('/srv/app/src');
    expect(dev!.own.workdir?.value).toBe('/srv/app/src');
    expect(e.user?.value).toBe('root');
    expect(at(e.user?.instruction.span)).toBe('12:1-12:10');
    expect(e.shell).toBe(base!.effective.shell);
    expect(e.healthcheck).toBe(base!.effective.healthcheck);
    expect(e.entrypoint?.argv).toEqual(['tini', '--']);
    expect(e.cmd).toBeUndefined();
    expect(dev!.own.expose.map((x) => x.port)).toEqual(['5678', '8000/tcp', '8000']);
    expect(e.expose.map((x) => x.port)).toEqual(['8000', '5678', '8000/tcp']);
    expect(e.env.get('APP_HOME')?.value).toBe('/srv/app');
    expect(dev!.own.env.size).toBe(0);
    // The parent is not modified by the child.
    expect(base!.effective.user?.value).toBe('10001');
    expect(base!.effective.expose).toHaveLength(1);
  });

  test('final: HEALTHCHECK NONE, stage ARGs, ENV expansion order, shell-form CMD', () => {
    const e = final!.effective;
    expect(e.healthcheck?.kind).toBe('none');
    expect(at(e.healthcheck?.instruction.span)).toBe('17:1-17:17');
    expect(final!.args.map((a) => [a.name, a.default])).toEqual([['APP_USER', 'app']]);
    expect([e.user?.value, e.user?.resolved]).toEqual(['app:app', true]);
    expect(withBuildArgs(m, { APP_USER: 'svc' }).stages[2]!.effective.user?.value).toBe('svc:app');
    expect(e.env.get('B')).toMatchObject({ value: '$A', resolved: false });
    expect(e.env.get('C')).toMatchObject({ value: '1', resolved: true });
    expect(e.env.get('LEGACY')?.value).toBe('some value');
    expect(e.cmd).toMatchObject({ form: 'shell', script: 'run' });
    expect(e.entrypoint?.argv).toEqual(['tini', '--']);
    expect(e.workdir?.value).toBe('/srv/app/src');
    // ARG is not inherited: base's effective state has no APP_USER anywhere.
    expect(dev!.args).toEqual([]);
  });

  test('ARG in a stage takes the global default', () => {
    const g = df('ARG U=alice\nFROM alpine:3.20\nUSER $U\nARG U\nUSER $U\n');
    expect(g.stages[0]!.instructions.filter((i) => i.keyword === 'USER').length).toBe(2);
    expect(g.stages[0]!.effective.user).toMatchObject({ value: 'alice', resolved: true });
    // Before the stage's `ARG U`, $U is not in scope.
    const first = df('ARG U=alice\nFROM alpine:3.20\nUSER $U\n').stages[0]!.effective.user;
    expect(first).toMatchObject({ value: '$U', resolved: false });
  });
});

describe('problems', () => {
  test('no FROM, instructions before FROM, empty file', () => {
    expect(df('').problems.map((p) => [p.message, at(p.span)])).toEqual([['No FROM instruction: there is nothing to build', '1:1-1:1']]);
    const m = df('ARG X=1\nRUN echo hi\n');
    expect(m.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['RUN before the first FROM: only ARG may come before it', '2:1-2:4'],
      ['No FROM instruction: there is nothing to build', '1:1-1:8'],
    ]);
    expect(m.globalArgs.map((a) => a.name)).toEqual(['X']);
    expect(m.stages).toEqual([]);
  });

  test('malformed instructions', () => {
    const m = df([
      'FROM alpine:3.20 AS',           // 1
      'FROM alpine:3.20 AS 1bad',      // 2
      'SHELL /bin/bash -c',            // 3
      'HEALTHCHECK curl x',            // 4
      'HEALTHCHECK NONE extra',        // 5
      'ENV',                           // 6
      'ENV JUSTNAME',                  // 7
      'COPY onlyone',                  // 8
      'USER',                          // 9
      'ONBUILD',                       // 10
      'ONBUILD FROM x',                // 11
      'FROMM alpine',                  // 12
      'HEALTHCHECK CMD',               // 13
    ].join('\n'));
    expect(m.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['HEALTHCHECK needs CMD <command> or NONE', '4:1-4:12'],
      ['HEALTHCHECK NONE takes no arguments', '5:1-5:12'],
      ['COPY needs a source and a destination', '8:1-8:5'],
      ['ONBUILD needs an instruction to trigger', '10:1-10:8'],
      ['ONBUILD cannot trigger FROM', '11:9-11:13'],
      ['Unknown instruction FROMM', '12:1-12:6'],
      ['HEALTHCHECK CMD needs a command', '13:1-13:12'],
      ['FROM takes an image and optionally AS <name>', '1:6-1:20'],
      ['Invalid stage name 1bad: use letters, digits, -, _ and .', '2:21-2:25'],
      ['SHELL needs the JSON form, e.g. SHELL ["/bin/bash", "-c"]', '3:7-3:19'],
      ['ENV needs a name and a value', '6:1-6:4'],
      ['ENV JUSTNAME needs a value', '7:5-7:13'],
      ['USER needs a user', '9:1-9:5'],
    ]);
  });
});
