import type { Edit } from '../engine/types.js';
import { memoized } from '../memo.js';
import { lineEndAt, lineEnding, lineStartAt } from '../source/lines.js';
import type { SourceFile } from '../source/source-file.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from './ynode.js';

/**
 * A value to write in block style: a string is YAML text as it should appear (quoted by the
 * caller where needed; '' leaves the key empty), an array a block sequence, an object a block
 * mapping.
 */
export type BlockValue = string | BlockValue[] | { [key: string]: BlockValue };

/** The file's indentation step: the indentation of its first indented line (2 when none is). Fixes for many findings of one file ask. */
export const indentUnit = memoized((file: SourceFile): number => /^\n?( +)[^\s#]/m.exec(file.text.replace(/\r/g, ''))?.[1]!.length ?? 2);

/** `key: value` as lines at `indent` columns, each line preceded by `eol`. */
function renderPair(key: string, value: BlockValue, indent: number, unit: number, eol: string): string {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') return `${eol}${pad}${key}:${value === '' ? '' : ' '}${value}`;
  return `${eol}${pad}${key}:${renderBody(value, indent + unit, unit, eol)}`;
}

function renderBody(value: BlockValue[] | { [key: string]: BlockValue }, indent: number, unit: number, eol: string): string {
  if (!Array.isArray(value)) return Object.entries(value).map(([k, v]) => renderPair(k, v, indent, unit, eol)).join('');
  return value.map((item) => renderItem(item, ' '.repeat(indent) + '- ', indent + 2, unit, eol)).join('');
}

/** One sequence item: `prefix` is the text before it on its line (`    - `); `inner` the column of its content. */
function renderItem(item: BlockValue, prefix: string, inner: number, unit: number, eol: string): string {
  if (typeof item === 'string') return `${eol}${prefix}${item}`;
  // The item's first line shares the dash; the rest line up under it.
  const body = renderBody(item, inner, unit, eol);
  return `${eol}${prefix}${body.slice(eol.length + inner)}`;
}

/** Where the line after the one holding `offset` starts (the end of the text on the last line). */
function nextLineAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The pairs of a mapping written in `file` inside the mapping itself: a merged mapping may hold
 * pairs of several files, and `<<: *anchor` pairs written elsewhere in the same file.
 */
function pairsIn(map: YMap, file: SourceFile): YPair[] {
  const own = map.span.file === file.path;
  return map.pairs.filter((p) => p.keySpan.file === file.path && (!own || (p.keySpan.start >= map.span.start && p.keySpan.start < map.span.end)));
}

/** Where a pair's text ends: its value's end, or its key's when the value is empty. */
function pairEnd(p: YPair): number {
  return Math.max(p.keySpan.end, p.value.span.file === p.keySpan.file ? p.value.span.end : 0);
}

/**
 * An edit adding `key: value` as the last entry of a block mapping, on lines of its own with
 * the indentation of its siblings; undefined for flow mappings (`{…}`) and empty ones.
 */
export function appendPairEdit(map: YMap, key: string, value: BlockValue, file: SourceFile): Edit | undefined {
  return appendPairsEdit(map, { [key]: value }, file);
}

/** Like appendPairEdit, for several entries in one insertion. */
export function appendPairsEdit(map: YMap, entries: Readonly<Record<string, BlockValue>>, file: SourceFile): Edit | undefined {
  const pairs = pairsIn(map, file);
  const first = pairs[0];
  if (!first || isFlow(map, file)) return undefined;
  // After the line the mapping ends on, so a trailing comment stays where it is.
  const at = lineEndAt(file.text, Math.max(...pairs.map(pairEnd)) - 1);
  return { file: file.path, start: at, end: at, text: renderBody(entries, first.keySpan.column - 1, indentUnit(file), lineEnding(file)) };
}

/**
 * An edit giving an empty key (`volumes:` with nothing after it) its first entries, indented
 * one step under the key; undefined when the key has a value.
 */
export function fillEmptyPairEdit(pair: YPair, entries: Readonly<Record<string, BlockValue>>, file: SourceFile): Edit | undefined {
  const v = pair.value;
  if (v.kind !== 'scalar' || v.value !== null || v.quoted || pair.keySpan.file !== file.path) return undefined;
  const unit = indentUnit(file);
  const at = lineEndAt(file.text, pair.keySpan.end);
  // Only a comment may follow the colon: anything else is a value the tree did not show.
  if (!/^:\s*(#.*)?$/.test(file.text.slice(pair.keySpan.end, at))) return undefined;
  return { file: file.path, start: at, end: at, text: renderBody(entries, pair.keySpan.column - 1 + unit, unit, lineEnding(file)) };
}

/**
 * An edit adding entries under the top-level `section` (`volumes`, `secrets`…) of `file`,
 * creating the section at the end of the file when the file has none. `root` is the stack's
 * merged tree: its section is used only when it was read from `file`.
 */
export function addTopLevelEntriesEdit(root: YMap, section: string, entries: Readonly<Record<string, BlockValue>>, file: SourceFile): Edit | undefined {
  const pair = root.pairs.find((p) => p.key === section && p.keySpan.file === file.path);
  if (!pair) {
    // Another file's section may hide one in this file: then leave it alone.
    if (new RegExp(`^${section}\\s*:`, 'm').test(file.text)) return undefined;
    const eol = lineEnding(file);
    const unit = indentUnit(file);
    const text = file.text;
    const lead = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
    return { file: file.path, start: text.length, end: text.length, text: `${lead}${section}:${renderBody(entries, unit, unit, eol)}${eol}` };
  }
  if (pair.value.kind === 'map' && pair.value.span.file === file.path) return appendPairsEdit(pair.value, entries, file);
  return fillEmptyPairEdit(pair, entries, file);
}

/**
 * An edit removing one entry of a block mapping, its lines and line breaks; when it is the
 * mapping's only entry in the file, `parent`'s whole pair goes with it.
 */
export function removePairEdit(map: YMap, pair: YPair, file: SourceFile, parent?: YPair): Edit | undefined {
  if (isFlow(map, file) || pair.keySpan.file !== file.path) return undefined;
  const pairs = pairsIn(map, file);
  if (parent && pairs.length === 1 && pairs[0] === pair && parent.keySpan.file === file.path) return removeLinesEdit(file, parent.keySpan.start, pairEnd(pair));
  return removeLinesEdit(file, pair.keySpan.start, pairEnd(pair));
}

/**
 * An edit adding an item at the end of a block sequence, written like the last item (same
 * dash column); undefined for flow sequences and empty ones.
 */
export function appendItemEdit(seq: YSeq, item: BlockValue, file: SourceFile): Edit | undefined {
  const items = seq.items.filter((i) => i.span.file === file.path);
  const last = items[items.length - 1];
  if (!last || isFlow(seq, file)) return undefined;
  const prefix = file.text.slice(lineStartAt(file.text, last.span.start), last.span.start);
  // The last item must start its own line (`  - x`), not share it with its parent.
  if (!/^ *- +$/.test(prefix)) return undefined;
  const at = lineEndAt(file.text, last.span.end - 1);
  return { file: file.path, start: at, end: at, text: renderItem(item, prefix, prefix.length, indentUnit(file), lineEnding(file)) };
}

/** Characters that force a plain scalar into quotes when they start it. */
const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/**
 * An edit replacing a scalar's value with `value`, in the scalar's own quoting: double quotes
 * stay double, single stay single, plain stays plain unless `value` needs quotes.
 */
export function replaceScalarEdit(node: YScalar, value: string, file: SourceFile): Edit | undefined {
  const { start, end } = node.span;
  if (node.span.file !== file.path) return undefined;
  const q = file.text[start];
  if (q === '|' || q === '>') return undefined;
  let text = value;
  if (q === "'") text = `'${value.replace(/'/g, "''")}'`;
  else if (q === '"' || needsQuotes(value)) text = `"${value.replace(/["\\]/g, '\\$&')}"`;
  return { file: file.path, start, end, text };
}

/** Whether `value` would not read back as the same string if written plain. */
export function needsQuotes(value: string): boolean {
  return value === '' || PLAIN_UNSAFE_START.test(value) || /\s$|: |:$| #|[\r\n\t]/.test(value) ||
    /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) || /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value);
}

/**
 * An edit removing the whole lines from the one holding `start` to the one holding `end - 1`,
 * line breaks included.
 */
function removeLinesEdit(file: SourceFile, start: number, end: number): Edit {
  return { file: file.path, start: lineStartAt(file.text, start), end: nextLineAt(file.text, Math.max(start, end - 1)), text: '' };
}

/** Flow collections start with their bracket; block ones with their first key or dash. */
function isFlow(node: YNode, file: SourceFile): boolean {
  const c = file.text[node.span.start];
  return c === '{' || c === '[';
}
