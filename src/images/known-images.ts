import picomatch from 'picomatch';
import data from './known-images.json' with { type: 'json' };
import { DOCKER_HUB } from './ref.js';
import type { Version } from './version.js';

export { dataDirs, imageVersion, imageVolumes, layoutFor, normalize, type DataDir, type Env } from './data-dirs.js';

/**
 * What ragcheck knows about widely used images it does not build: where they keep their data,
 * their user, tools, a healthcheck that works in them, and ports. The facts live in
 * known-images.json (validated against schemas/known-images.schema.json by the tests, not at
 * run time); every fact carries the evidence it was checked against, and one that was not
 * verified is left out.
 */
export interface KnownImage {
  /** Stable key and the name messages use: `postgres`, `chroma`. */
  id: string;
  /**
   * Repository globs (picomatch). Docker Hub images are written without registry
   * (`postgres`, `qdrant/qdrant`); others with it (`ghcr.io/chroma-core/chroma`).
   */
  repositories: string[];
  /** A base image for FROM (python, node, debian, distroless, scratch…). */
  base: boolean;
  /** Where the version sits in the tag when it is not the leading number (`pg17`). */
  versionPattern?: RegExp;
  /** The version `latest` (or no tag) currently gives; absent when unknown. */
  latest?: Version;
  /** Data layouts by major version; the first that matches applies. */
  layouts: Layout[];
  /** Working directory of the image, to resolve relative paths set through env. */
  workdir?: string;
  /** Facts true of every tag, before variants apply. */
  facts: Facts;
  /** Facts for some tags or versions, applied in order over `facts`. */
  variants: Variant[];
  note?: string;
  /** Where the entry was checked. */
  evidence: string[];
}

export interface Layout {
  /** Applies to majors ≥ since and ≤ until (either bound optional). */
  since?: number;
  until?: number;
  /** Paths the image declares with `VOLUME`: Docker mounts an anonymous volume there. */
  volumes?: string[];
  dirs: DataDirRule[];
}

export interface DataDirRule {
  /** Default path; `{major}` is the major version. Absent when only a flag or env sets it. */
  path?: string;
  /** What is stored there, for messages: `database files`, `downloaded models`. */
  what: string;
  /** Environment variable whose value replaces the path (`PGDATA`). */
  env?: string;
  /** Command-line flags whose value replaces the path (`--data-dir`). */
  flags?: string[];
  /** The data paths are the positional arguments after this subcommand (`minio server /data`). */
  argsAfter?: string;
  /** Where to mount the volume when that is not the path itself (postgres 18: the parent). */
  mountAt?: string;
  /** Paths older versions used: a mount there is the usual leftover of an upgrade. */
  legacy?: string[];
  /** What else goes wrong when a volume sits at a legacy path, for the message. */
  legacyNote?: string;
}

export const BINARIES = ['sh', 'bash', 'curl', 'wget', 'nc', 'python', 'node'] as const;
export type Binary = (typeof BINARIES)[number];

export type Gpu = 'nvidia' | 'amd';

export interface Healthcheck {
  /** Compose `test` form: `['CMD', …]` or `['CMD-SHELL', '…']` (`$$` escapes `$`). */
  test?: string[];
  /** Caveats, or why no probe is known. */
  note?: string;
}

export interface Facts {
  /** The image unpacked on linux/amd64, in decimal MB, and the relative error allowed for other tags and platforms. */
  size?: ImageSize;
  /** Config.User of the image; `root` when it sets none. */
  user?: string;
  /** What the entrypoint does with the user (steps down to postgres, say). */
  userNote?: string;
  /** true: present; false: checked absent; null: unknown even if the entry says otherwise. */
  binaries?: Partial<Record<Binary, boolean | null>>;
  healthcheck?: Healthcheck;
  /** Whether the image declares its own HEALTHCHECK. */
  imageHealthcheck?: boolean;
  ports?: number[];
  gpu?: Gpu;
  gpuNote?: string;
}

export interface ImageSize {
  mb: number;
  margin: number;
  /** Where the size was read. */
  source: string;
}

export interface Variant {
  when: { tag?: RegExp; since?: Version; until?: Version };
  facts: Facts;
  note?: string;
  evidence: string[];
}

/** The JSON as written: regexes are strings and optional lists may be absent. */
interface RawImage extends Omit<KnownImage, 'versionPattern' | 'base' | 'facts' | 'variants' | 'layouts'> {
  /** Its own layouts, or `layoutsFrom`: the id of an image whose data layout it shares (pgvector is postgres). */
  layouts?: Layout[];
  layoutsFrom?: string;
  versionPattern?: string;
  base?: boolean;
  facts?: Facts;
  variants?: Array<Omit<Variant, 'when'> & { when: { tag?: string; since?: Version; until?: Version } }>;
}

function load(raw: RawImage, all: readonly RawImage[]): KnownImage {
  const { versionPattern, base, facts, variants, layouts, layoutsFrom, ...rest } = raw;
  return {
    ...rest,
    layouts: layouts ?? all.find((i) => i.id === layoutsFrom)?.layouts ?? [],
    ...(versionPattern !== undefined && { versionPattern: new RegExp(versionPattern) }),
    base: base ?? false,
    facts: facts ?? {},
    variants: (variants ?? []).map(({ when: { tag, ...range }, ...v }) => ({ ...v, when: { ...range, ...(tag !== undefined && { tag: new RegExp(tag) }) } })),
  };
}

const RAW = data.images as unknown as RawImage[];
export const KNOWN_IMAGES: readonly KnownImage[] = RAW.map((raw) => load(raw, RAW));

export interface ImageRefLike {
  registry?: string;
  repository: string;
  tag?: string;
}

/** The name table globs match: Hub images bare, others with their registry. */
export function imageKey(ref: ImageRefLike): string {
  const repo = ref.repository.toLowerCase();
  if (!ref.registry || DOCKER_HUB.has(ref.registry.toLowerCase())) return repo.startsWith('library/') ? repo.slice('library/'.length) : repo;
  return `${ref.registry.toLowerCase()}/${repo}`;
}

const matchers = KNOWN_IMAGES.map((image) => ({ image, match: picomatch(image.repositories) }));

/** Stacks name the same few images over and over: each is matched against the table once. */
const found = new Map<string, KnownImage | undefined>();

export function findKnownImage(ref: ImageRefLike): KnownImage | undefined {
  const key = imageKey(ref);
  if (!found.has(key)) found.set(key, matchers.find((m) => m.match(key))?.image);
  return found.get(key);
}
