import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/load-config.js';
import type { LoadedConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/config/load-config.js';
import { discover, UsageError } from '../../src/discover/discover.js';
import type { Discovery } from '../../src/discover/types.js';
import { COMPOSE, makeTree, removeTree } from './tree.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeTree));
});

async function tree(files: Record<string, string>): Promise<string> {
  const root = await makeTree(files);
  roots.push(root);
  return root;
}

const noConfig = (dir: string): LoadedConfig => ({ config: defaultConfig(), dir });

/** Discovery with paths shown relative to `root`, so expectations read like the tree. */
async function run(root: string, paths: string[] = [], config: LoadedConfig = noConfig(root), extra: { environment?: string; envFiles?: string[] } = {}) {
  const d = await discover(paths, { cwd: root, config, ...extra });
  return relative(root, d);
}

function relative(root: string, d: Discovery) {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  return {
    stacks: d.stacks.map((s) => ({ name: s.name, environment: s.environment, files: s.files.map(rel), envFiles: s.envFiles.map(rel), projectDir: rel(s.projectDir) })),
    composeFiles: d.composeFiles.map(rel),
    dockerfiles: d.dockerfiles.map(rel),
  };
}

const stackSummary = (r: Awaited<ReturnType<typeof run>>) => r.stacks.map((s) => [s.name, s.environment, s.files]);

describe('discover: finding files', () => {
  it('finds Compose files and Dockerfiles by name', async () => {
    const root = await tree({
      'docker-compose-example.yaml': COMPOSE,
      'svc/ollama.compose.yml': COMPOSE,
      'app/Dockerfile': 'FROM python:3.12\n',
      'app/Dockerfile.dev': 'FROM python:3.12\n',
      'app/api.Dockerfile': 'FROM python:3.12\n',
      'app/web.dockerfile': 'FROM node:22\n',
      'app/Dockerfile.dockerignore': 'node_modules\n',
      'app/README.md': '# docs\n',
    });
    const r = await run(root);
    expect(r.composeFiles).toEqual(['docker-compose-example.yaml', 'svc/ollama.compose.yml']);
    expect(r.dockerfiles).toEqual(['app/Dockerfile', 'app/Dockerfile.dev', 'app/api.Dockerfile', 'app/web.dockerfile']);
    expect(stackSummary(r)).toEqual([
      ['docker-compose-example.yaml#prod', 'prod', ['docker-compose-example.yaml']],
      ['svc/ollama.compose.yml#prod', 'prod', ['svc/ollama.compose.yml']],
    ]);
    expect(r.stacks[0]!.envFiles).toEqual([]);
    expect(r.stacks[1]!.projectDir).toBe('svc');
  });

  it('sniffs other YAML for a Compose top level and leaves workflows and manifests alone', async () => {
    const root = await tree({
      'deploy/base/core.yaml': 'x-logging: &log\n  driver: json-file\nservices:\n  core:\n    image: app:1\n',
      '.github/workflows/ci.yml': 'on: push\nservices:\n  db:\n    image: postgres\njobs:\n  t:\n    runs-on: ubuntu-latest\n',
      'k8s/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n',
      'config/litellm.yaml': 'model_list:\n  - model_name: a\n',
      'render.yaml': 'services:\n  - type: web\n    name: x\n',
    });
    const r = await run(root);
    expect(r.composeFiles).toEqual(['deploy/base/core.yaml']);
  });

  it('honours .gitignore files at the root and in subfolders, with negation', async () => {
    const root = await tree({
      '.gitignore': 'build/\n*.local.yaml\n',
      'build/compose.yaml': COMPOSE,
      'compose.yaml': COMPOSE,
      'compose.local.yaml': COMPOSE,
      'svc/.gitignore': 'compose.*.yaml\n!compose.prod.yaml\n',
      'svc/compose.yaml': COMPOSE,
      'svc/compose.dev.yaml': COMPOSE,
      'svc/compose.prod.yaml': COMPOSE,
    });
    const r = await run(root);
    expect(r.composeFiles).toEqual(['compose.yaml', 'svc/compose.prod.yaml', 'svc/compose.yaml']);
  });

  it('applies a parent .gitignore when linting a subfolder of the repository', async () => {
    const root = await tree({ '.gitignore': 'generated/\n', 'app/generated/compose.yaml': COMPOSE, 'app/compose.yaml': COMPOSE });
    await fs.mkdir(path.join(root, '.git'));
    const r = await run(path.join(root, 'app'));
    expect(r.composeFiles).toEqual(['compose.yaml']);
  });

  it('lints a folder named on the command line even when a .gitignore above excludes it', async () => {
    const root = await tree({ '.gitignore': 'build/\n', 'build/x/compose.yaml': COMPOSE, 'build/x/.gitignore': 'old/\n', 'build/x/old/compose.yaml': COMPOSE });
    await fs.mkdir(path.join(root, '.git'));
    expect((await run(root)).composeFiles).toEqual([]);
    expect((await run(root, ['build'])).composeFiles).toEqual(['build/x/compose.yaml']);
  });

  it('honours config ignore globs relative to the config folder, and include globs', async () => {
    const root = await tree({
      'vendor/x/compose.yaml': COMPOSE,
      'old.bak.yaml': COMPOSE,
      'deep/er/keep.bak.yaml': COMPOSE,
      'compose.yaml': COMPOSE,
      'stack/app.yml.tmpl': COMPOSE,
      'node_modules/pkg/compose.yaml': COMPOSE,
    });
    const config = parseConfig('ignore: ["vendor/**", "*.bak.yaml"]\ninclude: ["stack/*.tmpl"]\n', path.join(root, '.ragcheck.yaml'));
    const r = await run(root, [], config);
    expect(r.composeFiles).toEqual(['compose.yaml', 'stack/app.yml.tmpl']);
  });

  it('never follows a symbolic link out of the root, nor into a loop', async () => {
    const outside = await tree({ 'compose.yaml': COMPOSE, 'Dockerfile': 'FROM alpine\n' });
    const root = await tree({ 'app/compose.yaml': COMPOSE });
    await fs.symlink(outside, path.join(root, 'linked-dir'));
    await fs.symlink(path.join(outside, 'compose.yaml'), path.join(root, 'docker-compose.yml'));
    await fs.symlink(root, path.join(root, 'app', 'loop'));
    const r = await run(root);
    expect(r.composeFiles).toEqual(['app/compose.yaml']);
    expect(r.dockerfiles).toEqual([]);
  });

  it('reports a path that does not exist as a usage error', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE });
    await expect(run(root, ['missing'])).rejects.toThrow(UsageError);
    await expect(run(root, ['missing'])).rejects.toThrow('Path missing does not exist');
    await expect(run(root, [], noConfig(root), { envFiles: ['nope.env'] })).rejects.toThrow('Env file nope.env does not exist');
  });

  it('accepts absolute paths', async () => {
    const root = await tree({ 'a/compose.yaml': COMPOSE, 'b/compose.yaml': COMPOSE });
    const r = await run(root, [path.join(root, 'b')]);
    expect(r.composeFiles).toEqual(['b/compose.yaml']);
  });
});

