import type { Edit, Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { YScalar } from './ynode.js';
import { coarseMapper, shiftMapper, tableMapper } from '../shell/offsets.js';
import type { OffsetMapper } from '../shell/types.js';

/** Escapes of YAML double-quoted scalars that stand for one character. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Where each character of a scalar's value stands in the file (see `tableMapper`). */
export interface Alignment {
  starts: number[];
  ends: number[];
}

/**
 * Aligns a scalar's string `value` with its source `[start, end)` in any style (plain, quoted,
 * block, folded, multi-line). Returns null when the two do not line up (the value was
 * interpolated, or uses `\x`-style escapes).
 */
export function alignScalar(source: string, start: number, end: number, value: string): Alignment | null {
  let j = start;
  const first = source[j];
  const style = first === '"' ? 'double' : first === "'" ? 'single' : first === '|' || first === '>' ? 'block' : 'plain';
  if (style === 'double' || style === 'single') j++;
  if (style === 'block') {
    const nl = source.indexOf('\n', j);
    if (nl === -1 || nl >= end) return value === '' ? { starts: [end], ends: [] } : null;
    j = nl + 1;
  }
  const map: number[] = [];
  const ends: number[] = [];
  const put = (at: number, width: number) => {
    map.push(at);
    ends.push(at + width);
  };
  for (let i = 0; i < value.length; ) {
    if (j >= end) {
      // A block scalar's final line break lies past the span, which stops at the text.
      if (!/^\s*$/.test(value.slice(i))) return null;
      while (i++ < value.length) put(end, 0);
      break;
    }
    const v = value[i]!;
    const s = source[j]!;
    if (style === 'double' && s === '\\') {
      const next = source[j + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break: it and the next line's indentation vanish.
        j += 2;
        while (j < end && isSpace(source[j])) j++;
        continue;
      }
      if (next === undefined || ESCAPES[next] !== v) return null;
      put(j, 2);
      i++;
      j += 2;
    } else if (style === 'single' && s === "'") {
      if (source[j + 1] !== "'" || v !== "'") return null;
      put(j, 2);
      i++;
      j += 2;
    } else if (v === s) {
      put(j, 1);
      i++;
      j++;
    } else if (isSpace(s)) {
      // Folding: a line break (and the indentation after it) stands for one space, or nothing.
      if (isSpace(v)) {
        put(j, 1);
        i++;
      }
      j++;
    } else {
      return null;
    }
  }
  map.push(j);
  return { starts: map, ends };
}

/**
 * A mapper from offsets in a scalar's text as written (`raw`, else its value) to file offsets,
 * exact where the text can be aligned with the file and the whole scalar's span otherwise.
 */
export function scalarMapper(node: YScalar, file: SourceFile | undefined): OffsetMapper {
  const { start, end } = node.span;
  if (!file) return coarseMapper(start, end);
  const text = scalarText(node);
  const at = verbatimAt(file.text, node, text);
  if (at !== undefined) return shiftMapper(at);
  const a = alignScalar(file.text, start, end, text);
  return a ? tableMapper(a.starts, a.ends) : coarseMapper(start, end);
}

/** Quotes, escapes and line breaks are where a scalar's text and its source part ways. */
const NOT_VERBATIM = /["'\\\n\r]/;

/**
 * Where `text` starts in the file when the scalar is written exactly as it reads — one line,
 * no escapes, quoted or not — as most are; then offsets map by a shift, with no table.
 */
function verbatimAt(source: string, node: YScalar, text: string): number | undefined {
  const { start, end } = node.span;
  const q = source[start] === '"' || source[start] === "'" ? 1 : 0;
  if (text === '' || NOT_VERBATIM.test(text) || start + q + text.length > end || !source.startsWith(text, start + q)) return undefined;
  return start + q;
}

/** The scalar's text as written, before interpolation. */
export function scalarText(node: YScalar): string {
  return node.raw ?? (node.value === null ? '' : String(node.value));
}

/**
 * The span of characters `[from, to)` of a scalar's text as written (before interpolation),
 * exact where the text lines up with the file, else the whole scalar's span: never a wrong
 * column.
 */
export function subSpan(node: YScalar, sources: ReadonlyMap<string, SourceFile>, from: number, to: number): Span {
  const file = sources.get(node.span.file);
  if (!file) return node.span;
  // Most scalars are written verbatim: a shift, without building a mapper.
  const at = verbatimAt(file.text, node, scalarText(node));
  const [start, end] = at !== undefined ? [at + from, at + to] : scalarMapper(node, file)(from, to);
  return start === node.span.start && end === node.span.end ? node.span : file.span(start, end);
}

/** Inserts `text` at a mapped point; none when the point is not one place in the file. */
export function insertAt(file: SourceFile, [start, end]: readonly [number, number], text: string): Edit | undefined {
  return start === end ? { file: file.path, start, end, text } : undefined;
}

/** Replaces `old`, found at offset `from` of a scalar as written, with `text`; none when the file there does not read `old`. */
export function replaceAt(file: SourceFile, map: OffsetMapper, from: number, old: string, text: string): Edit | undefined {
  const [start, end] = map(from, from + old.length);
  return file.text.slice(start, end) === old ? { file: file.path, start, end, text } : undefined;
}
