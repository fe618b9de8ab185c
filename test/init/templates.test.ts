import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCommand } from '../../src/cli/resolve-command.js';
import { lint } from '../../src/engine/lint.js';
import { lookupImage } from '../../src/images/facts.js';
import { dataDirs } from '../../src/images/known-images.js';
import { parseImageRef } from '../../src/images/ref.js';
import { renderTemplate } from '../../src/init/render.js';
import { listTemplates, optionCombinations, type Template } from '../../src/init/templates.js';
import { writeRendered } from '../../src/init/write-template.js';
import { canon } from '../helpers/compose-canon.js';

type Obj = Record<string, unknown>;

const DOCKER_COMPOSE = '/usr/bin/docker-compose';
const STACKS: Record<string, string[]> = {
  base: ['compose.yaml'],
  prod: ['compose.yaml', 'compose.prod.yaml'],
  dev: ['compose.yaml', 'compose.dev.yaml'],
};

const templates = listTemplates();
const scratch = mkdtempSync(path.join(tmpdir(), 'ragcheck-templates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function label(t: Template, options: Record<string, string>): string {
  const opts = Object.entries(options).map(([k, v]) => `${k}=${v}`).join(',');
  return opts ? `${t.name} ${opts}` : t.name;
}

/** Renders once per combination, into its own folder, with a .env holding a placeholder for every variable. */
function renderInto(t: Template, options: Record<string, string>): string {
  const dir = path.join(scratch, label(t, options).replace(/[^\w-]+/g, '_'));
  if (existsSync(dir)) return dir;
  writeRendered(dir, renderTemplate(t, options));
  writeFileSync(path.join(dir, '.env.test'), envFromExample(readFileSync(path.join(dir, '.env.example'), 'utf8')));
  return dir;
}

/** Every `NAME=` of .env.example, given a value when it has none (DOMAIN a host name, e-mails an address). */
function envFromExample(text: string): string {
  return text
    .split('\n')
    .map((l) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, name, value]) => `${name}=${value || placeholder(name!)}`)
    .join('\n') + '\n';
}

function placeholder(name: string): string {
  if (/EMAIL/.test(name)) return 'ops@example.com';
  if (/DOMAIN|HOST/.test(name)) return 'rag.example.com';
  if (/URL/.test(name)) return 'https://llm.example.com/v1';
  return `test-${name.toLowerCase().replaceAll('_', '-')}-value`;
}