describe('discover: grouping stacks by convention', () => {
  it('makes base + dev + prod overlays into two stacks', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE, 'compose.dev.yaml': COMPOSE, 'compose.prod.yaml': COMPOSE });
    expect(stackSummary(await run(root))).toEqual([
      ['compose.yaml#dev', 'dev', ['compose.yaml', 'compose.dev.yaml']],
      ['compose.yaml#prod', 'prod', ['compose.yaml', 'compose.prod.yaml']],
    ]);
  });

  it('treats the override file as dev and keeps the base as its own prod stack', async () => {
    const root = await tree({ 'docker-compose.yml': COMPOSE, 'docker-compose.override.yml': COMPOSE, 'docker-compose.test.yml': COMPOSE });
    expect(stackSummary(await run(root))).toEqual([
      ['docker-compose.yml#dev', 'dev', ['docker-compose.yml', 'docker-compose.override.yml']],
      ['docker-compose.yml#prod', 'prod', ['docker-compose.yml']],
      ['docker-compose.yml#test', 'test', ['docker-compose.yml', 'docker-compose.test.yml']],
    ]);
  });

  it('names the overlay when two stacks would share a name', async () => {
    const gpu = 'services:\n  api:\n    deploy:\n      resources:\n        reservations:\n          devices: [{ capabilities: [gpu] }]\n';
    const root = await tree({ 'compose.yaml': COMPOSE, 'compose.dev.yaml': COMPOSE, 'compose.override.yaml': COMPOSE, 'compose.gpu.yaml': gpu });
    expect(stackSummary(await run(root))).toEqual([
      ['compose.yaml#prod', 'prod', ['compose.yaml']],
      ['compose.yaml+compose.dev.yaml#dev', 'dev', ['compose.yaml', 'compose.dev.yaml']],
      ['compose.yaml+compose.gpu.yaml#prod', 'prod', ['compose.yaml', 'compose.gpu.yaml']],
      ['compose.yaml+compose.override.yaml#dev', 'dev', ['compose.yaml', 'compose.override.yaml']],
    ]);
  });

  it('keeps a second full stack beside the first one apart (docker-compose.next.yaml + its TLS overlay)', async () => {
    const root = await tree({ 'docker-compose.yaml': COMPOSE, 'docker-compose.next.yaml': COMPOSE, 'docker-compose.next.prod.yaml': 'services:\n  caddy:\n    image: caddy:2\n' });
    expect(stackSummary(await run(root))).toEqual([
      ['docker-compose.next.yaml#prod', 'prod', ['docker-compose.next.yaml', 'docker-compose.next.prod.yaml']],
      ['docker-compose.yaml#prod', 'prod', ['docker-compose.yaml']],
    ]);
    const alone = await tree({ 'docker-compose.yaml': COMPOSE, 'docker-compose.next.yaml': COMPOSE });
    expect((await run(alone)).stacks.map((s) => s.name)).toEqual(['docker-compose.next.yaml#prod', 'docker-compose.yaml#prod']);
  });

  it('gives lone files the environment their name says', async () => {
    const root = await tree({ 'a/docker-compose.dev.yml': COMPOSE, 'b/docker-compose-example.yaml': COMPOSE, 'c/docker-compose-dev.yml': COMPOSE });
    expect(stackSummary(await run(root))).toEqual([
      ['a/docker-compose.dev.yml#dev', 'dev', ['a/docker-compose.dev.yml']],
      ['b/docker-compose-example.yaml#prod', 'prod', ['b/docker-compose-example.yaml']],
      ['c/docker-compose-dev.yml#dev', 'dev', ['c/docker-compose-dev.yml']],
    ]);
  });

  it('groups the deployments/docker/compose layout: base/*.yaml under dev, prod and test files', async () => {
    const root = await tree({
      'deployments/docker/compose/base/core.yaml': COMPOSE,
      'deployments/docker/compose/base/rag.yaml': COMPOSE,
      'deployments/docker/compose/base/vector-db.yaml': COMPOSE,
      'deployments/docker/compose/dev.yaml': COMPOSE,
      'deployments/docker/compose/prod.yaml': COMPOSE,
      'deployments/docker/compose/test.yaml': COMPOSE,
      'deployments/docker/images/core/Dockerfile': 'FROM python:3.12\n',
      'deployments/kubernetes/base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\n',
      'Taskfile.yaml': 'version: "3"\ntasks:\n  up:\n    cmds: [docker compose up]\n',
    });
    const base = ['core', 'rag', 'vector-db'].map((n) => `deployments/docker/compose/base/${n}.yaml`);
    const r = await run(root);
    expect(stackSummary(r)).toEqual([
      ['deployments/docker/compose#dev', 'dev', [...base, 'deployments/docker/compose/dev.yaml']],
      ['deployments/docker/compose#prod', 'prod', [...base, 'deployments/docker/compose/prod.yaml']],
      ['deployments/docker/compose#test', 'test', [...base, 'deployments/docker/compose/test.yaml']],
    ]);
    expect(r.stacks[0]!.projectDir).toBe('deployments/docker/compose/base');
    expect(r.dockerfiles).toEqual(['deployments/docker/images/core/Dockerfile']);
  });

  it('keeps the shared files as the prod stack while only a dev file exists', async () => {
    const root = await tree({ 'compose/base/core.yaml': COMPOSE, 'compose/base/rag.yaml': COMPOSE, 'compose/dev.yaml': COMPOSE });
    expect(stackSummary(await run(root))).toEqual([
      ['compose#dev', 'dev', ['compose/base/core.yaml', 'compose/base/rag.yaml', 'compose/dev.yaml']],
      ['compose#prod', 'prod', ['compose/base/core.yaml', 'compose/base/rag.yaml']],
    ]);
  });

  it('does not lint a file pulled in by include: on its own', async () => {
    const root = await tree({
      'compose.yaml': 'include:\n  - services/db.yaml\nservices:\n  api:\n    image: a:1\n',
      'services/db.yaml': 'services:\n  db:\n    image: postgres:16\n',
    });
    const r = await run(root);
    expect(stackSummary(r)).toEqual([['compose.yaml#prod', 'prod', ['compose.yaml']]]);
    expect(r.composeFiles).toEqual(['compose.yaml', 'services/db.yaml']);
  });

  it('forces an environment and appends --env-file to every stack', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE, 'compose.dev.yaml': COMPOSE, 'ci.env': 'A=1\n' });
    const r = await run(root, [], noConfig(root), { environment: 'staging', envFiles: ['ci.env'] });
    expect(r.stacks.map((s) => [s.name, s.environment, s.envFiles])).toEqual([
      ['compose.yaml#dev', 'staging', ['ci.env']],
      ['compose.yaml#prod', 'staging', ['ci.env']],
    ]);
  });
});

