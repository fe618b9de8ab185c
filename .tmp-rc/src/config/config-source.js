import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
/**
 * The parsed config text, kept so later checks (rule ids, rule options, stack files) can point
 * at the exact key or value they reject.
 */
export class ConfigSource {
    displayPath;
    file;
    doc;
    constructor(
    /** The config path as messages show it. */
    displayPath, file, doc) {
        this.displayPath = displayPath;
        this.file = file;
        this.doc = doc;
    }
    /**
     * Where the value at `path` (or its key, with `part: 'key'`) starts. Falls back to the deepest
     * part of the path that exists, so a missing option still points at the options that lack it.
     */
    position(path, part = 'value') {
        const offset = this.offset(path, part);
        return this.file.position(offset);
    }
    /** `file:line:col` for a path, ready to prefix a message. */
    where(path, part = 'value') {
        const p = this.position(path, part);
        return `${this.displayPath}:${p.line}:${p.column}`;
    }
    offset(path, part) {
        let node = this.doc.contents;
        let keyNode;
        for (const seg of path) {
            node = this.resolve(node);
            if (isMap(node)) {
                const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
                if (!pair)
                    break;
                keyNode = pair.key;
                node = pair.value;
                if (node === null || node === undefined) {
                    // `key:` with no value: the key is the only place to point at.
                    return keyNode.range?.[0] ?? 0;
                }
            }
            else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
                keyNode = undefined;
                node = node.items[seg];
            }
            else {
                break;
            }
        }
        const target = part === 'key' && keyNode ? keyNode : node;
        // A block mapping's range starts at its first key; its own key reads better in a message.
        if (part === 'value' && keyNode && isMap(target) && !target.flow)
            return keyNode.range?.[0] ?? 0;
        return target?.range?.[0] ?? 0;
    }
    resolve(node) {
        return isAlias(node) ? node.resolve(this.doc) : node;
    }
}
