import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProjects } from '../helpers/cli.js';
import { buildImage, pushImage, registryDigest, startRegistry, type RegistryServer } from '../helpers/registry-server.js';

// A real registry on 127.0.0.1, images made with umoci and pushed with skopeo.
const SETUP_MS = 60_000;

let work: string;
let registry: RegistryServer;
let host: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ragcheck-pin-'));
  registry = await startRegistry();
  host = registry.host;
  const a = await buildImage(work, 'v1', 'database\n');
  const b = await buildImage(work, 'v2', 'api base\n');
  await pushImage(a, 'v1', `${host}/library/postgres:16.4`);
  await pushImage(b, 'v2', `${host}/team/python:3.12-slim`);
}, SETUP_MS);
afterAll(async () => {
  await registry?.stop();
  await rm(work, { recursive: true, force: true });
});

// No developer credentials leak in: the Docker config is looked for in an empty folder.
const run = (argv: string[], cwd: string) => runCli(argv, cwd, { DOCKER_CONFIG: join(work, 'no-docker-config') });

/** Projects under the test's work folder, removed with it. */
const project = tempProjects(() => work);

describe('ragcheck fix --pin-digests against a real registry', () => {
  it('pins compose images and FROM lines to the registry\'s digests, keeping tags, quotes and comments', async () => {
    const compose = (db: string, api: string) =>
      `services:\n  db:\n    image: ${db}  # the database\n  api:\n    build: .\n  worker:\n    image: "${api}"\n  gone:\n    image: ${host}/team/missing:1.0\n`;
    const dockerfile = (base: string) => `# syntax=docker/dockerfile:1\nFROM ${base} AS base\nUSER 1000\nCMD ["python", "-m", "app"]\n`;
    const dir = await project({
      'compose.yaml': compose(`${host}/library/postgres:16.4`, `${host}/team/python:3.12-slim`),
      Dockerfile: dockerfile(`${host}/team/python:3.12-slim`),
    });
    const r = await run(['fix', '--pin-digests', '--rule', 'pinned-image-tag'], dir);
    const db = await registryDigest(`${host}/library/postgres:16.4`);
    const py = await registryDigest(`${host}/team/python:3.12-slim`);
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(compose(`${host}/library/postgres:16.4@${db}`, `${host}/team/python:3.12-slim@${py}`));
    expect(await readFile(join(dir, 'Dockerfile'), 'utf8')).toBe(dockerfile(`${host}/team/python:3.12-slim@${py}`));
    expect(r.stderr).toContain(`ragcheck: cannot pin ${host}/team/missing:1.0: not found: team/missing:1.0 on ${host}`);
    expect(r.stderr).toContain('ragcheck: fixed 3 findings in 2 files;');

    const again = await run(['fix', '--pin-digests', '--rule', 'pinned-image-tag', '--dry-run'], dir);
    expect(again.stdout).toBe('');
    expect(again.code).toBe(0);
  }, SETUP_MS);
});
