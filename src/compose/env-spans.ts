import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { EnvEntry } from './model.js';
import { scalarText, subSpan } from './yaml-scalar.js';
import { isScalar } from './ynode.js';

/**
 * The span of `[from, to)` of an environment entry's value as written (`entry.raw`): exact
 * where the scalar lines up with the file, else the value's span.
 */
export function envValueSpan(entry: EnvEntry, from: number, to: number, sources: ReadonlyMap<string, SourceFile>): Span {
  const node = entry.node;
  if (!isScalar(node) || entry.raw === null) return entry.valueSpan;
  // `KEY=value` in list form: the value is the end of the scalar's text.
  const written = scalarText(node);
  if (!written.endsWith(entry.raw)) return entry.valueSpan;
  const prefix = written.length - entry.raw.length;
  return subSpan(node, sources, prefix + from, prefix + to);
}

/** The span only when it covers exactly `expected` in the file: safe to replace. */
export function exactSpan(span: Span, expected: string, sources: ReadonlyMap<string, SourceFile>): Span | undefined {
  return sources.get(span.file)?.text.slice(span.start, span.end) === expected ? span : undefined;
}