describe('discover: files named on the command line', () => {
  it('lints a named overlay in the stack it belongs to, and nothing else', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE, 'compose.dev.yaml': COMPOSE, 'compose.prod.yaml': COMPOSE, 'other/compose.yaml': COMPOSE });
    const r = await run(root, ['compose.prod.yaml']);
    expect(stackSummary(r)).toEqual([['compose.yaml#prod', 'prod', ['compose.yaml', 'compose.prod.yaml']]]);
    expect(r.composeFiles).toEqual(['compose.prod.yaml', 'compose.yaml']);
  });

  it('lints every stack of a named base file', async () => {
    const root = await tree({ 'compose/base/core.yaml': COMPOSE, 'compose/dev.yaml': COMPOSE, 'compose/prod.yaml': COMPOSE });
    const r = await run(root, [path.join(root, 'compose/base/core.yaml')]);
    expect(r.stacks.map((s) => s.name)).toEqual(['compose#dev', 'compose#prod']);
  });

  it('takes named files by content when their names do not say, and skips the rest', async () => {
    const root = await tree({
      'notes.yaml': COMPOSE,
      'build/api.df': '# syntax=docker/dockerfile:1\nFROM python:3.12\n',
      'README.md': '# hi\n',
      'ci.yml': 'on: push\njobs: {}\n',
      'Dockerfile': 'FROM alpine\n',
    });
    const r = await run(root, ['notes.yaml', 'build/api.df', 'README.md', 'ci.yml', 'Dockerfile']);
    expect(r.composeFiles).toEqual(['notes.yaml']);
    expect(r.dockerfiles).toEqual(['Dockerfile', 'build/api.df']);
    expect(stackSummary(r)).toEqual([['notes.yaml#prod', 'prod', ['notes.yaml']]]);
  });

  it('brings the including file along for a named included file', async () => {
    const root = await tree({ 'compose.yaml': 'include:\n  - db.yaml\nservices: {}\n', 'db.yaml': COMPOSE });
    expect(stackSummary(await run(root, ['db.yaml']))).toEqual([['compose.yaml#prod', 'prod', ['compose.yaml']]]);
  });

  it('applies ignore globs to named files', async () => {
    const root = await tree({ 'vendor/compose.yaml': COMPOSE });
    const config = parseConfig('ignore: [vendor]\n', path.join(root, '.ragcheck.yaml'));
    expect((await run(root, ['vendor/compose.yaml'], config)).composeFiles).toEqual([]);
  });

  it('skips a named symbolic link whose target is outside the working directory', async () => {
    const outside = await tree({ 'compose.yaml': COMPOSE });
    const root = await tree({});
    await fs.symlink(path.join(outside, 'compose.yaml'), path.join(root, 'compose.yaml'));
    expect((await run(root, ['compose.yaml'])).composeFiles).toEqual([]);
  });
});

