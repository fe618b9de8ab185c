import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetCommand } from '../../src/cli/budget-command.js';
import { main, type Io } from '../../src/cli/main.js';
import { requireTools, pushImage, startRegistry, type RegistryServer } from '../helpers/registry-server.js';
import { buildLayout, historyLines, saveArchive } from '../budget/measure/images.js';
import { BACKEND_DOCKERFILE, BACKEND_STEPS, KB_DOCKERFILE, KB_STEPS } from '../budget/measure/scenarios.js';

const SETUP_MS = 60_000;

let work: string;
/** Project folders: a Dockerfile and a .ragcheck.yaml with budgets. */
let backend: string;
let kb: string;
let registry: RegistryServer;
const env = (): NodeJS.ProcessEnv => ({ DOCKER_CONFIG: join(work, 'no-docker-config') });

async function run(argv: string[], cwd: string, stdin?: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: env() };
  // main reads the process's stdin; docker history piped in is handed to the command directly.
  const code = stdin === undefined ? await main(argv, io) : await budgetCommand(argv.slice(1), io, async () => stdin);
  return { code, stdout, stderr };
}

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

beforeAll(async () => {
  requireTools();
  work = await mkdtemp(join(tmpdir(), 'ragcheck-budget-cli-'));
  backend = await project('backend', {
    Dockerfile: BACKEND_DOCKERFILE,
    '.ragcheck.yaml': 'budgets:\n  default: { layer: 1MB, image: 3MB }\n  services.api: { layer: 5MB }\n',
  });
  kb = await project('kb', {
    Dockerfile: KB_DOCKERFILE,
    '.ragcheck.yaml': 'budgets:\n  stages.runtime: { layer: 1MB, image: 2.5MB }\n',
  });
  const backendLayout = await buildLayout(work, 'backend-image', '1', BACKEND_STEPS);
  await saveArchive(backendLayout, '1', join(backend, 'image.tar'), 'backend:1');
  await writeFile(join(backend, 'history.jsonl'), await historyLines(backendLayout, '1', BACKEND_STEPS));
  const kbLayout = await buildLayout(work, 'kb-image', '1', KB_STEPS);
  await saveArchive(kbLayout, '1', join(kb, 'image.tar'), 'kb:1');
  registry = await startRegistry();
  await pushImage(kbLayout, '1', `${registry.host}/team/kb:1`);
}, SETUP_MS);
afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const BACKEND_TABLE = `image.tar (docker save tarball)
   400 kB  ████                  Dockerfile:1  FROM python:3.11-slim (base image, 2 layers)
  1.00 kB  █                     Dockerfile:4  COPY requirements.txt .
  2.00 MB  ████████████████████  Dockerfile:5  RUN pip install -r requirements.txt  ✖ over layer budget 1.00 MB (default)
  50.0 kB  █                     Dockerfile:6  COPY . .
  2.45 MB  total in 5 layers, image budget 3.00 MB (default), layer budget 1.00 MB (default)
`;

