import type { CST } from 'yaml';
import { yamlLib } from '../source/lazy-libs.js';
import type { SourceFile } from '../source/source-file.js';
import type { Span } from '../engine/types.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from './ynode.js';

/**
 * Builds the positioned tree straight from yaml's CST, skipping the Document the Composer
 * would build. It follows yaml's composer (compose-node, resolve-props, resolve-block-map,
 * resolve-block-seq, resolve-flow-collection, resolve-end, compose-doc) step by step, so
 * node ranges come out exactly as yaml computes them, but wherever yaml would report an
 * error — or the input uses anything rare this module does not handle (directives, several
 * documents, explicit `?` keys, non-scalar keys, `!!` tags, anchors on keys…) — it gives up
 * and `parseYamlFile` takes the Document path, which produces the same tree or the problem.
 */

/** Nodes a document may expand to through aliases before it counts as an alias bomb. */
export const MAX_EXPANDED_NODES = 200_000;

/** yaml's value end may include trailing whitespace of block scalars; spans stop at the text. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

export function fastParse(file: SourceFile): { ok: true; root: YMap } | undefined {
  try {
    const doc = cstDocument(file.text);
    return doc && { ok: true, root: new TreeBuilder(file).document(doc) };
  } catch {
    // GIVE_UP, or the stack running out on absurdly deep nesting: the Document path reports
    // that as a problem of its own.
    return undefined;
  }
}

/** A stand-in for `process.env` while yaml's Parser runs (see `cstDocument`). */
const QUIET_ENV: NodeJS.ProcessEnv = Object.freeze({});

/** The text's only document, if the stream holds nothing else but comments and blank lines. */
function cstDocument(text: string): CST.Document | undefined {
  // yaml's Parser reads `process.env.LOG_TOKENS` once per token, and Node's env is a native
  // getter (~160 ns a read): a third of the parse on Compose files. A plain object stands in
  // while the parser runs; nothing else runs meanwhile, and the real env is put back after.
  const env = process.env;
  const swap = env.LOG_TOKENS === undefined;
  if (swap) process.env = QUIET_ENV;
  try {
    let doc: CST.Document | undefined;
    for (const token of new (yamlLib().Parser)().parse(text)) {
      switch (token.type) {
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          continue;
        case 'document':
          if (doc) return undefined;
          doc = token;
          continue;
        default:
          // directives, `...`, parser errors
          return undefined;
      }
    }
    return doc;
  } finally {
    if (swap) process.env = env;
  }
}

/** Thrown to unwind to `fastParse`. */
const GIVE_UP: unique symbol = Symbol('fast-parse gives up');
function giveUp(): never {
  throw GIVE_UP;
}

type Source = CST.SourceToken;

interface Props {
  comma: Source | null;
  found: Source | null;
  comment: boolean;
  hasNewline: boolean;
  anchor: Source | null;
  tag: Source | null;
  newlineAfterProp: Source | null;
  end: number;
  start: number;
}

interface PropsOptions {
  flow?: boolean;
  indicator: 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';
  next: CST.Token | null | undefined;
  offset: number;
  parentIndent: number;
  startOnNewline: boolean;
}

