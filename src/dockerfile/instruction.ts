/** Instructions from scanned logical lines: keyword, flags, arguments, exec-or-shell forms. */
import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import type { SpanMaker } from './spans.js';
import type { OffsetMap } from './offset-map.js';
import type { ExecOrShell, Flag, Instruction } from './types.js';
import { extractFlags, parseJsonStrings, unquote } from './words.js';

export const KEYWORDS: ReadonlySet<string> = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** An instruction with the logical line it came from, for the model builders. */
export interface LineInstruction {
  instruction: Instruction;
  /** The logical line, keyword first. */
  text: string;
  map: OffsetMap;
  /** Where `argsText` starts in `text`. */
  argsStart: number;
}

/** Builds an instruction from a logical line `text` (keyword first) mapped to the file by `map`. */
export function makeInstruction(file: SpanMaker, text: string, map: OffsetMap, end: number): LineInstruction {
  const n = text.length;
  let kwEnd = 0;
  while (kwEnd < n && !isBlank(text.charCodeAt(kwEnd))) kwEnd++;
  let argsStart = kwEnd;
  while (argsStart < n && isBlank(text.charCodeAt(argsStart))) argsStart++;
  const flags: Flag[] = [];
  // Most instructions have no flags: skip extractFlags and its result objects.
  if (text.charCodeAt(argsStart) === 45 && text.charCodeAt(argsStart + 1) === 45) {
    const extracted = extractFlags(text, argsStart);
    argsStart = extracted.rest;
    for (const f of extracted.flags) {
      const span = file.span(map.toFile(f.start), map.toFile(f.end, 'end'));
      flags.push(f.value === undefined ? { name: f.name, span } : { name: f.name, value: f.value, span });
    }
  }
  const start = map.toFile(0);
  const kwFileEnd = map.toFile(kwEnd, 'end');
  const argsText = argsStart < n ? text.slice(argsStart) : '';
  const argsFileStart = argsText ? map.toFile(argsStart) : kwFileEnd;
  const instruction: Instruction = {
    keyword: keywordOf(text, kwEnd),
    span: file.span(start, end),
    keywordSpan: file.span(start, kwFileEnd),
    argsText,
    argsSpan: file.span(argsFileStart, argsText ? map.toFile(n, 'end') : argsFileStart),
    flags,
    argsToFile: (o, side) => map.toFile(argsStart + o, side),
  };
  return { instruction, text, map, argsStart };
}

/** The upper-case keyword; the usual spellings map to one shared string without a slice. */
function keywordOf(text: string, kwEnd: number): string {
  for (const k of KEYWORD_LIST) if (k.length === kwEnd && text.startsWith(k)) return k;
  return text.slice(0, kwEnd).toUpperCase();
}

const KEYWORD_LIST = [...KEYWORDS];

const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);


/**
 * Exec form when the text from `from` on is a JSON array of strings, else shell form (Docker's
 * fallback for malformed JSON). Offsets are in `ins.argsText`.
 */
export function execOrShell(file: SpanMaker, ins: Instruction, from = 0): Omit<ExecOrShell, 'instruction'> & { argvSpans?: Span[] } {
  const text = ins.argsText;
  const json = text[from] === '[' ? parseJsonStrings(text, from) : undefined;
  if (json) {
    return {
      form: 'exec',
      argv: json.values,
      argvSpans: mapArray(json.ranges, ([s, e]) => file.span(ins.argsToFile(s), ins.argsToFile(e, 'end'))),
      toFile: ins.argsToFile,
    };
  }
  return { form: 'shell', script: text.slice(from), toFile: (o, side) => ins.argsToFile(from + o, side) };
}

/** `--mount` value: comma-separated `key=value` options, fields may be double-quoted (CSV). */
export function parseMountOptions(value: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const field of value.match(/(?:"[^"]*"|[^,])+/g) ?? []) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).trim();
    if (key) options[unquote(key, '\\')] = eq === -1 ? '' : unquote(field.slice(eq + 1), '\\');
  }
  return options;
}
