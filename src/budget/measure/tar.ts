import { open } from 'node:fs/promises';
import { SourceError } from './types.js';

/**
 * Just enough of the tar format (ustar, pax and GNU long names, base-256 sizes) to list
 * entries and sum file sizes: no extraction, so a library that writes files is not needed.
 */
const BLOCK = 512;

export interface TarHeader {
  name: string;
  size: number;
  /** '0' regular file, '1' hard link, '2' symlink, '5' directory, 'x'/'g' pax, 'L' GNU long name. */
  type: string;
  linkName: string;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

function numeric(block: Buffer, start: number, length: number): number {
  // GNU base-256: the high bit of the first byte is set, big-endian after it.
  if (block[start]! & 0x80) {
    let n = block[start]! & 0x7f;
    for (let i = 1; i < length; i++) n = n * 256 + block[start + i]!;
    return n;
  }
  const text = field(block, start, length).trim();
  return text ? parseInt(text, 8) : 0;
}

/** A whole header block in the POSIX (ustar) format, as `docker save` writes. */
export function isUstar(block: Buffer): boolean {
  return block.length === BLOCK && block.toString('latin1', 257, 262) === 'ustar';
}

/** The header in a 512-byte block; undefined for the zero blocks that end an archive. */
function parseHeader(block: Buffer): TarHeader | undefined {
  if (block.every((b) => b === 0)) return undefined;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  if (sum !== numeric(block, 148, 8)) throw new SourceError('not a tar archive (header checksum mismatch)');
  const prefix = isUstar(block) ? field(block, 345, 155) : '';
  const name = field(block, 0, 100);
  return { name: prefix ? `${prefix}/${name}` : name, size: numeric(block, 124, 12), type: field(block, 156, 1) || '0', linkName: field(block, 157, 100) };
}

/** `path` and `size` records of a pax extended header. */
function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const length = parseInt(data.toString('ascii', pos, space), 10);
    if (!(length > 0)) break;
    const record = data.toString('utf8', space + 1, pos + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += length;
  }
  return out;
}

const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

/** The bytes of data after an entry's header: none for hard links, symlinks and directories. */
const dataLength = (h: TarHeader): number => (h.type === '1' || h.type === '2' || h.type === '5' ? 0 : padded(h.size));

/** Applies pax / GNU long-name records that precede an entry. */
class Overrides {
  private pax: Record<string, string> = {};
  private longName: string | undefined;

  /** True when the header only carries metadata for the next entry. */
  isMeta(h: TarHeader): boolean {
    return h.type === 'x' || h.type === 'g' || h.type === 'L' || h.type === 'K';
  }

  take(h: TarHeader, data: Buffer): void {
    if (h.type === 'x') this.pax = parsePax(data);
    else if (h.type === 'L') this.longName = data.toString('utf8').replace(/\0+$/, '');
  }

  apply(h: TarHeader): TarHeader {
    const out = { ...h };
    if (this.longName !== undefined) out.name = this.longName;
    if (this.pax.path !== undefined) out.name = this.pax.path;
    if (this.pax.size !== undefined) out.size = Number(this.pax.size);
    if (this.pax.linkpath !== undefined) out.linkName = this.pax.linkpath;
    this.pax = {};
    this.longName = undefined;
    return out;
  }
}

/** Regular files count; hard links, directories, symlinks and devices add no content. */
const CONTENT_TYPES = new Set(['0', '7']);

/**
 * The summed size of the regular files in a tar stream, read once without buffering file
 * contents (layers can be gigabytes).
 */
export async function tarContentSize(source: AsyncIterable<Buffer>): Promise<number> {
  const overrides = new Overrides();
  let total = 0;
  let pending: Buffer = Buffer.alloc(0);
  /** Bytes of file data (and padding) still to pass over. */
  let skip = 0;
  /** A metadata entry whose data is being gathered. */
  let meta: { header: TarHeader; need: number } | undefined;
  let ended = false;
  for await (const chunk of source) {
    if (ended) continue;
    let buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let pos = 0;
    for (;;) {
      if (skip) {
        const n = Math.min(skip, buf.length - pos);
        skip -= n;
        pos += n;
        if (skip) break;
      }
      if (meta) {
        if (buf.length - pos < meta.need) break;
        overrides.take(meta.header, buf.subarray(pos, pos + meta.header.size));
        pos += meta.need;
        meta = undefined;
      }
      if (buf.length - pos < BLOCK) break;
      const header = parseHeader(buf.subarray(pos, pos + BLOCK));
      pos += BLOCK;
      if (!header) {
        ended = true;
        break;
      }
      if (overrides.isMeta(header)) {
        meta = { header, need: padded(header.size) };
        continue;
      }
      const entry = overrides.apply(header);
      if (CONTENT_TYPES.has(entry.type)) total += entry.size;
      skip = dataLength(entry);
    }
    buf = buf.subarray(pos);
    pending = Buffer.from(buf);
  }
  return total;
}

export interface TarEntry extends TarHeader {
  /** Offset of the entry's data in the file. */
  offset: number;
}

/** Every entry of a tar file by name, reading headers only (the data is skipped by seeking). */
export async function indexTarFile(path: string): Promise<Map<string, TarEntry>> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const entries = new Map<string, TarEntry>();
    const overrides = new Overrides();
    const block = Buffer.alloc(BLOCK);
    for (let pos = 0; pos + BLOCK <= fileSize; ) {
      await file.read(block, 0, BLOCK, pos);
      const header = parseHeader(block);
      pos += BLOCK;
      if (!header) break;
      if (overrides.isMeta(header)) {
        const data = Buffer.alloc(header.size);
        await file.read(data, 0, header.size, pos);
        overrides.take(header, data);
        pos += padded(header.size);
        continue;
      }
      const entry = overrides.apply(header);
      entries.set(normalizeName(entry.name), { ...entry, offset: pos });
      pos += dataLength(entry);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** `./a/b` and `a/b` name the same entry. */
export function normalizeName(name: string): string {
  return name.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}