/** yaml's resolveProps, with every error turned into giving up. */
function resolveProps(tokens: Source[], o: PropsOptions): Props {
  let atNewline = o.startOnNewline;
  let hasSpace = o.startOnNewline;
  let comment = false;
  let hasNewline = false;
  let reqSpace = false;
  let tab: Source | null = null;
  let anchor: Source | null = null;
  let tag: Source | null = null;
  let newlineAfterProp: Source | null = null;
  let comma: Source | null = null;
  let found: Source | null = null;
  let start: number | null = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') giveUp();
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== 'comment' && token.type !== 'newline') giveUp();
      tab = null;
    }
    switch (token.type) {
      case 'space':
        if (!o.flow && (o.indicator !== 'doc-start' || o.next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) giveUp();
        comment = true;
        atNewline = false;
        break;
      case 'newline':
        atNewline = true;
        hasNewline = true;
        if (anchor || tag) newlineAfterProp = token;
        hasSpace = true;
        break;
      case 'anchor':
        if (anchor) giveUp();
        anchor = token;
        start ??= token.offset;
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case 'tag':
        if (tag) giveUp();
        tag = token;
        start ??= token.offset;
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case o.indicator:
        if (anchor || tag || found) giveUp();
        found = token;
        atNewline = o.indicator === 'seq-item-ind' || o.indicator === 'explicit-key-ind';
        hasSpace = false;
        break;
      case 'comma':
        if (o.flow) {
          if (comma) giveUp();
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
        giveUp();
      default:
        giveUp();
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : o.offset;
  const next = o.next;
  if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) giveUp();
  if (tab && ((atNewline && tab.indent <= o.parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) giveUp();
  return { comma, found, comment, hasNewline, anchor, tag, newlineAfterProp, end, start: start ?? end };
}

/** yaml's resolveEnd: where a node's trailing spaces, comments and line break end. */
function resolveEnd(end: Source[] | undefined, offset: number, reqSpace: boolean): number {
  if (!end) return offset;
  let hasSpace = false;
  for (const token of end) {
    switch (token.type) {
      case 'space':
      case 'newline':
        hasSpace = true;
        break;
      case 'comment':
        if (reqSpace && !hasSpace) giveUp();
        break;
      default:
        giveUp();
    }
    offset += token.source.length;
  }
  return offset;
}

/** yaml's emptyScalarPosition: an empty value sits after the spaces that follow its indicator. */
function emptyScalarPosition(offset: number, before: Source[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    let st = before[i]!;
    if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
      offset -= st.source.length;
      continue;
    }
    st = before[++i]!;
    while (st?.type === 'space') {
      offset += st.source.length;
      st = before[++i]!;
    }
    break;
  }
  return offset;
}

function containsNewline(key: CST.Token | null | undefined): boolean {
  if (!key) return false;
  switch (key.type) {
    case 'alias':
    case 'scalar':
    case 'double-quoted-scalar':
    case 'single-quoted-scalar':
      if (key.source.includes('\n')) return true;
      if (key.end) for (const st of key.end) if (st.type === 'newline') return true;
      return false;
    default:
      return true;
  }
}

const isBlock = (t: CST.Token | null | undefined): boolean => t?.type === 'block-map' || t?.type === 'block-seq';

/** Local tags such as `!reset` and `!override`; yaml resolves them to strings, unchanged. */
const LOCAL_TAG = /^![A-Za-z0-9_.-]+$/;

function tagOf(props: Props): string | undefined {
  if (!props.tag) return undefined;
  if (!LOCAL_TAG.test(props.tag.source)) giveUp();
  return props.tag.source;
}

// The YAML 1.2 core schema, as yaml's tags in schema/core and schema/common test and resolve
// plain scalars, in the schema's order.
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** First characters that can begin a null, bool or number; anything else is a string. */
const MAY_BE_TYPED = new Uint8Array(128);
for (const c of '0123456789+-.~nNtTfF') MAY_BE_TYPED[c.charCodeAt(0)] = 1;

/** A plain scalar's value under the core schema. */
export function coreValue(s: string): string | number | boolean | null {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  if (c >= 128 || !MAY_BE_TYPED[c]) return s;
  if (CORE_NULL.test(s)) return null;
  if (CORE_BOOL.test(s)) return c === 0x74 /* t */ || c === 0x54 /* T */;
  if (CORE_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (CORE_INT.test(s)) return parseInt(s, 10);
  if (CORE_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (CORE_NAN_INF.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (CORE_EXP.test(s) || CORE_FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** Plain scalars whose first character yaml rejects. */
export const BAD_PLAIN_START: ReadonlySet<string> = new Set(['\t', ',', '%', '|', '>', '@', '`']);

interface Anchor {
  node: YNode | undefined;
  size: number;
}

/**
 * One pass over the CST. Each compose method returns the node and leaves yaml's range end
 * with trailing comments (`range[2]`) in `end` and the node count in `size`, for the parent.
 */
class TreeBuilder {
  private start = 0;
  private valueEnd = 0;
  private end = 0;
  private size = 0;
  private expanded = 0;
  private readonly anchors = new Map<string, Anchor>();
  private readonly text: string;

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
  }

  document(doc: CST.Document): YMap {
    const value = doc.value;
    const props = resolveProps(doc.start, { indicator: 'doc-start', next: value ?? doc.end?.[0], offset: doc.offset, parentIndent: 0, startOnNewline: true });
    if (!value || props.anchor || props.tag) giveUp();
    if (props.found && isBlock(value) && !props.hasNewline) giveUp();
    const isMapToken = value.type === 'block-map' || (value.type === 'flow-collection' && value.start.source === '{');
    if (!isMapToken) giveUp();
    const root = this.node(value, props) as YMap;
    resolveEnd(doc.end, this.end, false);
    return root;
  }

  private node(token: CST.Token, props: Props): YNode {
    switch (token.type) {
      case 'alias':
        if (props.anchor || props.tag) giveUp();
        return this.alias(token);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const n = this.scalar(token, tagOf(props));
        if (props.anchor) this.anchors.set(anchorName(props.anchor), { node: n, size: 1 });
        return n;
      }
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        return this.collection(token, props);
      default:
        return giveUp();
    }
  }

  private alias(token: CST.FlowScalar): YNode {
    const name = token.source.substring(1);
    if (name === '') giveUp();
    const target = this.anchors.get(name);
    // Unknown aliases and aliases inside their own anchor are left to the Document path.
    if (!target?.node) giveUp();
    this.expanded += target.size;
    if (this.expanded > MAX_EXPANDED_NODES) giveUp();
    this.end = resolveEnd(token.end, token.offset + token.source.length, true);
    this.size = target.size;
    return target.node;
  }

  /** Resolves a scalar's string as yaml's resolveFlowScalar / resolveBlockScalar do; leaves its range in `start`, `valueEnd` and `end`. */
  private scalarText(token: CST.FlowScalar | CST.BlockScalar): string {
    const source = token.source;
    if ((token.type === 'scalar' || token.type === 'single-quoted-scalar') && !source.includes('\n')) {
      // One-line plain and single-quoted scalars need none of the line folding.
      this.start = token.offset;
      this.valueEnd = token.offset + source.length;
      this.end = resolveEnd(token.end, this.valueEnd, true);
      if (token.type === 'scalar') {
        if (BAD_PLAIN_START.has(source[0]!)) giveUp();
        return source;
      }
      if (source.length === 1 || source[source.length - 1] !== "'") giveUp();
      return source.slice(1, -1).replace(/''/g, "'");
    }
    const r = yamlLib().CST.resolveAsScalar(token, true, giveUp);
    if (!r) giveUp();
    [this.start, this.valueEnd, this.end] = r.range;
    return r.value;
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, tag: string | undefined): YScalar {
    const text = this.scalarText(token);
    const value = token.type === 'scalar' && !tag ? coreValue(text) : text;
    this.size = 1;
    const quoted = token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
    const span = this.file.span(this.start, trimEnd(this.text, this.start, this.valueEnd));
    return tag ? { kind: 'scalar', value, quoted, span, tag } : { kind: 'scalar', value, quoted, span };
  }

  /** A missing value (`key:`), placed as yaml's composeEmptyNode places it. */
  private empty(offset: number, before: Source[] | undefined, props: Props): YScalar {
    const at = emptyScalarPosition(offset, before);
    const tag = tagOf(props);
    const n: YScalar = tag ? { kind: 'scalar', value: '', quoted: false, span: this.file.span(at), tag } : { kind: 'scalar', value: null, quoted: false, span: this.file.span(at) };
    if (props.anchor) this.anchors.set(anchorName(props.anchor), { node: n, size: 1 });
    this.end = props.comment ? props.end : at;
    this.size = 1;
    return n;
  }

  private collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, props: Props): YNode {
    const tag = tagOf(props);
    if (token.type === 'block-seq') {
      const { anchor, newlineAfterProp: nl } = props;
      const lastProp = anchor && props.tag ? (anchor.offset > props.tag.offset ? anchor : props.tag) : (anchor ?? props.tag);
      if (lastProp && (!nl || nl.offset < lastProp.offset)) giveUp();
    }
    // Registered before the children so an alias inside its own anchor is caught.
    const anchor: Anchor | undefined = props.anchor ? { node: undefined, size: 0 } : undefined;
    if (anchor) this.anchors.set(anchorName(props.anchor!), anchor);
    const n = token.type === 'block-map' ? this.blockMap(token) : token.type === 'block-seq' ? this.blockSeq(token) : this.flow(token);
    if (tag) n.tag = tag;
    if (anchor) {
      anchor.node = n;
      anchor.size = this.size;
    }
    return n;
  }

  private blockMap(bm: CST.BlockMap): YMap {
    const pairs = new PairList();
    let offset = bm.offset;
    let commentEnd: number | null = null;
    let size = 1;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = resolveProps(start, { indicator: 'explicit-key-ind', next: key ?? sep?.[0], offset, parentIndent: bm.indent, startOnNewline: true });
      if (keyProps.found) giveUp();
      if (key && (key.type === 'block-seq' || ('indent' in key && key.indent !== bm.indent))) giveUp();
      if (!keyProps.anchor && !keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) giveUp();
      const k = this.key(key, keyProps);
      const valueProps = resolveProps(sep ?? [], { indicator: 'map-value-ind', next: value, offset: this.end, parentIndent: bm.indent, startOnNewline: key!.type === 'block-scalar' });
      offset = valueProps.end;
      if (!valueProps.found) giveUp();
      if (value?.type === 'block-map' && !valueProps.hasNewline) giveUp();
      if (keyProps.start < valueProps.found.offset - 1024) giveUp();
      const v = value ? this.node(value, valueProps) : this.empty(offset, sep, valueProps);
      offset = this.end;
      size += 1 + this.size;
      pairs.add(k.key, k.keySpan, k.merge, v);
    }
    if (commentEnd && commentEnd < offset) giveUp();
    this.end = commentEnd ?? offset;
    this.size = size;
    const own = pairs.result();
    const last = own.at(-1);
    const span = this.blockSpan(bm.offset, offset, last && (last.value.span.end >= last.keySpan.end ? last.value.span : last.keySpan));
    return { kind: 'map', pairs: own, span };
  }

  private blockSeq(bs: CST.BlockSequence): YSeq {
    const items: YNode[] = [];
    let offset = bs.offset;
    let commentEnd: number | null = null;
    let size = 1;
    for (const { start, value } of bs.items) {
      const props = resolveProps(start, { indicator: 'seq-item-ind', next: value, offset, parentIndent: bs.indent, startOnNewline: true });
      if (!props.found) {
        if (props.anchor || props.tag || value) giveUp();
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, props) : this.empty(props.end, start, props));
      offset = this.end;
      size += this.size;
    }
    this.end = commentEnd ?? offset;
    this.size = size;
    return { kind: 'seq', items, span: this.blockSpan(bs.offset, offset, items.at(-1)?.span) };
  }

  private flow(fc: CST.FlowCollection): YMap | YSeq {
    const isMap = fc.start.source === '{';
    const pairs = isMap ? new PairList() : undefined;
    const items: YNode[] = [];
    let offset = fc.offset + fc.start.source.length;
    let size = 1;
    for (let i = 0; i < fc.items.length; ++i) {
      const { start, key, sep, value } = fc.items[i]!;
      const props = resolveProps(start, { flow: true, indicator: 'explicit-key-ind', next: key ?? sep?.[0], offset, parentIndent: fc.indent, startOnNewline: false });
      if (props.found) giveUp();
      if (!props.anchor && !props.tag && !sep && !value) {
        // A trailing comma; an empty item anywhere else is an error.
        if ((i === 0 && props.comma) || i < fc.items.length - 1) giveUp();
        offset = props.end;
        continue;
      }
      if (i === 0 ? props.comma : !props.comma) giveUp();
      if (!isMap) {
        // `[a: 1]` (a pair inside a flow sequence) is left to the Document path.
        if (key || sep || isBlock(value)) giveUp();
        items.push(value ? this.node(value, props) : this.empty(props.end, sep, props));
        offset = this.end;
        size += this.size;
        continue;
      }
      if (isBlock(key)) giveUp();
      const k = this.key(key, props);
      const valueProps = resolveProps(sep ?? [], { flow: true, indicator: 'map-value-ind', next: value, offset: this.end, parentIndent: fc.indent, startOnNewline: false });
      if (!valueProps.found && value) giveUp();
      if (isBlock(value)) giveUp();
      let v: YNode;
      if (value) v = this.node(value, valueProps);
      else if (valueProps.found) v = this.empty(valueProps.end, sep, valueProps);
      else {
        // `{a}`: a key without a value; the Document path places the null at the key's end.
        v = { kind: 'scalar', value: null, quoted: false, span: this.file.span(k.keySpan.end) };
        this.end = valueProps.end;
        this.size = 1;
      }
      offset = this.end;
      size += 1 + this.size;
      pairs!.add(k.key, k.keySpan, k.merge, v);
    }
    const [ce, ...ee] = fc.end;
    if (ce?.source !== (isMap ? '}' : ']')) giveUp();
    const cePos = ce.offset + ce.source.length;
    this.end = ee.length > 0 ? resolveEnd(ee, cePos, true) : cePos;
    this.size = size;
    const span = this.file.span(fc.offset, trimEnd(this.text, fc.offset, cePos));
    return pairs ? { kind: 'map', pairs: pairs.result(), span } : { kind: 'seq', items, span };
  }

  /** A mapping key: a scalar without properties whose value is a string, number or boolean. */
  private key(key: CST.Token | null | undefined, props: Props): KeyInfo {
    if (!key || props.anchor || props.tag) giveUp();
    if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar') giveUp();
    const text = this.scalarText(key);
    const value = key.type === 'scalar' ? coreValue(text) : text;
    if (value === null || (typeof value === 'number' && Number.isNaN(value))) giveUp();
    // Keys keep yaml's value range as it is, without the whitespace trim values get.
    return { key: String(value), keySpan: this.file.span(this.start, this.valueEnd), merge: key.type === 'scalar' && value === '<<' };
  }

  /** A block collection ends where its last entry ends, not after trailing comments. */
  private blockSpan(start: number, valueEnd: number, last: Span | undefined): Span {
    if (!last || last.end < start) return this.file.span(start, trimEnd(this.text, start, valueEnd));
    return this.file.span(start, last.end);
  }
}

interface KeyInfo {
  key: string;
  keySpan: Span;
  merge: boolean;
}

function anchorName(anchor: Source): string {
  const name = anchor.source.substring(1);
  if (name === '') giveUp();
  return name;
}

/** Maps up to this size look for duplicate keys by a scan, which costs less than a Set per map. */
const SMALL_MAP = 16;

/** A mapping's pairs: unique keys, then what `<<` merge keys bring in (own keys win, earlier sources win). */
export class PairList {
  private readonly own: YPair[] = [];
  /** The own keys, once the map outgrows `SMALL_MAP`. */
  private ownKeys: Set<string> | undefined;
  private merged: YPair[] | undefined;
  private mergedKeys: Set<string> | undefined;

  add(key: string, keySpan: Span, merge: boolean, value: YNode): void {
    // yaml reports duplicate keys ("Map keys must be unique"); leave that to the Document path.
    // Keys compare as text here, so `1` and `"1"` (distinct to yaml) also give up: rare, and safe.
    if (this.has(key)) giveUp();
    if (!merge) {
      this.own.push({ key, keySpan, value });
      if (this.ownKeys) this.ownKeys.add(key);
      else if (this.own.length > SMALL_MAP) this.ownKeys = new Set(this.own.map((p) => p.key));
      return;
    }
    const merged = (this.merged ??= []);
    const keys = (this.mergedKeys ??= new Set());
    for (const src of value.kind === 'seq' ? value.items : [value]) {
      if (src.kind !== 'map') giveUp();
      for (const p of src.pairs) {
        if (keys.has(p.key)) continue;
        keys.add(p.key);
        merged.push(p);
      }
    }
  }

  /** A key already taken: an own key, or `<<` once a merge key was read. */
  private has(key: string): boolean {
    if (key === '<<' && this.merged) return true;
    if (this.ownKeys) return this.ownKeys.has(key);
    const own = this.own;
    for (let i = 0; i < own.length; i++) if (own[i]!.key === key) return true;
    return false;
  }

  result(): YPair[] {
    if (!this.merged) return this.own;
    const ownKeys = this.ownKeys ?? new Set(this.own.map((p) => p.key));
    return [...this.own, ...this.merged.filter((m) => !ownKeys.has(m.key))];
  }
}
