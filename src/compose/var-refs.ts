import { memoized } from '../memo.js';
import { scalarText } from './yaml-scalar.js';
import type { VarRef, YNode, YScalar } from './ynode.js';

/** A `${VAR…}` or `$VAR` reference and where it stands in the text it was found in. */
export interface RefAt {
  name: string;
  op: VarRef['op'];
  arg?: string;
  /** `[start, end)` of the whole reference, `${`…`}` included. */
  start: number;
  end: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPS = [':-', ':?', ':+', '-', '?', '+'] as const;

/**
 * The references in a value as written, in order, nested ones (`${A:-${B}}`) after their
 * parent; `$$` is a literal `$`. Interpolation keeps which variables a scalar used, not
 * where: rules that point at one reference find it here.
 */
export function locateRefs(text: string, offset = 0, out: RefAt[] = []): RefAt[] {
  if (!text.includes('$')) return out;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === '{') {
      const close = closing(text, i + 1);
      if (close === -1) return out;
      const inner = text.slice(i + 2, close);
      NAME.lastIndex = 0;
      const name = NAME.exec(inner)?.[0];
      if (name) {
        const rest = inner.slice(name.length);
        const op = OPS.find((o) => rest.startsWith(o)) ?? '';
        if (op !== '' || rest === '') {
          const arg = op ? rest.slice(op.length) : undefined;
          out.push({ name, op, arg, start: offset + i, end: offset + close + 1 });
          if (arg) locateRefs(arg, offset + i + 2 + name.length + op.length, out);
        }
      }
      i = close;
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (m) {
      out.push({ name: m[0], op: '', start: offset + i, end: offset + i + 1 + m[0].length });
      i += m[0].length;
    }
  }
  return out;
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Whether a reference makes its variable required: no default (`$V`, `${V}`) or a `?` guard. */
export const requiresVar = (ref: RefAt): boolean => ref.op === '' || ref.op === '?' || ref.op === ':?';

/** A reference in a tree's scalars; `nested` when it sits in another's default, read only if that one is unset. */
export interface VarUse {
  node: YScalar;
  ref: RefAt;
  nested: boolean;
}

/** Every variable reference in the tree's scalars, in document order; env-contract and the .env.example fix both ask per stack. */
export const varUses = memoized((root: YNode): readonly VarUse[] => {
  const out: VarUse[] = [];
  const visit = (node: YNode): void => {
    if (node.kind === 'map') for (const p of node.pairs) visit(p.value);
    else if (node.kind === 'seq') for (const i of node.items) visit(i);
    else if (node.refs?.length) {
      let until = -1;
      for (const ref of locateRefs(scalarText(node))) {
        const nested = ref.start < until;
        if (!nested) until = ref.end;
        out.push({ node, ref, nested });
      }
    }
  };
  visit(root);
  return out;
});
