import type { Span } from '../engine/types.js';
import { untagged } from './ynode.js';
import type { VarRef, YMap, YNode, YPair, YScalar, YSeq } from './ynode.js';

export interface InterpolationProblem {
  message: string;
  span: Span;
  /**
   * `warning` for a required variable (`${V:?}`) the stack's env files leave unset: the value
   * may well come from the deploy environment, which lint does not read.
   */
  severity?: 'warning';
}

const REQUIRED = 'Required variable ';

type Op = VarRef['op'];

/** Operators after a braced name, longest first so `:-` is not read as `:`. */
const OPS: readonly Op[] = [':-', ':?', ':+', '-', '?', '+'];

const isNameStart = (c: number): boolean => c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * Interpolates every string scalar of a tree like Compose does, returning a new tree.
 * Unchanged subtrees are shared with the input rather than copied (the tree is treated as
 * immutable everywhere), so a file parsed once can be interpolated for many stacks cheaply.
 * Keys are never interpolated, as in Compose. Never throws: problems are collected.
 */
export function interpolate(node: YNode, env: Record<string, string>, problems: InterpolationProblem[]): YNode {
  const out = walk(node, env, problems, []);
  if (out !== node && untagged.has(node)) untagged.add(out);
  return out;
}

function walk(node: YNode, env: Record<string, string>, problems: InterpolationProblem[], path: (string | number)[]): YNode {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' && node.value.includes('$') ? scalar(node, node.value, env, problems, path) : node;
    case 'seq': {
      let items: YNode[] | undefined;
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        path.push(i);
        const next = walk(item, env, problems, path);
        path.pop();
        if (next !== item) (items ??= node.items.slice())[i] = next;
      }
      return items ? ({ ...node, items } satisfies YSeq) : node;
    }
    case 'map': {
      let pairs: YPair[] | undefined;
      for (let i = 0; i < node.pairs.length; i++) {
        const pair = node.pairs[i]!;
        path.push(pair.key);
        const next = walk(pair.value, env, problems, path);
        path.pop();
        if (next !== pair.value) (pairs ??= node.pairs.slice())[i] = { ...pair, value: next };
      }
      return pairs ? ({ ...node, pairs } satisfies YMap) : node;
    }
  }
}

/** The variable a "required variable is missing" problem names, else undefined. */
export function missingRequiredVariable(message: string): string | undefined {
  return message.startsWith(REQUIRED) ? /^\S+/.exec(message.slice(REQUIRED.length))?.[0] : undefined;
}

function scalar(node: YScalar, text: string, env: Record<string, string>, problems: InterpolationProblem[], path: (string | number)[]): YScalar {
  const refs: VarRef[] = [];
  const errors: string[] = [];
  const value = expand(text, env, refs, errors);
  for (const e of errors) {
    const message = `${e} in ${path.join('.') || 'value'}`;
    problems.push(e.startsWith(REQUIRED) ? { message: `${message}; Compose refuses to start unless the environment sets it`, span: node.span, severity: 'warning' } : { message, span: node.span });
  }
  if (value === undefined) return { ...node, refs };
  const out: YScalar = { ...node, value, refs };
  if (value !== text) out.raw = node.raw ?? text;
  return out;
}

/** Result of expanding a template: its value, or undefined when the template is malformed. */
export interface Expansion {
  value: string | undefined;
  refs: VarRef[];
  errors: string[];
}

/** Expands one string outside any tree (env files and tests use it). */
export function expandString(text: string, env: Record<string, string>): Expansion {
  const refs: VarRef[] = [];
  const errors: string[] = [];
  const value = text.includes('$') ? expand(text, env, refs, errors) : text;
  return { value, refs, errors };
}

/**
 * Expands `$$`, `$V`, `${V}` and `${V<op><arg>}` with nesting in `arg`. References are
 * recorded even inside arguments that end up unused, so rules see every variable a value
 * may depend on; errors from unused arguments are dropped, as Compose evaluates lazily.
 */
function expand(s: string, env: Record<string, string>, refs: VarRef[], errors: string[]): string | undefined {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const j = s.indexOf('$', i);
    if (j === -1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, j);
    const c = s.charCodeAt(j + 1);
    if (c === 36 /* $ */) {
      out += '$';
      i = j + 2;
    } else if (c === 123 /* { */) {
      const r = braced(s, j + 2, env, refs, errors);
      if (r === undefined) return undefined;
      out += r.value;
      i = r.end;
    } else if (isNameStart(c)) {
      let k = j + 2;
      while (k < n && isNameChar(s.charCodeAt(k))) k++;
      const name = s.slice(j + 1, k);
      const v = lookup(env, name);
      refs.push({ name, op: '', defined: v !== undefined });
      out += v ?? '';
      i = k;
    } else {
      // A `$` not followed by a name, a brace or `$` is an error in Compose (v1 and v2 alike).
      errors.push(`Invalid interpolation format ${JSON.stringify(s)} (escape a literal $ as $$)`);
      return undefined;
    }
  }
  return out;
}

function lookup(env: Record<string, string>, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}

/** Parses `${…}` from just after the brace; returns its value and the index after `}`. */
function braced(s: string, start: number, env: Record<string, string>, refs: VarRef[], errors: string[]): { value: string; end: number } | undefined {
  const invalid = (): undefined => {
    const close = s.indexOf('}', start);
    const shown = s.slice(start - 2, close === -1 ? s.length : close + 1);
    errors.push(`Invalid interpolation format ${JSON.stringify(shown)} (escape a literal $ as $$)`);
    return undefined;
  };
  let k = start;
  if (!isNameStart(s.charCodeAt(k))) return invalid();
  while (k < s.length && isNameChar(s.charCodeAt(k))) k++;
  const name = s.slice(start, k);
  const value = lookup(env, name);
  if (s.charCodeAt(k) === 125 /* } */) {
    refs.push({ name, op: '', defined: value !== undefined });
    return { value: value ?? '', end: k + 1 };
  }
  const op = OPS.find((o) => s.startsWith(o, k));
  if (op === undefined) return invalid();
  const argStart = k + op.length;
  const argEnd = closingBrace(s, argStart);
  if (argEnd === -1) return invalid();
  const arg = s.slice(argStart, argEnd);
  const ref: VarRef = { name, op, arg, defined: value !== undefined };
  refs.push(ref);

  const argErrors: string[] = [];
  const argValue = arg.includes('$') ? expand(arg, env, refs, argErrors) : arg;
  if (argValue === undefined) {
    errors.push(...argErrors);
    return undefined;
  }
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const useArg = (): { value: string; end: number } => {
    errors.push(...argErrors);
    return { value: argValue, end: argEnd + 1 };
  };
  const end = argEnd + 1;
  switch (op) {
    case ':-':
      return nonEmpty ? { value: value!, end } : useArg();
    case '-':
      return set ? { value: value!, end } : useArg();
    case ':+':
      return nonEmpty ? useArg() : { value: '', end };
    case '+':
      return set ? useArg() : { value: '', end };
    case ':?':
    case '?':
      if (op === ':?' ? nonEmpty : set) return { value: value!, end };
      errors.push(...argErrors);
      errors.push(`${REQUIRED}${name} is missing a value${argValue ? `: ${argValue}` : ''}`);
      return { value: '', end };
  }
  return invalid();
}

/** Index of the `}` closing a `${`, counting nested `${…}` and skipping `$$`. */
function closingBrace(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 36 /* $ */) {
      const d = s.charCodeAt(i + 1);
      if (d === 36) i++;
      else if (d === 123) {
        depth++;
        i++;
      }
    } else if (c === 125 /* } */) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
