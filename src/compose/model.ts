import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { VarRef, YMap, YNode, YPair, YScalar } from './ynode.js';

/**
 * The typed view of one merged, interpolated Compose stack. Rules read this, never YAML text.
 * Every value carries the node it came from, and so its file and span.
 */
export interface ComposeStack {
  /** Stack name: from config `stacks:` or derived from the base file. */
  name: string;
  environment: string;
  /** The compose files merged, in order (`-f a -f b`), relative paths. */
  files: string[];
  /** Folder the first file sits in: relative paths in the stack resolve against it. */
  projectDir: string;
  sources: Map<string, SourceFile>;
  /** The merged tree. */
  root: YMap;
  /** `version:` as written in any file of the stack (obsolete). */
  versionFields: YPair[];
  services: Service[];
  /** Top-level `volumes:` declarations. */
  volumes: Declared[];
  networks: Declared[];
  secrets: Declared[];
  configs: Declared[];
  /** Variables available to interpolation (from .env / --env-file / the process). */
  env: Record<string, string>;
  /** The project folder's `.env.example`, which documents the variables the stack needs; absent when there is none. */
  envExample?: EnvExample;
}

export interface EnvExample {
  file: SourceFile;
  /** The names it documents, in file order, with the span of each name. */
  names: { name: string; span: Span }[];
}

export interface Declared {
  name: string;
  keySpan: Span;
  node: YNode;
  external: boolean;
}

export interface Service {
  name: string;
  keySpan: Span;
  node: YMap;
  image?: ImageRef;
  build?: BuildSpec;
  volumes: VolumeMount[];
  environment: EnvEntry[];
  command?: CommandSpec;
  entrypoint?: CommandSpec;
  workingDir?: YScalar;
  envFiles: YScalar[];
  ports: YNode[];
  user?: YScalar;
}

export interface ImageRef {
  /** The reference as it resolved after interpolation. */
  text: string;
  registry?: string;
  /** Repository path without registry: `library/postgres` is `postgres`, `qdrant/qdrant`. */
  repository: string;
  tag?: string;
  digest?: string;
  node: YScalar;
  span: Span;
}

export interface BuildSpec {
  node: YNode;
  context?: YScalar;
  dockerfile?: YScalar;
  dockerfileInline?: YScalar;
  target?: YScalar;
  args: EnvEntry[];
}

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';

export interface VolumeMount {
  type: MountType;
  /** Host path, volume name, or absent for an anonymous volume / tmpfs. */
  source?: string;
  target: string;
  readOnly: boolean;
  /** Written as `src:dst[:mode]` rather than a mapping. */
  short: boolean;
  node: YNode;
  span: Span;
  /** Span of the source part (the whole entry when it cannot be narrowed). */
  sourceSpan: Span;
  /** Variables the source (host side) used before interpolation. */
  sourceRefs: VarRef[];
  /** The source as written, before interpolation. */
  rawSource?: string;
}

export interface EnvEntry {
  name: string;
  /** null when the entry has no value (`- FOO` or `FOO:`), passed through from the shell. */
  value: string | null;
  /** Span of the whole entry (`- KEY=value`) or of the value in map form. */
  span: Span;
  /** Span of the value part alone where it can be told apart. */
  valueSpan: Span;
  node: YNode;
  /** Variable references in the value, with their defaults. */
  refs: VarRef[];
  /** The value as written, before interpolation. */
  raw: string | null;
}

export interface CommandSpec {
  form: 'string' | 'list';
  /** List form as given; string form split like a shell would split words. */
  argv: string[];
  /** The command as one shell line. */
  text: string;
  node: YNode;
  span: Span;
}