describe('discover: stacks from the config', () => {
  it('uses explicit stacks and does not group their files again', async () => {
    const root = await tree({
      'compose.yaml': COMPOSE,
      'compose.prod.yaml': COMPOSE,
      'ops/monitoring.yaml': COMPOSE,
      '.env.example': 'A=1\n',
      'other/compose.yaml': COMPOSE,
    });
    const text = [
      'stacks:',
      '  main:',
      '    files: [compose.yaml, compose.prod.yaml, ops/monitoring.yaml]',
      '    envFile: .env.example',
      '  bare:',
      '    files: [compose.yaml]',
      '    environment: dev',
      '    projectDirectory: ops',
    ].join('\n');
    const r = await run(root, [], parseConfig(text, path.join(root, '.ragcheck.yaml')));
    expect(r.stacks).toEqual([
      { name: 'bare', environment: 'dev', files: ['compose.yaml'], envFiles: [], projectDir: 'ops' },
      { name: 'main', environment: 'prod', files: ['compose.yaml', 'compose.prod.yaml', 'ops/monitoring.yaml'], envFiles: ['.env.example'], projectDir: '' },
      { name: 'other/compose.yaml#prod', environment: 'prod', files: ['other/compose.yaml'], envFiles: [], projectDir: 'other' },
    ]);
  });

  it('lets an overlay the config does not mention join a base the config uses', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE, 'compose.prod.yaml': COMPOSE, 'compose.dev.yaml': COMPOSE });
    const config = parseConfig('stacks:\n  live: { files: [compose.yaml, compose.prod.yaml] }\n', path.join(root, '.ragcheck.yaml'));
    expect(stackSummary(await run(root, [], config))).toEqual([
      ['compose.yaml#dev', 'dev', ['compose.yaml', 'compose.dev.yaml']],
      ['live', 'prod', ['compose.yaml', 'compose.prod.yaml']],
    ]);
  });

  it('reports a stack file that does not exist at its place in the config', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE });
    const config = parseConfig('stacks:\n  prod:\n    files:\n      - compose.yaml\n      - compose.prod.yaml\n', path.join(root, '.ragcheck.yaml'), '.ragcheck.yaml');
    const err = await run(root, [], config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe('.ragcheck.yaml:5:9: Compose file compose.prod.yaml of stack "prod" does not exist');
  });

  it('reports a missing env file or project folder of a config stack at its place', async () => {
    const root = await tree({ 'compose.yaml': COMPOSE, '.env': 'A=1\n' });
    const withEnv = parseConfig('stacks:\n  p:\n    files: [compose.yaml]\n    envFile: [.env, .env.prod]\n', path.join(root, '.ragcheck.yaml'), '.ragcheck.yaml');
    await expect(run(root, [], withEnv)).rejects.toThrow('.ragcheck.yaml:4:21: Env file .env.prod of stack "p" does not exist');
    const withDir = parseConfig('stacks:\n  p: { files: [compose.yaml], projectDirectory: app }\n', path.join(root, '.ragcheck.yaml'), '.ragcheck.yaml');
    await expect(run(root, [], withDir)).rejects.toThrow('.ragcheck.yaml:2:49: Project directory app of stack "p" is not a folder');
  });

  it('selects a config stack for a named file it contains', async () => {
    const root = await tree({ 'a.yaml': COMPOSE, 'b.yaml': COMPOSE, 'c/compose.yaml': COMPOSE });
    const config = parseConfig('stacks:\n  ab: { files: [a.yaml, b.yaml] }\n', path.join(root, '.ragcheck.yaml'));
    expect(stackSummary(await run(root, ['b.yaml'], config))).toEqual([['ab', 'prod', ['a.yaml', 'b.yaml']]]);
  });
});

describe('discover: scale', () => {
  it('walks a thousand stacks quickly', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) {
      files[`stacks/s${i}/compose.yaml`] = COMPOSE;
      files[`stacks/s${i}/compose.dev.yaml`] = COMPOSE;
      files[`stacks/s${i}/api/Dockerfile`] = 'FROM python:3.12\n';
      files[`stacks/s${i}/api/main.py`] = 'print(1)\n';
    }
    const root = await tree(files);
    const started = performance.now();
    const d = await discover([], { cwd: root, config: noConfig(root) });
    const ms = performance.now() - started;
    expect(d.stacks).toHaveLength(2000);
    expect(d.dockerfiles).toHaveLength(1000);
    expect(ms).toBeLessThan(3000);
  }, 60_000);
});

