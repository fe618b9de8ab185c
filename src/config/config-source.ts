import type { Document, Node as YamlNode } from 'yaml';
import { yamlLib } from '../source/lazy-libs.js';
import { SourceFile } from '../source/source-file.js';

export type ConfigPath = ReadonlyArray<string | number>;

export interface ConfigPosition {
  line: number;
  column: number;
}

/**
 * The parsed config text, kept so later checks (rule ids, rule options, stack files) can point
 * at the exact key or value they reject.
 */
export class ConfigSource {
  constructor(
    /** The config path as messages show it. */
    readonly displayPath: string,
    private readonly file: SourceFile,
    private readonly doc: Document,
  ) {}

  /**
   * Where the value at `path` (or its key, with `part: 'key'`) starts. Falls back to the deepest
   * part of the path that exists, so a missing option still points at the options that lack it.
   */
  position(path: ConfigPath, part: 'key' | 'value' = 'value'): ConfigPosition {
    const offset = this.offset(path, part);
    return this.file.position(offset);
  }

  /** `file:line:col` for a path, ready to prefix a message. */
  where(path: ConfigPath, part: 'key' | 'value' = 'value'): string {
    const p = this.position(path, part);
    return `${this.displayPath}:${p.line}:${p.column}`;
  }

  private offset(path: ConfigPath, part: 'key' | 'value'): number {
    const { isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: unknown = this.doc.contents;
    let keyNode: YamlNode | undefined;
    for (const seg of path) {
      node = this.resolve(node);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value;
        if (node === null || node === undefined) {
          // `key:` with no value: the key is the only place to point at.
          return keyNode.range?.[0] ?? 0;
        }
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        keyNode = undefined;
        node = node.items[seg];
      } else {
        break;
      }
    }
    const target = part === 'key' && keyNode ? keyNode : (node as YamlNode | null | undefined);
    // A block mapping's range starts at its first key; its own key reads better in a message.
    if (part === 'value' && keyNode && isMap(target) && !target.flow) return keyNode.range?.[0] ?? 0;
    return target?.range?.[0] ?? 0;
  }

  private resolve(node: unknown): unknown {
    return yamlLib().isAlias(node) ? node.resolve(this.doc) : node;
  }
}
