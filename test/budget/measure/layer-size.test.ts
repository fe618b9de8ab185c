import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLayer } from '../../../src/budget/measure/layer-size.js';
import { indexTarFile } from '../../../src/budget/measure/tar.js';

const run = promisify(execFile);
let work: string;
const LONG = `${'deep/'.repeat(30)}file-with-a-name-longer-than-one-hundred-characters.bin`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ragcheck-layer-size-'));
  const root = join(work, 'root');
  await mkdir(join(root, LONG, '..'), { recursive: true });
  await writeFile(join(root, LONG), Buffer.alloc(70_001, 7));
  await writeFile(join(root, 'a.bin'), Buffer.alloc(1_234, 1));
  // A hard link adds no content of its own.
  await link(join(root, 'a.bin'), join(root, 'b.bin'));
  for (const format of ['gnu', 'pax', 'ustar']) {
    await run('tar', [`--format=${format}`, '-cf', join(work, `${format}.tar`), '-C', root, '.']).catch(() => undefined);
  }
  await run('sh', ['-c', `gzip -c ${join(work, 'pax.tar')} > ${join(work, 'pax.tar.gz')}`]);
  await writeFile(join(work, 'empty'), '');
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('measureLayer', () => {
  it.each(['gnu', 'pax'])('sums the regular files of a %s tar, long names and hard links included', async (format) => {
    expect(await measureLayer(createReadStream(join(work, `${format}.tar`)))).toBe(71_235);
  });

  it('decompresses a gzip layer by its magic bytes', async () => {
    expect(await measureLayer(createReadStream(join(work, 'pax.tar.gz')))).toBe(71_235);
  });

  it('says a corrupt gzip layer could not be decompressed', async () => {
    await writeFile(join(work, 'bad.gz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(4096, 0xff)]));
    await expect(measureLayer(createReadStream(join(work, 'bad.gz')))).rejects.toThrow(/^a layer could not be decompressed \(/);
  });

  it('counts an empty blob as nothing', async () => {
    expect(await measureLayer(createReadStream(join(work, 'empty')))).toBe(0);
  });

  it('lists entries by their long names without reading the data', async () => {
    const entries = await indexTarFile(join(work, 'pax.tar'));
    expect(entries.get(LONG)).toMatchObject({ size: 70_001, type: '0' });
    expect(entries.get('b.bin')).toMatchObject({ type: '1', linkName: './a.bin' });
  });

  it('rejects what is not a tar', async () => {
    await writeFile(join(work, 'junk'), Buffer.alloc(1024, 65));
    await expect(measureLayer(createReadStream(join(work, 'junk')))).rejects.toThrow('not a tar archive (header checksum mismatch)');
  });
});