describe('ragcheck budget on the backend seed (one dominant pip layer)', () => {
  it('prints the table: the pip layer breaks the layer budget, the image stays within its own', async () => {
    const got = await run(['budget', 'image.tar', '--dockerfile', 'Dockerfile'], backend);
    expect(got).toEqual({ code: 1, stdout: BACKEND_TABLE, stderr: '' });
  });

  it('gives the same verdict from docker history piped in, sizes rounded as docker prints them', async () => {
    const { readFile } = await import('node:fs/promises');
    const lines = await readFile(join(backend, 'history.jsonl'), 'utf8');
    const got = await run(['budget', '-', '--dockerfile', 'Dockerfile'], backend, lines);
    expect(got.code).toBe(1);
    expect(got.stdout).toBe(BACKEND_TABLE.replace('image.tar (docker save tarball)', '- (docker history)'));
  });

  it('uses the service budget asked for, and passes when nothing is over', async () => {
    const got = await run(['budget', 'image.tar', '--dockerfile', 'Dockerfile', '--service', 'api'], backend);
    expect(got.code).toBe(0);
    expect(got.stdout).not.toContain('✖');
    expect(got.stdout).toContain('layer budget 5.00 MB (services.api)');
  });

  it('reports the over-budget layer on its Dockerfile line for the Action', async () => {
    const github = await run(['budget', 'image.tar', '--dockerfile', 'Dockerfile', '--format', 'github'], backend);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain('::error file=Dockerfile,line=5,endLine=5,col=1,endColumn=36,title=layer-budget::This layer measures 2.00 MB in image.tar, over the layer budget 1.00 MB (default)');
    const sarif = await run(['budget', 'image.tar', '--dockerfile', 'Dockerfile', '-f', 'sarif'], backend);
    const result = (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0]!.results;
    expect(result.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual([['layer-budget', 5]]);
  });
});

describe('ragcheck budget on the knowledge-base seed (wheels copied in, deleted later)', () => {
  it('measures the wheels layer although a later RUN deletes them, from the registry and the tarball alike', async () => {
    const source = `registry://${registry.host}/team/kb:1`;
    const got = await run(['budget', source, 'image.tar', '--dockerfile', 'Dockerfile', '--target', 'runtime'], kb);
    expect(got.code).toBe(1);
    const [fromRegistry, fromTar] = got.stdout.split('\n\n');
    expect(fromTar).toBe(`image.tar (docker save tarball)
   400 kB  █████                 Dockerfile:5  FROM python:3.11-slim AS runtime (base image, 2 layers)
  1.50 MB  ████████████████████  Dockerfile:7  COPY --from=builder /wheels /wheels  ✖ over layer budget 1.00 MB (stages.runtime)
  1.20 MB  ████████████████      Dockerfile:8  RUN pip install --no-index /wheels/*.whl && rm -rf /wheels  ✖ over layer budget 1.00 MB (stages.runtime)
  20.0 kB  █                     Dockerfile:9  COPY kb/ ./kb/
  3.12 MB  total in 5 layers, image budget 2.50 MB (stages.runtime), layer budget 1.00 MB (stages.runtime)  ✖ over the image budget
`);
    expect(fromRegistry).toBe(fromTar!.replace('image.tar (docker save tarball)', `${source} (registry)`).trimEnd());
  });

  it('reports both layers and the image total as findings', async () => {
    const got = await run(['budget', 'image.tar', '--dockerfile', 'Dockerfile', '-f', 'json'], kb);
    expect(got.code).toBe(1);
    const json = JSON.parse(got.stdout) as { diagnostics: { ruleId: string; line: number; message: string }[] };
    expect(json.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['layer-budget', 7, 'This layer measures 1.50 MB in image.tar, over the layer budget 1.00 MB (stages.runtime)'],
      ['layer-budget', 8, 'This layer measures 1.20 MB in image.tar, over the layer budget 1.00 MB (stages.runtime)'],
      ['layer-budget', 5, 'The image measures 3.12 MB in image.tar, over the image budget 2.50 MB (stages.runtime)'],
    ]);
  });

  it('shows the history steps when no Dockerfile is given', async () => {
    const got = await run(['budget', 'image.tar'], kb);
    expect(got.code).toBe(0);
    expect(got.stdout.split('\n').slice(1, 4)).toEqual([
      '   300 kB  ████                  ADD file:4f5a2bd1c0e9 in /',
      '   100 kB  █                     RUN /bin/sh -c apt-get update && apt-get install -y --no-in…',
      '  1.50 MB  ████████████████████  COPY /wheels /wheels',
    ]);
  });
});

describe('ragcheck budget usage errors', () => {
  it.each([
    [['budget'], /^ragcheck: budget needs an image source/],
    [['budget', 'image.tar', '-f', 'sarif'], /^ragcheck: --format sarif reports findings on Dockerfile lines: give the Dockerfile with --dockerfile\n$/],
    [['budget', 'image.tar', '-f', 'xml', '--dockerfile', 'Dockerfile'], /^ragcheck: unknown format "xml" for budget/],
    [['budget', 'image.tar', '--dockerfile', 'Dockerfile', '--target', 'nope'], /^ragcheck: Dockerfile has no stage "nope" \(stages: builder, runtime\)\n$/],
    [['budget', 'missing.tar'], /^ragcheck: .*missing\.tar: no such file, OCI layout directory or registry:\/\/host\/name:tag\n$/],
    [['budget', 'image.tar', '--platform', 'linux'], /^ragcheck: invalid --platform "linux"/],
    [['budget', 'registry://127.0.0.1:2/team/kb:2'], /^ragcheck: registry:\/\/127\.0\.0\.1:2\/team\/kb:2: registry unreachable: http:\/\/127\.0\.0\.1:2 \(ECONNREFUSED: connection refused\)\n$/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const got = await run(argv, kb);
    expect(got.code).toBe(2);
    expect(got.stderr).toMatch(message);
    expect(got.stderr.trim().split('\n')).toHaveLength(1);
  }, 20_000);
});
