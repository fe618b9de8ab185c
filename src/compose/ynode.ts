import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';

/**
 * The positioned YAML tree every later stage works on. Each node keeps the span it was read
 * from, so after interpolation and merging a value still knows its file and place.
 */
export type YNode = YScalar | YMap | YSeq;

/** A `${VAR…}` reference found in a scalar by interpolation. */
export interface VarRef {
  name: string;
  /** `-`, `:-`, `?`, `:?`, `+`, `:+`, or '' for a bare `${V}` / `$V`. */
  op: '' | '-' | ':-' | '?' | ':?' | '+' | ':+';
  /** The text after the operator (default, error message or replacement), uninterpolated. */
  arg?: string;
  /** Whether the variable had a value in the stack's environment. */
  defined: boolean;
}

interface YBase {
  span: Span;
  /** `!reset`, `!override` or another explicit tag. */
  tag?: string;
}

export interface YScalar extends YBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The scalar was quoted in the source (`"8080:80"`); fixes keep the style. */
  quoted: boolean;
  /** The string as written, before interpolation; set only when interpolation changed it. */
  raw?: string;
  /** Variable references, set by interpolation. */
  refs?: VarRef[];
}

export interface YPair {
  key: string;
  keySpan: Span;
  value: YNode;
}

export interface YMap extends YBase {
  kind: 'map';
  pairs: YPair[];
}

export interface YSeq extends YBase {
  kind: 'seq';
  items: YNode[];
}

/**
 * Trees known to hold no tag: the block reader, which reads most files, refuses tags, and
 * interpolation adds none. Merging need not walk these looking for `!reset`.
 */
export const untagged = new WeakSet<YNode>();

export const isMap = (n: YNode | undefined): n is YMap => n?.kind === 'map';
export const isSeq = (n: YNode | undefined): n is YSeq => n?.kind === 'seq';
export const isScalar = (n: YNode | undefined): n is YScalar => n?.kind === 'scalar';

export function getPair(map: YNode | undefined, key: string): YPair | undefined {
  if (!isMap(map)) return undefined;
  // Last wins, like a YAML loader that allowed duplicates; the parser rejects duplicates anyway.
  for (let i = map.pairs.length - 1; i >= 0; i--) if (map.pairs[i]!.key === key) return map.pairs[i];
  return undefined;
}

export function get(map: YNode | undefined, key: string): YNode | undefined {
  return getPair(map, key)?.value;
}

/** Walks a path of keys and indexes: `at(root, 'services', 'api', 'ports', 0)`. */
export function at(node: YNode | undefined, ...path: (string | number)[]): YNode | undefined {
  let cur = node;
  for (const step of path) {
    if (cur === undefined) return undefined;
    cur = typeof step === 'number' ? (isSeq(cur) ? cur.items[step] : undefined) : get(cur, step);
  }
  return cur;
}

/** The scalar's value as a string (numbers and booleans as written by YAML), else undefined. */
export function str(node: YNode | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return String(node.value);
}

/** Plain JavaScript value of a node (for schema validation and `resolve` output). */
export function toJS(node: YNode | undefined): unknown {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return mapArray(node.items, toJS);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const p of node.pairs) {
        // A `__proto__` key must stay a plain key, not set the prototype.
        if (p.key === '__proto__') Object.defineProperty(out, p.key, { value: toJS(p.value), enumerable: true, writable: true, configurable: true });
        else out[p.key] = toJS(p.value);
      }
      return out;
    }
  }
}