function dockerCompose(dir: string, files: string[]): Obj {
  const args = ['--project-directory', dir, '--env-file', path.join(dir, '.env.test'), ...files.flatMap((f) => ['-f', f]), 'config'];
  return parse(execFileSync(DOCKER_COMPOSE, args, { cwd: dir, env: { PATH: '/usr/bin:/bin' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Obj;
}

async function ragcheckResolve(dir: string, files: string[]): Promise<{ out: Obj; code: number; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const argv = [...files.flatMap((f) => ['-f', f]), '--env-file', '.env.test', '--format', 'json'];
  const code = await resolveCommand(argv, { cwd: dir, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { out: stdout ? (JSON.parse(stdout) as Obj) : {}, code, stderr };
}

/** A job others wait to complete and nothing restarts (a volume chown, a model pull): it needs no healthcheck. */
function isOneShot(name: string, services: Record<string, Obj>): boolean {
  const restart = String(services[name]!.restart ?? 'no');
  const awaited = Object.values(services).some((s) => ((s.depends_on as Record<string, Obj> | undefined)?.[name]?.condition) === 'service_completed_successfully');
  return awaited && (restart === 'no' || restart.startsWith('on-failure'));
}

it('finds the templates, each with files to render', () => {
  expect(templates.map((t) => t.name)).toContain('rag-api');
  for (const t of templates) expect(existsSync(t.filesDir), t.name).toBe(true);
});

it('has Debian docker-compose, the oracle these tests compare with', () => {
  expect(existsSync(DOCKER_COMPOSE), 'docker-compose is not installed: apt-get install docker-compose').toBe(true);
});

for (const t of templates) {
  for (const options of optionCombinations(t)) {
    describe(label(t, options), () => {
      const dir = () => renderInto(t, options);

      it('renders compose files, overlays, .env.example and .ragcheck.yaml', () => {
        for (const f of ['compose.yaml', 'compose.prod.yaml', 'compose.dev.yaml', '.env.example', '.ragcheck.yaml']) expect(existsSync(path.join(dir(), f)), f).toBe(true);
      });

      it('lints clean in the prod and dev stacks (no finding at any severity)', async () => {
        const result = await lint({ cwd: dir(), paths: ['.'] });
        const findings = result.diagnostics.map((d) => `${d.span.file}:${d.span.line} ${d.severity} ${d.ruleId}: ${d.message}`);
        expect(findings).toEqual([]);
        // Clean only counts if both stacks were linted: .ragcheck.yaml declares them.
        const config = parse(readFileSync(path.join(dir(), '.ragcheck.yaml'), 'utf8')) as { stacks: Record<string, { files: string[]; environment: string }> };
        expect(config.stacks.prod).toMatchObject({ files: STACKS.prod, environment: 'prod' });
        expect(config.stacks.dev).toMatchObject({ files: STACKS.dev, environment: 'dev' });
        expect(result.files).toBeGreaterThanOrEqual(3);
      });

      for (const [stack, files] of Object.entries(STACKS)) {
        it(`${stack}: docker-compose config accepts it and ragcheck resolve agrees`, async () => {
          expect(existsSync(DOCKER_COMPOSE), 'docker-compose is not installed: apt-get install docker-compose').toBe(true);
          const theirs = dockerCompose(dir(), files);
          const ours = await ragcheckResolve(dir(), files);
          expect(ours.stderr).toBe('');
          expect(ours.code).toBe(0);
          expect(canon(ours.out)).toEqual(canon(theirs));
        });
      }

      it('pins only known images, with their data directories on named volumes and their healthchecks', async () => {
        const { out } = await ragcheckResolve(dir(), [...new Set(Object.values(STACKS).flat())].filter((f) => f !== 'compose.dev.yaml'));
        const services = out.services as Record<string, Obj>;
        for (const [name, svc] of Object.entries(services)) {
          if (typeof svc.image !== 'string') continue;
          const ref = parseImageRef(svc.image);
          const known = ref && lookupImage(ref);
          // The template's own application images are built from its Dockerfiles, not pulled.
          if (!known) {
            expect(svc.image, `${name}: ${svc.image} is neither a known image nor the template's own`).toMatch(/^ghcr\.io\/example\//);
            continue;
          }
          expect(ref!.tag, `${name}: ${svc.image} has no tag`).toMatch(/\d/);
          const volumes = ((svc.volumes as Obj[] | undefined) ?? []).filter((v) => v.type === 'volume');
          const env = Object.fromEntries(Object.entries((svc.environment as Obj | undefined) ?? {}).map(([k, v]) => [k, String(v)]));
          const command = Array.isArray(svc.command) ? (svc.command as string[]) : undefined;
          for (const d of dataDirs(known.image, ref!.tag, env, command ?? [])) {
            const at = d.mountAt ?? d.path;
            expect(volumes.some((v) => at === v.target || at.startsWith(`${String(v.target)}/`)), `${name}: ${d.what} at ${at} is on a named volume`).toBe(true);
          }
          const test = (svc.healthcheck as Obj | undefined)?.test;
          if (test === undefined) {
            if (isOneShot(name, services)) continue;
            expect(known.imageHealthcheck, `${name}: no compose healthcheck and ${known.id} declares none`).toBe(true);
          } else if (known.healthcheck?.test) {
            expect(test, `${name}: the healthcheck known to work in ${known.id}`).toEqual(known.healthcheck.test);
          }
        }
      });
    });
  }
}
