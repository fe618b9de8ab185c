import type { Edit } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { YMap } from './ynode.js';

/**
 * An edit adding `key: value` as the last entry of a block mapping, on a line of its own with
 * the indentation of its siblings; undefined for flow mappings (`{…}`) and empty ones.
 */
export function appendPairEdit(map: YMap, key: string, value: string, file: SourceFile): Edit | undefined {
  const first = map.pairs[0];
  if (!first || file.text[map.span.start] === '{') return undefined;
  const indent = ' '.repeat(first.keySpan.column - 1);
  // After the line the mapping ends on, so a trailing comment stays where it is.
  const lineEnd = file.text.indexOf('\n', Math.max(map.span.end - 1, map.span.start));
  const at = lineEnd === -1 ? file.text.length : file.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return { file: file.path, start: at, end: at, text: `${eol}${indent}${key}: ${value}` };
}
