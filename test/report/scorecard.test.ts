import { describe, expect, it } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import type { StackSummary } from '../../src/engine/stack-summary.js';
import { SCORE_COLUMNS, scorecard, scorecardMarkdown, type StackScore } from '../../src/report/scorecard.js';
import { tempProjects } from '../helpers/cli.js';

const project = tempProjects();

/** The scorecard's rules found on each service of the stack named `name`. */
async function scored(files: Record<string, string>, name: string): Promise<Record<string, string[]>> {
  const result = await lint({ cwd: await project(files), paths: ['.'], summaries: true });
  const stack = result.stacks!.find((s) => s.name === name);
  expect(stack, `no stack ${name} in ${result.stacks!.map((s) => s.name).join(', ')}`).toBeDefined();
  const watched = new Set(SCORE_COLUMNS.flatMap((c) => c.rules.map((r) => r.id)));
  return Object.fromEntries(stack!.services.map((s) => [s.name, Object.keys(s.rules).filter((id) => watched.has(id))]));
}

const DOCKERFILE = [
  'FROM python:3.12-slim AS build',
  'RUN pip install --no-cache-dir --prefix=/install uvicorn==0.30.6',
  '',
  'FROM python:3.12-slim AS runtime',
  'COPY --from=build /install /usr/local',
  'USER root',
  'CMD ["uvicorn", "app:app"]',
  '',
].join('\n');

describe('stack summaries', () => {
  it('attributes values an overlay or a YAML alias sets to the service they end up on', async () => {
    const rules = await scored(
      {
        'compose.yaml': [
          'x-cache: &cache',
          '  image: redis:latest',
          'services:',
          '  api:',
          '    image: ghcr.io/acme/api:1.4.2',
          '  db:',
          '    image: postgres:16.4',
          '  cache:',
          '    <<: *cache',
          '',
        ].join('\n'),
        'compose.prod.yaml': ['services:', '  db:', '    user: root', '  api:', '    image: ghcr.io/acme/api:latest', ''].join('\n'),
      },
      'compose.yaml#prod',
    );
    expect(rules.api).toContain('pinned-image-tag');
    expect(rules.api).not.toContain('non-root-user');
    expect(rules.db).toContain('non-root-user');
    expect(rules.db).not.toContain('pinned-image-tag');
    expect(rules.cache).toContain('pinned-image-tag');
  });

  it('gives a service what it inherits through extends, and not what it overrides', async () => {
    const rules = await scored(
      {
        'compose.yaml': [
          'services:',
          '  replica:',
          '    extends: primary',
          '    image: redis:7.4.1',
          '  primary:',
          '    image: redis:latest',
          '    user: root',
          '',
        ].join('\n'),
      },
      'compose.yaml#prod',
    );
    expect(rules.primary).toEqual(expect.arrayContaining(['pinned-image-tag', 'non-root-user']));
    expect(rules.replica).toContain('non-root-user');
    expect(rules.replica).not.toContain('pinned-image-tag');
  });

  it('gives a Dockerfile finding to every service that runs the stage it is in', async () => {
    const result = await lint({
      cwd: await project({
        'compose.yaml': [
          'services:',
          '  api:',
          '    build: ./backend',
          '  worker:',
          '    build:',
          '      context: ./backend',
          '      target: runtime',
          '  tools:',
          '    build:',
          '      context: ./backend',
          '      target: build',
          '',
        ].join('\n'),
        'backend/Dockerfile': DOCKERFILE.replace('--no-cache-dir ', ''),
      }),
      paths: ['.'],
      summaries: true,
    });
    const at = (id: string) => result.diagnostics.filter((d) => d.ruleId === id).map((d) => `${d.span.file}:${d.span.line}`);
    expect(at('pip-no-cache')).toEqual(['backend/Dockerfile:2']);
    expect(at('non-root-user')).toEqual(['backend/Dockerfile:1', 'backend/Dockerfile:6']);
    const [stack] = result.stacks!;
    const found = Object.fromEntries(stack!.services.map((s) => [s.name, [s.rules['non-root-user'], s.rules['pip-no-cache']]]));
    // tools runs the build stage, where pip leaves its cache; api and worker run the stage after it.
    expect(found).toEqual({ api: ['error', undefined], worker: ['error', undefined], tools: ['error', 'warning'] });
    expect(stack!.services.map((s) => [s.name, s.built, s.image])).toEqual([
      ['api', true, undefined],
      ['worker', true, undefined],
      ['tools', true, undefined],
    ]);
  });

  it('counts only findings that were reported, and follows aliases in a one-file stack', async () => {
    const rules = await scored(
      {
        'compose.yaml': [
          'x-queue: &queue',
          '  image: rabbitmq:latest',
          'services:',
          '  cache:',
          '    image: redis:latest # ragcheck-disable-line pinned-image-tag',
          '  queue:',
          '    <<: *queue',
          '',
        ].join('\n'),
      },
      'compose.yaml#prod',
    );
    expect(rules.cache).not.toContain('pinned-image-tag');
    expect(rules.queue).toContain('pinned-image-tag');
  });

  it('lists a stack that does not load, with no services', async () => {
    const result = await lint({ cwd: await project({ 'compose.yaml': 'services:\n  api: [\n' }), paths: ['.'], summaries: true });
    expect(result.stacks).toEqual([{ name: 'compose.yaml#prod', environment: 'prod', files: ['compose.yaml'], services: [] }]);
  });
});

