import { appendPairEdit, fillEmptyPairEdit, indentUnit, replaceScalarEdit } from '../compose/map-edits.js';
import { lineEndAt, lineEnding, lineStartAt } from '../source/lines.js';
import type { ComposeStack, Service } from '../compose/model.js';
import { getPair, isMap, isScalar, type YPair, type YSeq } from '../compose/ynode.js';
import type { Edit, Fix } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { Dependency } from './depends-on.js';

const HEALTHY = 'service_healthy';
const STARTED = 'service_started';

/**
 * Makes `service` wait for `dep` to be healthy. A short list (`- db`) becomes the long form,
 * every entry keeping its meaning (`service_started`) except those `healthy` names, which wait
 * for `service_healthy`: so the findings of one list share one fix. In the long form the
 * condition is set or added. Unsafe: the dependant starts later, and not at all while the
 * dependency stays unhealthy.
 */
export function dependsOnHealthyFix(stack: ComposeStack, service: Service, dep: Dependency, healthy: (name: string) => boolean): Fix | undefined {
  const pair = getPair(service.node, 'depends_on');
  const file = pair && stack.sources.get(pair.value.span.file);
  if (!pair || !file) return undefined;
  const value = pair.value;
  let edits: Edit[] | undefined;
  if (value.kind === 'seq') edits = longForm(pair, value, file, healthy);
  else if (isMap(value)) {
    const entry = value.pairs.find((p) => p.key === dep.service && p.keySpan.file === file.path);
    const edit = entry && conditionEdit(entry, file);
    edits = edit && [edit];
  }
  return edits && { title: `Wait for ${dep.service} to be healthy`, safe: false, edits };
}

/** `condition: service_healthy` in one long-form entry. */
function conditionEdit(entry: YPair, file: SourceFile): Edit | undefined {
  // Merging a short list into a long one makes entries with no text of their own.
  if (entry.value.span === entry.keySpan) return undefined;
  const v = entry.value;
  if (!isMap(v)) return fillEmptyPairEdit(entry, { condition: HEALTHY }, file);
  const condition = getPair(v, 'condition');
  if (condition) return isScalar(condition.value) ? replaceScalarEdit(condition.value, HEALTHY, file) : undefined;
  if (v.pairs.length === 0 && /^\{\s*\}$/.test(file.text.slice(v.span.start, v.span.end))) {
    return { file: file.path, start: v.span.start, end: v.span.end, text: `{ condition: ${HEALTHY} }` };
  }
  return appendPairEdit(v, 'condition', HEALTHY, file);
}

/** The short list rewritten as the long form, item by item so comments stay on their lines. */
function longForm(pair: YPair, seq: YSeq, file: SourceFile, healthy: (name: string) => boolean): Edit[] | undefined {
  const items = seq.items;
  if (items.length === 0 || !items.every((i) => isScalar(i) && typeof i.value === 'string' && i.span.file === file.path)) return undefined;
  const cond = (i: (typeof items)[number]) => (healthy(String(isScalar(i) && i.value)) ? HEALTHY : STARTED);
  const text = file.text;
  if (text[seq.span.start] === '[') {
    if (text.slice(seq.span.start, seq.span.end).includes('\n')) return undefined;
    const entries = items.map((i) => `${text.slice(i.span.start, i.span.end)}: { condition: ${cond(i)} }`);
    return [{ file: file.path, start: seq.span.start, end: seq.span.end, text: `{ ${entries.join(', ')} }` }];
  }
  const unit = indentUnit(file);
  const eol = lineEnding(file);
  const edits: Edit[] = [];
  for (const item of items) {
    const lineStart = lineStartAt(text, item.span.start);
    const prefix = text.slice(lineStart, item.span.start);
    if (!/^ *- +$/.test(prefix)) return undefined;
    const dash = prefix.indexOf('-');
    // YAML lets a list sit at its key's column; a mapping's keys must be deeper.
    const indent = dash > pair.keySpan.column - 1 ? dash : pair.keySpan.column - 1 + unit;
    edits.push({ file: file.path, start: lineStart, end: item.span.end, text: `${' '.repeat(indent)}${text.slice(item.span.start, item.span.end)}:` });
    const end = lineEndAt(text, item.span.end);
    edits.push({ file: file.path, start: end, end, text: `${eol}${' '.repeat(indent + unit)}condition: ${cond(item)}` });
  }
  return edits;
}
