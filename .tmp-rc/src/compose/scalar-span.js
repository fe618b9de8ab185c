/**
 * The span of characters `[from, to)` of a scalar's text as written (before interpolation),
 * when that text stands verbatim in the file: a plain or quoted one-line scalar without
 * escapes. Otherwise the whole scalar's span: never a wrong column.
 */
export function subSpan(node, sources, from, to) {
    const file = sources.get(node.span.file);
    const written = node.raw ?? (node.value === null ? '' : String(node.value));
    if (!file)
        return node.span;
    const start = node.span.start + (node.quoted ? 1 : 0);
    if (file.text.slice(start, start + written.length) !== written)
        return node.span;
    return file.span(start + from, start + to);
}
