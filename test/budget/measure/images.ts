import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One build step: files of chosen sizes (random, so incompressible and predictable), paths removed, or config only. */
export interface Step {
  createdBy: string;
  files?: Record<string, number>;
  remove?: string[];
  /** A config-only step (ENV, CMD, …): no layer. */
  empty?: boolean;
}

/** The content size each non-empty step adds, as ragcheck defines layer size. */
export function stepSizes(steps: readonly Step[]): number[] {
  return steps.map((s) => (s.empty ? 0 : Object.values(s.files ?? {}).reduce((a, b) => a + b, 0)));
}

const BUILDKIT = 'buildkit.dockerfile.v0';

/** Builds `layout:tag` with umoci, one layer or config change per step, the history recording each step's `createdBy`. */
export async function buildLayout(dir: string, name: string, tag: string, steps: readonly Step[]): Promise<string> {
  const layout = join(dir, name);
  const bundle = join(dir, `${name}-${tag}-bundle`);
  const image = `${layout}:${tag}`;
  await run('umoci', ['init', '--layout', layout]);
  await run('umoci', ['new', '--image', image]);
  await run('umoci', ['unpack', '--rootless', '--image', image, bundle]);
  // repack writes the config the bundle was unpacked from: a config change in between would be lost.
  let stale = false;
  for (const step of steps) {
    const history = ['--history.created_by', step.createdBy, ...(step.createdBy.endsWith('# buildkit') || !step.createdBy.startsWith('/bin/sh') ? ['--history.comment', BUILDKIT] : [])];
    if (step.empty) {
      await run('umoci', ['config', '--image', image, ...history]);
      stale = true;
      continue;
    }
    if (stale) {
      await rm(bundle, { recursive: true, force: true });
      await run('umoci', ['unpack', '--rootless', '--image', image, bundle]);
      stale = false;
    }
    for (const [path, size] of Object.entries(step.files ?? {})) {
      const abs = join(bundle, 'rootfs', path);
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, randomBytes(size));
    }
    for (const path of step.remove ?? []) await rm(join(bundle, 'rootfs', path), { recursive: true, force: true });
    await run('umoci', ['repack', '--refresh-bundle', '--image', image, ...history, bundle]);
  }
  await rm(bundle, { recursive: true, force: true });
  return layout;
}

/** `skopeo copy oci:… docker-archive:…`: a tarball shaped like `docker save`'s. */
export async function saveArchive(layout: string, tag: string, out: string, repoTag: string): Promise<string> {
  await run('skopeo', ['copy', '--insecure-policy', `oci:${layout}:${tag}`, `docker-archive:${out}:${repoTag}`]);
  return out;
}

/** Go's units.HumanSizeWithPrecision(size, 3), as `docker history` prints sizes: `2.1MB`, `0B`, `1e+03kB`. */
export function goHumanSize(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = size;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const p = v.toPrecision(3);
  const text = p.includes('e')
    ? p.replace(/^(\d)(?:\.0+)?e\+(\d)$/, '$1e+0$2').replace(/^(\d\.\d*?)0*e\+(\d)$/, '$1e+0$2')
    : p.includes('.') ? p.replace(/\.?0+$/, '') : p;
  return `${text}${units[u]}`;
}

/**
 * What `docker history --no-trunc --format '{{json .}}'` prints for the layout's image:
 * newest first, the layer sizes given (`human: false` is `--human=false`).
 */
export async function historyLines(layout: string, tag: string, steps: readonly Step[], human = true): Promise<string> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const blob = async (digest: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(layout, 'blobs', ...digest.split(':')), 'utf8')) as Record<string, unknown>;
  const manifest = await blob(index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag)!.digest);
  const config = await blob((manifest.config as { digest: string }).digest);
  const history = config.history as { created?: string; created_by?: string; comment?: string }[];
  const sizes = stepSizes(steps);
  return history
    .map((h, i) => JSON.stringify({ Comment: h.comment ?? '', CreatedAt: h.created ?? '', CreatedBy: h.created_by ?? '', CreatedSince: '2 minutes ago', ID: '<missing>', Size: human ? goHumanSize(sizes[i]!) : String(sizes[i]!) }))
    .reverse()
    .join('\n') + '\n';
}
