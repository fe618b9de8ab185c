import type { Alias, Node as YamlNode, Document } from 'yaml';
import { mapArray } from '../arrays.js';
import { yamlLib } from '../source/lazy-libs.js';
import type { SourceFile } from '../source/source-file.js';
import type { Span } from '../engine/types.js';
import { untagged } from './ynode.js';
import type { YMap, YNode, YPair } from './ynode.js';
import { fastParse, MAX_EXPANDED_NODES, trimEnd } from './fast-parse.js';
import { readBlockYaml } from './block-reader.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ParseProblem {
  message: string;
  span: Span;
}

export type ParseResult = { ok: true; root: YMap } | { ok: false; problem: ParseProblem };

/** A `#` comment and where it sits, for inline suppressions. */
export interface CommentLine {
  line: number;
  text: string;
  /** The comment is alone on its line (applies to the next line) rather than trailing. */
  ownLine: boolean;
}

/** Parses a Compose file into the positioned tree, or one problem with its position. */
export function parseYamlFile(file: SourceFile): ParseResult {
  // Ordinary files are read straight from the text, then the CST fast path takes what that
  // reader leaves; anything neither handles (and every error) goes through yaml's Document,
  // which yields the same tree or the problem.
  const pre = precheck(file);
  if (pre) return pre;
  const block = readBlockYaml(file);
  if (block) {
    untagged.add(block.root);
    return block;
  }
  return fastParse(file) ?? parseWithDocument(file);
}

/** The Document-based path alone: the reference the fast path is tested against. */
export function parseYamlFileWithDocument(file: SourceFile): ParseResult {
  return precheck(file) ?? parseWithDocument(file);
}

const failAt = (file: SourceFile, message: string, start = 0, end = start): ParseResult => ({ ok: false, problem: { message, span: file.span(start, end) } });

