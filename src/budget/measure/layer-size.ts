import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { tarContentSize } from './tar.js';
import { SourceError } from './types.js';

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

const startsWith = (buf: Buffer, magic: number[]): boolean => magic.every((b, i) => buf[i] === b);

/** zstd decompression arrived in Node 22.15; older Nodes say so instead of failing obscurely. */
function zstdStream(): NodeJS.ReadWriteStream {
  const make = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
  if (!make) throw new SourceError(`a zstd-compressed layer needs Node 22.15 or later to measure (this is ${process.version})`);
  return make();
}

/**
 * The content size of one layer blob (see MeasuredLayer.size), whether it is stored plain,
 * gzip- or zstd-compressed: the compression is told by the first bytes, as containerd does.
 */
export async function measureLayer(blob: Readable): Promise<number> {
  const iterator = blob[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head = Buffer.alloc(0);
  const buffered: Buffer[] = [];
  while (head.length < 4) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    head = Buffer.concat([head, next.value]);
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* buffered;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (head.length === 0) return 0;
  const decompressor = startsWith(head, GZIP) ? zlib.createGunzip() : startsWith(head, ZSTD) ? zstdStream() : undefined;
  if (!decompressor) {
    try {
      return await tarContentSize(rest());
    } finally {
      blob.destroy();
    }
  }
  const input = Readable.from(rest());
  const output = input.pipe(decompressor) as unknown as Readable;
  // pipe does not pass errors on: a failing download must end the read, not stall it.
  input.on('error', (err) => output.destroy(err));
  try {
    return await tarContentSize(output);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(`a layer could not be decompressed (${(err as Error).message})`);
  } finally {
    input.destroy();
    output.destroy();
    blob.destroy();
  }
}
