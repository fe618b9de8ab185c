import { isScalar, isSeq } from '../compose/ynode.js';
import { analyzeCommands } from './analyze.js';
import { coarseMapper, lazyMapper, mapCommand } from './offsets.js';
import { fromWords } from './simple-command.js';
import { scalarMapper, scalarText } from './yaml-scalar.js';
const EMPTY = [];
/**
 * Analyses a `command` / `entrypoint` as written (before interpolation, so positions map to
 * the file): string form as one shell line, list form as argv (its `sh -c` body parsed).
 * When `prefilter` is given and the text cannot match it, nothing is parsed.
 */
export function analyzeCommandSpec(spec, sources, prefilter) {
    const file = sources.get(spec.span.file);
    const span = (start, end) => (file ? file.span(start, end) : spec.span);
    const site = (commands) => ({ commands, span });
    const node = spec.node;
    if (isSeq(node)) {
        const words = [];
        for (const item of node.items) {
            if (!isScalar(item))
                continue;
            words.push({ text: scalarText(item), start: item.span.start, end: item.span.end, map: lazyMapper(() => scalarMapper(item, file)) });
        }
        if (prefilter && !prefilter.test(words.map((w) => w.text).join(' ')))
            return site(EMPTY);
        return site(fromWords(words, 0, analyzeCommands));
    }
    const text = isScalar(node) ? scalarText(node) : spec.text;
    if (prefilter && !prefilter.test(text))
        return site(EMPTY);
    const commands = analyzeCommands(text);
    if (commands.length === 0)
        return site(EMPTY);
    const map = isScalar(node) ? scalarMapper(node, file) : coarseMapper(spec.span.start, spec.span.end);
    return site(commands.map((c) => mapCommand(c, map)));
}