function precheck(file: SourceFile): ParseResult | undefined {
  const text = file.text;
  if (text.length > MAX_FILE_BYTES) return failAt(file, `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const nul = text.indexOf('\0');
  if (nul !== -1) return failAt(file, 'File is binary, not YAML', nul, nul + 1);
  if (text.trim() === '') return failAt(file, 'File is empty');
  return undefined;
}

function parseWithDocument(file: SourceFile): ParseResult {
  const yaml = yamlLib();
  const fail = (message: string, start = 0, end = start): ParseResult => failAt(file, message, start, end);
  const doc = yaml.parseDocument(file.text, { keepSourceTokens: false, lineCounter: new (yaml.LineCounter)(), uniqueKeys: true, prettyErrors: false, strict: true });
  const err = doc.errors[0];
  if (err) return fail(yamlMessage(err.message), err.pos[0], Math.max(err.pos[0] + 1, err.pos[1]));

  const contents = doc.contents;
  if (!yaml.isMap(contents)) {
    const [s, e] = contents?.range ?? [0, 0];
    return fail('A Compose file must be a mapping at the top level', s, e);
  }
  try {
    const root = new Converter(file, doc).node(contents) as YMap;
    return { ok: true, root };
  } catch (e) {
    if (e instanceof ConvertError) return fail(e.message, e.start, e.end);
    throw e;
  }
}

class ConvertError extends Error {
  constructor(message: string, readonly start: number, readonly end: number) {
    super(message);
  }
}

/** First line of yaml's message, without the code-frame it sometimes appends. */
function yamlMessage(m: string): string {
  return m.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class Converter {
  private readonly yaml = yamlLib();
  private expanded = 0;
  private readonly sizes = new Map<YamlNode, number>();
  private readonly cache = new Map<YamlNode, YNode>();

  constructor(private readonly file: SourceFile, private readonly doc: Document) {}

  node(n: unknown, fallbackAt = 0): YNode {
    if (this.yaml.isAlias(n)) {
      const target = this.resolve(n);
      if (!target) throw new ConvertError(`Unknown alias *${n.source}`, n.range?.[0] ?? fallbackAt, n.range?.[1] ?? fallbackAt);
      // An alias inside its own anchor's node would expand forever.
      if ((n.range?.[0] ?? 0) < (target.range?.[1] ?? 0)) throw new ConvertError(`Alias *${n.source} refers to a node that contains it`, n.range?.[0] ?? fallbackAt, n.range?.[1] ?? fallbackAt);
      this.count(target, n.range?.[0] ?? fallbackAt);
      // Aliases share the converted node: the tree stays as small as the text.
      return this.cached(target);
    }
    if (n === null || n === undefined) return { kind: 'scalar', value: null, quoted: false, span: this.file.span(fallbackAt) };
    return this.cached(n as YamlNode);
  }

  /**
   * yaml's own Alias.resolve walks the whole document per call; stacks repeat aliases
   * (`logging: *default-logging` in every service), so anchors are indexed once. An alias
   * refers to the closest anchor of its name before it.
   */
  private anchors?: Map<string, YamlNode[]>;

  private resolve(alias: Alias): YamlNode | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, YamlNode[]>();
      this.yaml.visit(this.doc, {
        Node(_, node) {
          if (node.anchor) anchors.set(node.anchor, [...(anchors.get(node.anchor) ?? []), node]);
        },
      });
      this.anchors = anchors;
    }
    const at = alias.range?.[0] ?? 0;
    const candidates = this.anchors.get(alias.source) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) if ((candidates[i]!.range?.[0] ?? 0) < at) return candidates[i];
    return undefined;
  }

  private cached(n: YamlNode): YNode {
    let y = this.cache.get(n);
    if (!y) {
      y = this.convert(n);
      this.cache.set(n, y);
    }
    return y;
  }

  private convert(n: YamlNode): YNode {
    // range[1] is where the value ends; range[2] would take in a trailing comment.
    const [start, valueEnd, end] = n.range ?? [0, 0, 0];
    const span = this.file.span(start, trimEnd(this.file.text, start, valueEnd));
    const tag = n.tag && !n.tag.startsWith('tag:yaml.org') ? n.tag : undefined;
    if (this.yaml.isScalar(n)) {
      const quoted = n.type === this.yaml.Scalar.QUOTE_DOUBLE || n.type === this.yaml.Scalar.QUOTE_SINGLE;
      const v = n.value;
      const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      return { kind: 'scalar', value: tag && typeof value !== 'string' && value !== null ? String(n.source ?? value) : value, quoted, span, ...(tag && { tag }) };
    }
    if (this.yaml.isSeq(n)) {
      const items = mapArray(n.items, (i) => this.node(i, end));
      return { kind: 'seq', items, span: this.blockSpan(n, span, items.at(-1)?.span), ...(tag && { tag }) };
    }
    if (this.yaml.isMap(n)) {
      const pairs = this.pairs(n.items, end);
      const last = pairs.at(-1);
      return { kind: 'map', pairs, span: this.blockSpan(n, span, last && (last.value.span.end >= last.keySpan.end ? last.value.span : last.keySpan)), ...(tag && { tag }) };
    }
    throw new ConvertError('Unsupported YAML node', start, end);
  }

  /** A block collection ends where its last entry ends, not after trailing comments. */
  private blockSpan(n: { flow?: boolean }, span: Span, last: Span | undefined): Span {
    if (n.flow || !last || last.end < span.start) return span;
    return this.file.span(span.start, last.end);
  }

  private pairs(items: unknown[], end: number): YPair[] {
    const own: YPair[] = [];
    const merged: YPair[] = [];
    for (const item of items) {
      if (!this.yaml.isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const keyRange = keyNode?.range ?? [end, end, end];
      const keySpan = this.file.span(keyRange[0], keyRange[1]);
      const key = this.yaml.isScalar(keyNode) ? String(keyNode.value) : null;
      if (key === null) throw new ConvertError('Mapping keys must be plain scalars', keyRange[0], keyRange[1]);
      if (key === '<<' && !(this.yaml.isScalar(keyNode) && keyNode.type !== this.yaml.Scalar.PLAIN)) {
        // YAML merge key: `<<: *base` or `<<: [*a, *b]`; earlier sources win, own keys win over all.
        const v = this.node(item.value, keyRange[1]);
        const sources = v.kind === 'seq' ? v.items : [v];
        for (const src of sources) {
          if (src.kind !== 'map') throw new ConvertError('A merge key (<<) must refer to a mapping', keyRange[0], keyRange[1]);
          for (const p of src.pairs) if (!merged.some((m) => m.key === p.key)) merged.push(p);
        }
        continue;
      }
      own.push({ key, keySpan, value: this.node(item.value, keyRange[1]) });
    }
    return [...own, ...merged.filter((m) => !own.some((o) => o.key === m.key))];
  }

  /** Counts the nodes an alias expands to, so a billion-laughs document is refused early. */
  private count(target: YamlNode, at: number): void {
    this.expanded += this.size(target);
    if (this.expanded > MAX_EXPANDED_NODES) {
      throw new ConvertError(`Aliases expand to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb?)`, at, at + 1);
    }
  }

  private size(n: unknown): number {
    if (this.yaml.isAlias(n)) {
      const t = this.resolve(n);
      return t ? this.size(t) : 1;
    }
    if (!n || typeof n !== 'object') return 1;
    const known = this.sizes.get(n as YamlNode);
    if (known !== undefined) return known;
    let s = 1;
    if (this.yaml.isSeq(n)) for (const i of n.items) s += this.size(i);
    else if (this.yaml.isMap(n)) for (const p of n.items) s += 1 + this.size(p.value);
    this.sizes.set(n as YamlNode, s);
    return s;
  }
}

/** Finds `#` comments line by line, skipping `#` inside quoted strings. Cheap: no YAML needed. */
export function scanComments(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  if (!text.includes('#')) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const hash = l.indexOf('#');
    if (hash === -1) continue;
    let quote: string | null = null;
    for (let c = 0; c < l.length; c++) {
      const ch = l[c]!;
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") {
        if (c === 0 || /[\s:[{,-]/.test(l[c - 1]!)) quote = ch;
      } else if (ch === '#' && (c === 0 || /\s/.test(l[c - 1]!))) {
        out.push({ line: i + 1, text: l.slice(c + 1).trim(), ownLine: l.slice(0, c).trim() === '' });
        break;
      }
    }
  }
  return out;
}
