import type { SourceFile } from '../source/source-file.js';
import { splitVolumeSpec } from './build-model.js';
import type { VolumeMount } from './model.js';
import { scalarMapper, scalarText } from './yaml-scalar.js';
import { isMap, isScalar, type YMap } from './ynode.js';
import type { OffsetMapper } from '../shell/types.js';

/** A short-syntax mount (`source:target[:mode]`) as written, for edits inside it. */
export interface ShortMount {
  file: SourceFile;
  written: string;
  parts: string[];
  /** Offsets in `written` to offsets in the file (quotes and escapes accounted for). */
  map: OffsetMapper;
}

/** The mount as written in short syntax; undefined for the long syntax or a file not at hand. */
export function shortMount(mount: VolumeMount, sources: ReadonlyMap<string, SourceFile>): ShortMount | undefined {
  const node = mount.node;
  const file = sources.get(node.span.file);
  if (!file || !isScalar(node)) return undefined;
  const written = scalarText(node);
  return { file, written, parts: splitVolumeSpec(written), map: scalarMapper(node, file) };
}

/** The mount as written in long syntax (a map); undefined for the short syntax or a file not at hand. */
export function longMount(mount: VolumeMount, sources: ReadonlyMap<string, SourceFile>): { file: SourceFile; node: YMap } | undefined {
  const node = mount.node;
  const file = sources.get(node.span.file);
  return file && isMap(node) ? { file, node } : undefined;
}