describe('scorecard', () => {
  it('opens a job summary with one row per stack', async () => {
    const cwd = await project({
      'shop/compose.yaml': [
        'services:',
        '  api:',
        '    build: ./backend',
        '  db:',
        '    image: postgres:16.4',
        '    user: postgres',
        '    volumes:',
        '      - ./pgdata:/var/lib/postgresql/data',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
        '  migrate:',
        '    build: ./backend',
        '    command: sh -c "pip install alembic && alembic upgrade head"',
        '',
      ].join('\n'),
      'shop/backend/Dockerfile': DOCKERFILE,
      'blog/compose.yaml': [
        'services:',
        '  web:',
        '    image: ghost:5.96.0',
        '    user: "1000"',
        '    volumes:',
        '      - content:/var/lib/ghost/content',
        '    healthcheck:',
        '      test: ["CMD", "node", "-e", "process.exit(0)"]',
        'volumes:',
        '  content:',
        '',
      ].join('\n'),
    });
    const result = await lint({ cwd, paths: ['.'], summaries: true });
    const scores = scorecard(result.stacks!);
    expect(scores[1]).toEqual({
      name: 'shop/compose.yaml#prod',
      environment: 'prod',
      services: 3,
      shares: {
        pinned: { passing: 3, total: 3, failing: [] },
        nonRoot: { passing: 1, total: 3, failing: ['api', 'migrate'] },
        healthy: { passing: 1, total: 3, failing: ['api', 'migrate'] },
        namedVolumes: { passing: 2, total: 3, failing: ['db'] },
        noRuntimeInstalls: { passing: 2, total: 3, failing: ['migrate'] },
      },
    });
    expect(scorecardMarkdown(scores)).toBe(
      [
        '### Production readiness',
        '',
        '| Stack | Environment | Services | Pinned | Non-root | Healthchecks | Data on named volumes | No runtime installs |',
        '| --- | --- | ---: | --- | --- | --- | --- | --- |',
        '| `blog/compose.yaml#prod` | prod | 1 | ✅ 1/1 | ✅ 1/1 | ✅ 1/1 | ✅ 1/1 | ✅ 1/1 |',
        '| `shop/compose.yaml#prod` | prod | 3 | ✅ 3/3 | ⚠️ 1/3 | ⚠️ 1/3 | ⚠️ 2/3 | ⚠️ 2/3 |',
        '',
      ].join('\n'),
    );
  });

  it('counts only depends-on-healthy errors against healthchecks', () => {
    const stack: StackSummary = {
      name: 's',
      environment: 'prod',
      files: ['compose.yaml'],
      services: [
        { name: 'a', built: false, rules: { 'depends-on-healthy': 'warning' } },
        { name: 'b', built: false, rules: { 'depends-on-healthy': 'error' } },
        { name: 'c', built: false, rules: { 'healthcheck-binary-exists': 'warning', 'log-rotation': 'warning' } },
      ],
    };
    expect(scorecard([stack])[0]!.shares.healthy).toEqual({ passing: 1, total: 3, failing: ['b', 'c'] });
  });

  it('shows a stack with no services as dashes, escapes names, and writes nothing for no stacks', () => {
    const empty = (name: string, environment: string): StackScore => scorecard([{ name, environment, files: [], services: [] }])[0]!;
    expect(scorecardMarkdown([empty('a|b `x`', 'dev|x')]).split('\n')[4]).toBe('| `` a\\|b `x` `` | dev\\|x | 0 | — | — | — | — | — |');
    expect(scorecardMarkdown([])).toBe('');
  });
});
