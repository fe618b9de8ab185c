import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ClientOptions } from '../../registry/index.js';
import { measureDockerArchive } from './docker-archive.js';
import { parseDockerHistory } from './docker-history.js';
import { measureOciLayout, ociLayoutPath } from './oci-layout.js';
import { DEFAULT_PLATFORM, parsePlatform, type Platform } from './platform.js';
import { measureRegistryImage, REGISTRY_SCHEME } from './registry.js';
import { isUstar } from './tar.js';
import { SourceError, type MeasuredImage } from './types.js';

export interface MeasureOptions extends ClientOptions {
  /** `os/arch[/variant]` picked from indexes (default linux/amd64). */
  platform?: string;
  /** Relative paths are read from here (default the process's working directory). */
  cwd?: string;
  /** Read for the source `-` (docker history output). */
  stdin?: () => Promise<string>;
}

export type SourceKind = 'oci-layout' | 'docker-archive' | 'docker-history' | 'registry';

export interface Measured extends MeasuredImage {
  kind: SourceKind;
}

/** The file's first tar block, or what there is of it: enough to tell a tarball, gzip or text apart. */
async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const block = Buffer.alloc(512);
    const { bytesRead } = await file.read(block, 0, 512, 0);
    return block.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Measures one image source, told apart by its form: `registry://…`, `-` (docker history on
 * stdin), an OCI layout directory (`dir[:ref]`), a `docker save` tarball (`file[:tag]`), or a
 * file of docker history JSON lines.
 */
export async function measureSource(source: string, opts: MeasureOptions = {}): Promise<Measured> {
  const platform = parsePlatform(opts.platform ?? DEFAULT_PLATFORM);
  if (!platform) throw new SourceError(`invalid --platform "${opts.platform}" (expected os/arch[/variant], e.g. linux/arm64)`);
  if (source.startsWith(REGISTRY_SCHEME)) return { kind: 'registry', ...(await measureRegistryImage(source, platform, opts)) };
  if (source === '-') {
    if (!opts.stdin) throw new SourceError('no standard input to read docker history from');
    return { kind: 'docker-history', ...parseDockerHistory(await opts.stdin(), '<stdin>') };
  }
  return measureFile(resolve(opts.cwd ?? process.cwd(), source), platform);
}

async function measureFile(source: string, platform: Platform): Promise<Measured> {
  const layout = ociLayoutPath(source);
  if (layout) return { kind: 'oci-layout', ...(await measureOciLayout(layout.dir, layout.ref, platform)) };
  const colon = source.lastIndexOf(':');
  const [path, tag] = !(await isFile(source)) && colon > 0 && (await isFile(source.slice(0, colon))) ? [source.slice(0, colon), source.slice(colon + 1)] : [source, undefined];
  if (!(await isFile(path))) throw new SourceError(`${source}: no such file, OCI layout directory or registry://host/name:tag`);
  const head = await readHead(path);
  if (isUstar(head)) return { kind: 'docker-archive', ...(await measureDockerArchive(path, tag)) };
  if (head[0] === 0x1f && head[1] === 0x8b) throw new SourceError(`${path} is gzip-compressed; decompress it first (gunzip), then pass the tarball`);
  return { kind: 'docker-history', ...parseDockerHistory(await readFile(path, 'utf8'), path) };
}
