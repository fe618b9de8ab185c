import { dataDirs, imageVersion, imageVolumes, type DataDir } from './data-dirs.js';
import { BINARIES, findKnownImage, type Binary, type Facts, type Gpu, type Healthcheck, type ImageRefLike, type ImageSize, type KnownImage, type Variant } from './known-images.js';
import { inRange, type Version } from './version.js';

/** `unknown` is not `no`: a rule may only complain about a tool the data says is absent. */
export type Presence = 'yes' | 'no' | 'unknown';

/** What an image is in a stack (known-images.json `role`). */
export type ImageRole =
  | 'database' | 'vector-store' | 'cache' | 'search' | 'queue' | 'object-store' | 'coordination' | 'model-server' | 'document-parser'
  | 'gateway' | 'proxy' | 'app';

/** Roles of services a stack reaches over its network, never its users: unauthenticated by default. */
export const INTERNAL_ROLES: ReadonlySet<ImageRole> = new Set<ImageRole>([
  'database', 'vector-store', 'cache', 'search', 'queue', 'object-store', 'coordination', 'model-server', 'document-parser',
]);

/** Per-image fields of known-images.json that hold for every tag. */
interface ImageTraits {
  role?: ImageRole;
  slowStart?: boolean;
}

/** What is known about one image at one tag, with the variants for that tag applied. */
export interface ImageFacts {
  id: string;
  image: KnownImage;
  /** The version the tag names, or what `latest` gives today; absent when neither is known. */
  version?: Version;
  isBaseImage: boolean;
  /** The unpacked size of the image at this tag; absent when not known. */
  size?: ImageSize;
  role?: ImageRole;
  /** Needs tens of seconds before a healthcheck can pass (model servers, milvus, elasticsearch). */
  slowStart: boolean;
  /** Config.User of the image (`root` when it sets none); absent when not known. */
  user?: string;
  userNote?: string;
  /** Whether /bin/sh exists, so `CMD-SHELL` and shell-form commands can run. */
  shell: Presence;
  binaries: Record<Binary, Presence>;
  /** A probe that works in this image (Compose `test` form), or a note on why none is known. */
  healthcheck?: Healthcheck;
  /** Whether the image declares its own HEALTHCHECK; absent when not known. */
  imageHealthcheck?: boolean;
  ports: number[];
  /** Data directories with the image defaults (no environment or command applied). */
  dataDirs: readonly DataDir[];
  /** Paths the image declares with VOLUME. */
  volumes: string[];
  /** Whose GPUs this tag is built for. */
  gpu?: Gpu;
  gpuNote?: string;
  /** The image's GPU tags: `when.tag` patterns and the vendor each targets. */
  gpuVariants: Array<{ tag: string; gpu: Gpu }>;
  notes: string[];
  /** Evidence of the entry and of every variant that applied. */
  evidence: string[];
}

/** Facts for a known image at `ref`'s tag; undefined when the image is not in the table. */
export function lookupImage(ref: ImageRefLike): ImageFacts | undefined {
  const image = findKnownImage(ref);
  if (!image) return undefined;
  // Stacks name the same few image:tag pairs over and over; facts are read-only.
  const key = `${image.id}\0${ref.tag ?? ''}`;
  let facts = memo.get(key);
  if (!facts) {
    facts = factsFor(image, ref.tag);
    memo.set(key, facts);
  }
  return facts;
}

const memo = new Map<string, ImageFacts>();

/** Whether `ref` names a known base image (python, node, debian, distroless, scratch…). */
export function isBaseImage(ref: ImageRefLike): boolean {
  return findKnownImage(ref)?.base ?? false;
}

export function factsFor(image: KnownImage, tag: string | undefined): ImageFacts {
  const version = imageVersion(image, tag);
  let facts = image.facts;
  const notes = image.note ? [image.note] : [];
  const evidence = [...image.evidence];
  for (const variant of image.variants) {
    const applies = variantApplies(variant, tag ?? 'latest', version);
    if (applies === false) continue;
    if (applies === true) {
      facts = overlay(facts, variant.facts);
      if (variant.note) notes.push(variant.note);
      evidence.push(...variant.evidence);
    } else {
      facts = blur(facts, variant.facts);
    }
  }
  const binaries = Object.fromEntries(BINARIES.map((b) => [b, presence(facts.binaries?.[b])])) as Record<Binary, Presence>;
  const traits = image as KnownImage & ImageTraits;
  return {
    id: image.id,
    image,
    ...(version && { version }),
    isBaseImage: image.base,
    ...(facts.size && { size: facts.size }),
    ...(traits.role && { role: traits.role }),
    slowStart: traits.slowStart === true,
    ...(facts.user !== undefined && { user: facts.user }),
    ...(facts.userNote !== undefined && { userNote: facts.userNote }),
    shell: binaries.sh,
    binaries,
    ...(facts.healthcheck && { healthcheck: facts.healthcheck }),
    ...(facts.imageHealthcheck !== undefined && { imageHealthcheck: facts.imageHealthcheck }),
    ports: facts.ports ?? [],
    dataDirs: dataDirs(image, tag, {}),
    volumes: imageVolumes(image, tag),
    ...(facts.gpu && { gpu: facts.gpu }),
    ...(facts.gpuNote && { gpuNote: facts.gpuNote }),
    gpuVariants: image.variants.flatMap((v) => (v.facts.gpu && v.when.tag ? [{ tag: v.when.tag.source, gpu: v.facts.gpu }] : [])),
    notes,
    evidence,
  };
}

/** true or false when the tag decides; undefined when it turns on a version the tag does not tell. */
function variantApplies(variant: Variant, tag: string, version: Version | undefined): boolean | undefined {
  const { tag: pattern, since, until } = variant.when;
  if (pattern && !pattern.test(tag)) return false;
  if (!since && !until) return true;
  return version ? inRange(version, since, until) : undefined;
}

function presence(value: boolean | null | undefined): Presence {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

function overlay(base: Facts, over: Facts): Facts {
  const out: Facts = { ...base, ...over };
  if (base.binaries || over.binaries) out.binaries = { ...base.binaries, ...over.binaries };
  return out;
}

/**
 * A variant that may or may not apply: every fact it would change becomes unknown, and the
 * facts it agrees with stay.
 */
function blur(base: Facts, maybe: Facts): Facts {
  const out: Facts = { ...base };
  for (const key of Object.keys(maybe) as Array<keyof Facts>) {
    if (key === 'binaries') continue;
    if (JSON.stringify(base[key]) !== JSON.stringify(maybe[key])) delete out[key];
  }
  if (maybe.binaries) {
    const binaries = { ...base.binaries };
    for (const b of Object.keys(maybe.binaries) as Binary[]) {
      if ((binaries[b] ?? null) !== maybe.binaries[b]) binaries[b] = null;
    }
    out.binaries = binaries;
  }
  return out;
}
