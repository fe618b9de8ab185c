import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/budget/budgets.js';
import { parseHistorySize } from '../../../src/budget/measure/docker-history.js';
import { measureSource, type Measured } from '../../../src/budget/measure/source.js';
import { addIndex, pushImage, requireTools, startRegistry, type RegistryServer } from '../../helpers/registry-server.js';
import { buildLayout, goHumanSize, historyLines, saveArchive, stepSizes } from './images.js';
import { BACKEND_STEPS } from './scenarios.js';

const SETUP_MS = 60_000;
const isolated = (dir: string) => ({ env: {}, dockerConfigPath: join(dir, 'no-config.json'), retry: { baseDelayMs: 5 } });

let work: string;
let layout: string;
let registry: RegistryServer;
const measured = new Map<string, Measured>();

beforeAll(async () => {
  requireTools();
  work = await mkdtemp(join(tmpdir(), 'ragcheck-measure-'));
  layout = await buildLayout(work, 'backend', '1', BACKEND_STEPS);
  await addIndex(layout, '1', 'multi');
  const archive = await saveArchive(layout, '1', join(work, 'backend.tar'), 'backend:1');
  await writeFile(join(work, 'history.jsonl'), await historyLines(layout, '1', BACKEND_STEPS, false));
  await writeFile(join(work, 'history-human.jsonl'), await historyLines(layout, '1', BACKEND_STEPS));
  registry = await startRegistry();
  await pushImage(layout, '1', `${registry.host}/team/backend:1`);
  await pushImage(layout, 'multi', `${registry.host}/team/backend:multi`);
  const opts = isolated(work);
  measured.set('layout', await measureSource(`${layout}:1`, opts));
  measured.set('archive', await measureSource(archive, opts));
  measured.set('history', await measureSource(join(work, 'history.jsonl'), opts));
  measured.set('registry', await measureSource(`registry://${registry.host}/team/backend:1`, opts));
}, SETUP_MS);
afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('measuring one image from four sources', () => {
  it('reports each layer at the content size chosen for it, the same from every source', () => {
    const expected = stepSizes(BACKEND_STEPS);
    for (const [name, image] of measured) {
      expect({ name, sizes: image.layers.map((l) => l.size) }).toEqual({ name, sizes: expected });
      expect(image.layers.map((l) => l.createdBy)).toEqual(BACKEND_STEPS.map((s) => s.createdBy));
    }
    expect(measured.get('layout')!.kind).toBe('oci-layout');
    expect(measured.get('archive')!.kind).toBe('docker-archive');
    expect(measured.get('history')!.kind).toBe('docker-history');
    expect(measured.get('registry')!.kind).toBe('registry');
  });

  it('marks config-only steps as empty layers and gives the same layer digests from the image sources', () => {
    const empty = BACKEND_STEPS.map((s) => s.empty === true);
    for (const image of measured.values()) expect(image.layers.map((l) => l.emptyLayer === true)).toEqual(empty);
    const digests = measured.get('layout')!.layers.map((l) => l.digest);
    expect(digests.filter(Boolean)).toHaveLength(empty.filter((e) => !e).length);
    expect(measured.get('archive')!.layers.map((l) => l.digest)).toEqual(digests);
    expect(measured.get('registry')!.layers.map((l) => l.digest)).toEqual(digests);
  });

  it('reads human docker history sizes to the three digits docker prints', async () => {
    const human = await measureSource(join(work, 'history-human.jsonl'), isolated(work));
    expect(human.layers.map((l) => formatSize(l.size))).toEqual(stepSizes(BACKEND_STEPS).map(formatSize));
  });

  it('follows an index to the platform asked for, and names the platforms it has otherwise', async () => {
    const viaIndex = await measureSource(`registry://${registry.host}/team/backend:multi`, isolated(work));
    expect(viaIndex.layers.map((l) => l.size)).toEqual(stepSizes(BACKEND_STEPS));
    const fromLayout = await measureSource(`${layout}:multi`, isolated(work));
    expect(fromLayout.layers.map((l) => l.size)).toEqual(stepSizes(BACKEND_STEPS));
    await expect(measureSource(`registry://${registry.host}/team/backend:multi`, { ...isolated(work), platform: 'linux/arm64' }))
      .rejects.toThrow(`registry://${registry.host}/team/backend:multi has no image for linux/arm64 (it has: linux/amd64); choose one with --platform`);
  });

  it('says in one line why a source cannot be read', async () => {
    const opts = isolated(work);
    await expect(measureSource(join(work, 'nope.tar'), opts)).rejects.toThrow(/nope\.tar: no such file, OCI layout directory or registry:\/\/host\/name:tag$/);
    await expect(measureSource(`${layout}:9.9`, opts)).rejects.toThrow(`${layout} has no image named "9.9" (refs: 1, multi)`);
    await expect(measureSource(layout, opts)).rejects.toThrow(/holds 2 images; name one as/);
    await expect(measureSource(`registry://${registry.host}/team/backend:9.9`, opts)).rejects.toThrow(`registry://${registry.host}/team/backend:9.9: not found: team/backend:9.9 on ${registry.host} (no such tag)`);
    await writeFile(join(work, 'junk.txt'), 'hello\n');
    await expect(measureSource(join(work, 'junk.txt'), opts)).rejects.toThrow(/junk\.txt:1: not a JSON line/);
  });
});

describe('docker history sizes', () => {
  it('parses what Go prints, exponent form included', () => {
    expect(parseHistorySize('7.13GB')).toBe(7_130_000_000);
    expect(parseHistorySize('0B')).toBe(0);
    expect(parseHistorySize('1e+03kB')).toBe(1_000_000);
    expect(parseHistorySize('12345')).toBe(12345);
    expect(parseHistorySize('big')).toBeUndefined();
    expect([0, 999, 1000, 2_000_000, 999_999, 7_130_000_000].map(goHumanSize)).toEqual(['0B', '999B', '1kB', '2MB', '1e+03kB', '7.13GB']);
  });
});
