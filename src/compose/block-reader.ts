import type { SourceFile } from '../source/source-file.js';
import type { Span } from '../engine/types.js';
import type { YMap, YNode, YScalar, YSeq } from './ynode.js';
import { BAD_PLAIN_START, coreValue, MAX_EXPANDED_NODES, PairList, trimEnd } from './fast-parse.js';

/**
 * Reads the plain block style most Compose files are written in straight from the text, one
 * pass with no tokens: block maps and sequences, one-line plain and quoted scalars, literal and
 * folded block scalars as values, one-line flow sequences of scalars, `{}`, comments, anchors,
 * aliases and merge keys. It builds exactly the tree `fastParse` builds, spans included. Anything
 * else — multi-line plain and quoted scalars, comments on a block scalar's header, tags, flow
 * maps, directives, several documents, tabs, escapes — and anything that might be an error
 * makes it give up, and `parseYamlFile` takes the slower paths, which yield the same tree or
 * the problem.
 */
export function readBlockYaml(file: SourceFile): { ok: true; root: YMap } | undefined {
  if (UNSUPPORTED.test(file.text)) return undefined;
  try {
    return { ok: true, root: new BlockReader(file).document() };
  } catch {
    // GIVE_UP (ours or PairList's), or the stack running out on absurdly deep nesting.
    return undefined;
  }
}

/**
 * Characters yaml treats in ways this reader does not follow (tabs as separators, CR line
 * breaks, a BOM) or that no ordinary Compose file holds.
 */
const UNSUPPORTED = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

const GIVE_UP: unique symbol = Symbol('block reader gives up');
function giveUp(): never {
  throw GIVE_UP;
}

const NL = 0x0a;
const SP = 0x20;
const DQUOTE = 0x22;
const HASH = 0x23;
const AMP = 0x26;
const SQUOTE = 0x27;
const STAR = 0x2a;
const PLUS = 0x2b;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const GT = 0x3e;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const PIPE = 0x7c;
const RBRACE = 0x7d;

/**
 * First characters this reader does not take as the start of a plain scalar: indicators
 * (some of which may legally start one, like `?x`, but are rare enough to leave to yaml) and
 * the characters yaml rejects there.
 */
const NOT_PLAIN = new Uint8Array(128);
for (const c of "#&*!|>'\"[]{},%@`?:") NOT_PLAIN[c.charCodeAt(0)] = 1;
for (const c of BAD_PLAIN_START) NOT_PLAIN[c.charCodeAt(0)] = 1;

/** Characters that end an anchor or alias name, as yaml's lexer has them (tabs and CR never get here). */
const NAME_END = new Uint8Array(128);
for (const c of ' ,[]{}\n') NAME_END[c.charCodeAt(0)] = 1;

/** How a plain scalar on one line ended. */
const STOP_EOL = 0;
const STOP_COMMENT = 1;
const STOP_COLON = 2;

/** A block scalar's chomping: clip keeps one final line break, strip none, keep all. */
const CLIP = 0;
const STRIP = 1;
const KEEP = 2;

interface Anchor {
  node: YNode | undefined;
  size: number;
}

class BlockReader {
  private readonly text: string;
  private readonly len: number;
  private readonly path: string;
  /** The current line: where it starts, where it ends (its `\n` or the end of the text) and its 1-based number. */
  private ls = 0;
  private le = 0;
  private line = 1;
  /** Indentation of the content line `seek` stopped at; -1 at the end of the text. */
  private ind = 0;
  private pos = 0;
  /** How the last `plain` scan ended. */
  private stop = STOP_EOL;
  /**
   * After each node: where yaml's range for it ends, trailing comments included (fast-parse's
   * `end`), and how many nodes it counts for the alias-bomb limit. The end only shows in the
   * span of a collection whose last entry came in through a merge key or an alias.
   */
  private end = 0;
  private size = 0;
  /**
   * Comment lines after the last value that yaml does not attach to the value itself: it keeps
   * them in the innermost enclosing collection they are not all less indented than.
   */
  private floatIndent = -1;
  private floatEnd = 0;
  /** The comment lines `seek` skipped: indentation and end of each. */
  private readonly commentIndent: number[] = [];
  private readonly commentEnd: number[] = [];
  private comments = 0;
  private expanded = 0;
  private readonly anchors = new Map<string, Anchor>();
  /** What the last `key()` read. */
  private keyText = '';
  private keyMerge = false;

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
    this.len = file.text.length;
    this.path = file.path;
  }

  document(): YMap {
    const nl = this.text.indexOf('\n');
    this.le = nl === -1 ? this.len : nl;
    this.seek();
    if (this.ind < 0) giveUp();
    const root = this.blockMap(this.ind);
    if (this.ind >= 0) giveUp();
    return root;
  }

  private nextLine(): void {
    this.ls = this.le + 1;
    this.line++;
    const nl = this.text.indexOf('\n', this.ls);
    this.le = nl === -1 ? this.len : nl;
  }

  /** From the current line on, skips blank and comment lines (noting the comments) to the next content. */
  private seek(): void {
    const t = this.text;
    this.comments = 0;
    for (;;) {
      if (this.ls > this.len) {
        this.ind = -1;
        return;
      }
      let i = this.ls;
      while (t.charCodeAt(i) === SP) i++;
      if (i < this.le) {
        const c = t.charCodeAt(i);
        if (c !== HASH) {
          // `---` and `...` start or end documents; `---x` would be a plain scalar, but is not worth telling apart.
          if (i === this.ls && (c === DASH || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c) giveUp();
          this.ind = i - this.ls;
          this.pos = i;
          return;
        }
        this.commentIndent[this.comments] = i - this.ls;
        this.commentEnd[this.comments++] = this.le;
      }
      this.nextLine();
    }
  }

  /** A span on the current line. */
  private span(start: number, end: number): Span {
    return { file: this.path, start, end, line: this.line, column: start - this.ls + 1, endLine: this.line, endColumn: end - this.ls + 1 };
  }

  /** The current content is a block sequence entry: `-` then a space or the end of the line. */
  private atDash(): boolean {
    const p = this.pos;
    return this.text.charCodeAt(p) === DASH && (p + 1 >= this.le || this.text.charCodeAt(p + 1) === SP);
  }

  /** A block map whose first key is at `pos`, in column `indent` (a compact map after `- ` included). */
  private blockMap(indent: number): YMap {
    const start = this.pos;
    const line = this.line;
    const column = start - this.ls + 1;
    const pairs = new PairList();
    let size = 1;
    let offset = start;
    for (;;) {
      const keySpan = this.key();
      const key = this.keyText;
      const merge = this.keyMerge;
      const value = this.mapValue(indent);
      offset = this.end;
      size += 1 + this.size;
      pairs.add(key, keySpan, merge, value);
      if (this.ind !== indent) {
        if (this.ind > indent) giveUp();
        break;
      }
    }
    const own = pairs.result();
    const last = own.at(-1);
    const lastSpan = last && (last.value.span.end >= last.keySpan.end ? last.value.span : last.keySpan);
    this.close(indent);
    this.size = size;
    return { kind: 'map', pairs: own, span: this.blockSpan(start, line, column, offset, lastSpan) };
  }

  /** A block sequence whose first `-` is at `pos`, in column `indent`. */
  private blockSeq(indent: number): YSeq {
    const start = this.pos;
    const line = this.line;
    const column = start - this.ls + 1;
    const items: YNode[] = [];
    let size = 1;
    let offset = start;
    for (;;) {
      this.pos++;
      items.push(this.itemValue(indent));
      offset = this.end;
      size += this.size;
      if (this.ind !== indent || !this.atDash()) {
        // At the sequence's own column only the map it is a zero-indented value of may go on.
        if (this.ind > indent) giveUp();
        break;
      }
    }
    this.close(indent);
    this.size = size;
    return { kind: 'seq', items, span: this.blockSpan(start, line, column, offset, items.at(-1)?.span) };
  }

  /** Where yaml leaves the trailing comments that follow the collection's last value (see `floatIndent`). */
  private close(indent: number): void {
    if (this.floatIndent >= 0 && indent !== 0 && this.floatIndent >= indent) {
      this.end = this.floatEnd;
      this.floatIndent = -1;
    }
  }

  /** A block collection ends where its last entry ends, or, when that entry came from elsewhere, where yaml's range ends. */
  private blockSpan(start: number, line: number, column: number, offset: number, last: Span | undefined): Span {
    if (!last || last.end < start) return this.file.span(start, trimEnd(this.text, start, offset));
    return { file: this.path, start, end: last.end, line, column, endLine: last.endLine, endColumn: last.endColumn };
  }

  /**
   * A mapping key at `pos` and its `:`; leaves `pos` after the `:`. Returns the key's span and
   * leaves its text and whether it is a merge key in `keyText` and `keyMerge`: no object per key.
   */
  private key(): Span {
    const t = this.text;
    const p = this.pos;
    const c = t.charCodeAt(p);
    let value: string | number | boolean | null;
    let colon: number;
    let plain = false;
    if (c === DQUOTE || c === SQUOTE) {
      value = this.quoted(p);
      colon = this.pos;
      if (t.charCodeAt(colon) !== COLON) giveUp();
    } else {
      if (c < 128 && (NOT_PLAIN[c] || (c === DASH && this.emptyAt(p + 1)))) giveUp();
      colon = this.plain(p);
      // `a : b` is a key too, but rare: the colon must follow the key directly.
      if (this.stop !== STOP_COLON || t.charCodeAt(colon) !== COLON) giveUp();
      value = coreValue(t.slice(p, colon));
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) giveUp();
      plain = true;
    }
    if (colon + 1 < this.le && t.charCodeAt(colon + 1) !== SP) giveUp();
    // yaml's limit on implicit keys.
    if (p < colon - 1024) giveUp();
    this.pos = colon + 1;
    this.keyText = typeof value === 'string' ? value : String(value);
    this.keyMerge = plain && value === '<<';
    return this.span(p, colon);
  }

  private emptyAt(p: number): boolean {
    return p >= this.le || this.text.charCodeAt(p) === SP;
  }

  /** The value after a key's `:`. */
  private mapValue(owner: number): YNode {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SP) p++;
    if (p >= this.le) return this.blockValue(owner, true, p, undefined);
    const c = t.charCodeAt(p);
    if (c === HASH) return this.blockValue(owner, true, p, undefined);
    if (c === AMP) return this.anchored(owner, p);
    if (c === PIPE || c === GT) return this.blockScalar(owner, p);
    let node: YNode;
    if (c === STAR) node = this.alias(p, false);
    else if (c === LBRACKET) node = this.flowSeq(p);
    else if (c === LBRACE) node = this.emptyFlowMap(p);
    else node = this.scalar(p);
    this.leafEnd(owner, this.pos);
    return node;
  }

  /** The value after a sequence entry's `-`: a scalar, a flow sequence, an alias, a compact map or a block on the next lines. */
  private itemValue(owner: number): YNode {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SP) p++;
    if (p >= this.le) return this.blockValue(owner, false, p, undefined);
    const c = t.charCodeAt(p);
    if (c === HASH) return this.blockValue(owner, false, p, undefined);
    if (c === PIPE || c === GT) return this.blockScalar(owner, p);
    let node: YNode;
    if (c === STAR) node = this.alias(p, false);
    else if (c === LBRACKET) node = this.flowSeq(p);
    else if (c === LBRACE) node = this.emptyFlowMap(p);
    else if (c === DQUOTE || c === SQUOTE) {
      const value = this.quoted(p);
      if (t.charCodeAt(this.pos) === COLON) {
        this.pos = p;
        return this.blockMap(p - this.ls);
      }
      node = { kind: 'scalar', value, quoted: true, span: this.span(p, this.pos) };
      this.size = 1;
    } else {
      if (c < 128 && (NOT_PLAIN[c] || (c === DASH && this.emptyAt(p + 1)))) giveUp();
      const e = this.plain(p);
      if (this.stop === STOP_COLON) {
        this.pos = p;
        return this.blockMap(p - this.ls);
      }
      node = { kind: 'scalar', value: coreValue(t.slice(p, e)), quoted: false, span: this.span(p, e) };
      this.pos = e;
      this.size = 1;
    }
    this.leafEnd(owner, this.pos);
    return node;
  }

  /** `&name` before a map value: an anchored scalar or flow sequence, or a block collection on the next lines. */
  private anchored(owner: number, p: number): YNode {
    const t = this.text;
    const e = this.nameEnd(p + 1);
    if (e === p + 1 || (e < this.le && t.charCodeAt(e) !== SP)) giveUp();
    const name = t.slice(p + 1, e);
    let q = e;
    while (t.charCodeAt(q) === SP) q++;
    if (q >= this.le || t.charCodeAt(q) === HASH) return this.blockValue(owner, true, q, name);
    const c = t.charCodeAt(q);
    if (c === AMP || c === STAR) giveUp();
    let node: YNode;
    if (c === LBRACKET) {
      // Registered first, so an alias inside its own anchor is refused.
      const slot: Anchor = { node: undefined, size: 0 };
      this.anchors.set(name, slot);
      node = this.flowSeq(q);
      slot.node = node;
      slot.size = this.size;
    } else if (c === LBRACE) {
      node = this.emptyFlowMap(q);
      this.anchors.set(name, { node, size: 1 });
    } else if (c === PIPE || c === GT) {
      node = this.blockScalar(owner, q);
      this.anchors.set(name, { node, size: 1 });
      return node;
    } else {
      node = this.scalar(q);
      this.anchors.set(name, { node, size: 1 });
    }
    this.leafEnd(owner, this.pos);
    return node;
  }

  /**
   * Nothing after the indicator on its line: a block collection on the next lines (deeper, or a
   * sequence at the key's own column), or an empty value placed where yaml places it: after the
   * indicator and the spaces that follow it, at `at`.
   */
  private blockValue(owner: number, inMap: boolean, at: number, anchor: string | undefined): YNode {
    const line = this.line;
    const ls = this.ls;
    const le = this.le;
    this.nextLine();
    this.seek();
    const ind = this.ind;
    if (ind > owner || (inMap && ind === owner && anchor === undefined && this.atDash())) {
      const slot: Anchor | undefined = anchor === undefined ? undefined : { node: undefined, size: 0 };
      if (slot) this.anchors.set(anchor!, slot);
      const node = this.atDash() ? this.blockSeq(ind) : this.blockMap(ind);
      if (slot) {
        slot.node = node;
        slot.size = this.size;
      }
      return node;
    }
    if (anchor !== undefined) giveUp();
    // yaml keeps every comment up to the next content with the empty value.
    this.end = this.comments > 0 ? this.commentEnd[this.comments - 1]! : at < le ? le : at;
    this.floatIndent = -1;
    this.size = 1;
    return { kind: 'scalar', value: null, quoted: false, span: { file: this.path, start: at, end: at, line, column: at - ls + 1, endLine: line, endColumn: at - ls + 1 } };
  }

  /**
   * After a value on one line: the rest of the line may only be a comment, and the next content
   * must not continue the value (the caller checks its indentation). Comment lines deeper than
   * the value's collection become part of the value's range, as yaml attaches them.
   */
  private leafEnd(owner: number, q: number): void {
    const t = this.text;
    let p = q;
    while (t.charCodeAt(p) === SP) p++;
    let end = q;
    if (p < this.le) {
      if (t.charCodeAt(p) !== HASH || p === q) giveUp();
      end = this.le;
    }
    this.nextLine();
    this.seek();
    const n = this.comments;
    let i = 0;
    for (; i < n && this.commentIndent[i]! > owner; i++) end = this.commentEnd[i]!;
    this.end = end;
    if (i === n) {
      this.floatIndent = -1;
      return;
    }
    let deepest = 0;
    for (; i < n; i++) if (this.commentIndent[i]! > deepest) deepest = this.commentIndent[i]!;
    this.floatIndent = deepest;
    this.floatEnd = this.commentEnd[n - 1]!;
  }

  /**
   * A literal or folded block scalar whose header is at `p`, the value of an entry of the
   * collection in column `owner`. It spans what yaml's lexer gives the token, trailing blank
   * lines included or not as yaml has them, so `end` and the next content come out where yaml
   * puts them. yaml files none of the comment lines after a block scalar with it: they all float.
   */
  private blockScalar(owner: number, p: number): YScalar {
    const t = this.text;
    const len = this.len;
    const le = this.le;
    let q = p + 1;
    let chomp = CLIP;
    let explicit = 0;
    for (; q < le; q++) {
      const c = t.charCodeAt(q);
      if ((c === DASH || c === PLUS) && chomp === CLIP) chomp = c === DASH ? STRIP : KEEP;
      else if (c > 0x30 && c <= 0x39 && explicit === 0) explicit = c - 0x30;
      else break;
    }
    while (t.charCodeAt(q) === SP) q++;
    // A comment after the header, or anything else there (an error), is yaml's to read.
    if (q < le) giveUp();
    let end = le;
    let value = '';
    if (le < len) {
      // yaml's lexer: the first line with content sets the indentation (it must be deeper than
      // the collection's), then every line at least that deep, or blank, continues the scalar.
      const body = le + 1;
      let nl = le;
      let first = 0;
      for (let i = body; i < len; i++) {
        const c = t.charCodeAt(i);
        if (c === SP) first++;
        else if (c === NL) {
          nl = i;
          first = 0;
        } else break;
      }
      if (first > owner) {
        // With an indicator, a first line less indented than it asks for ends the scalar at once.
        const indent = explicit > 0 ? owner + explicit : first;
        for (;;) {
          let k = nl + 1;
          while (t.charCodeAt(k) === SP) k++;
          if (k - nl - 1 < indent && t.charCodeAt(k) !== NL) break;
          nl = t.indexOf('\n', k);
          if (nl === -1) {
            nl = len;
            break;
          }
        }
      }
      if (chomp !== KEEP) {
        // Trailing lines of spaces no deeper than the first content line fall outside the token.
        for (;;) {
          let j = nl - 1;
          const last = j;
          while (t.charCodeAt(j) === SP) j--;
          if (t.charCodeAt(j) !== NL || j < body || j + 1 + first <= last) break;
          nl = j;
        }
      }
      end = nl + 1 < len ? nl + 1 : len;
      value = blockScalarValue(t.slice(body, end), t.charCodeAt(p) === GT, chomp, owner, explicit);
    }
    do {
      this.nextLine();
    } while (this.ls < end);
    this.seek();
    this.end = end;
    const n = this.comments;
    if (n === 0) this.floatIndent = -1;
    else {
      let deepest = 0;
      for (let i = 0; i < n; i++) if (this.commentIndent[i]! > deepest) deepest = this.commentIndent[i]!;
      this.floatIndent = deepest;
      this.floatEnd = this.commentEnd[n - 1]!;
    }
    this.size = 1;
    return { kind: 'scalar', value, quoted: false, span: this.file.span(p, trimEnd(t, p, end)) };
  }

  /** A one-line plain or quoted scalar at `p`; leaves `pos` after it. */
  private scalar(p: number): YScalar {
    const t = this.text;
    const c = t.charCodeAt(p);
    this.size = 1;
    if (c === DQUOTE || c === SQUOTE) {
      const value = this.quoted(p);
      return { kind: 'scalar', value, quoted: true, span: this.span(p, this.pos) };
    }
    if (c < 128 && (NOT_PLAIN[c] || (c === DASH && this.emptyAt(p + 1)))) giveUp();
    const e = this.plain(p);
    // `a: b: c` nests a map in a compact map, which yaml refuses.
    if (this.stop === STOP_COLON) giveUp();
    this.pos = e;
    return { kind: 'scalar', value: coreValue(t.slice(p, e)), quoted: false, span: this.span(p, e) };
  }

  /**
   * Scans a plain scalar in block context up to the end of the line, a ` #` comment or a `: `;
   * returns where its text ends (trailing spaces left out) and notes how it stopped in `stop`.
   */
  private plain(p: number): number {
    const t = this.text;
    const le = this.le;
    let last = p;
    for (let i = p; i < le; i++) {
      const c = t.charCodeAt(i);
      if (c === SP) {
        if (t.charCodeAt(i + 1) === HASH) {
          this.stop = STOP_COMMENT;
          return last;
        }
        continue;
      }
      if (c === COLON && (i + 1 >= le || t.charCodeAt(i + 1) === SP)) {
        this.stop = STOP_COLON;
        return last;
      }
      last = i + 1;
    }
    this.stop = STOP_EOL;
    return last;
  }

  /** A quoted scalar closed on its own line; double-quoted ones only without escapes. Leaves `pos` after the closing quote. */
  private quoted(p: number): string {
    const t = this.text;
    if (t.charCodeAt(p) === DQUOTE) {
      const e = t.indexOf('"', p + 1);
      if (e === -1 || e >= this.le) giveUp();
      const s = t.slice(p + 1, e);
      if (s.includes('\\')) giveUp();
      this.pos = e + 1;
      return s;
    }
    let e = t.indexOf("'", p + 1);
    let doubled = false;
    while (e !== -1 && t.charCodeAt(e + 1) === SQUOTE) {
      doubled = true;
      e = t.indexOf("'", e + 2);
    }
    if (e === -1 || e >= this.le) giveUp();
    this.pos = e + 1;
    const s = t.slice(p + 1, e);
    return doubled ? s.replace(/''/g, "'") : s;
  }

  private nameEnd(p: number): number {
    const t = this.text;
    let i = p;
    for (; i < this.le; i++) {
      const c = t.charCodeAt(i);
      if (c < 128 && NAME_END[c]) break;
    }
    return i;
  }

  /** `*name`, as the node its anchor named; leaves `pos` after the name. */
  private alias(p: number, inFlow: boolean): YNode {
    const t = this.text;
    const e = this.nameEnd(p + 1);
    if (e === p + 1) giveUp();
    if (e < this.le) {
      const c = t.charCodeAt(e);
      if (c !== SP && !(inFlow && (c === COMMA || c === RBRACKET))) giveUp();
    }
    const target = this.anchors.get(t.slice(p + 1, e));
    // Unknown aliases, and aliases inside their own anchor, are for the Document path to report.
    if (!target?.node) giveUp();
    this.expanded += target.size;
    if (this.expanded > MAX_EXPANDED_NODES) giveUp();
    this.size = target.size;
    this.pos = e;
    return target.node;
  }

  /** `[a, "b", *c]` closed on its own line, of scalars and aliases only. Leaves `pos` after the `]`. */
  private flowSeq(start: number): YSeq {
    const t = this.text;
    const items: YNode[] = [];
    let size = 1;
    let p = start + 1;
    while (t.charCodeAt(p) === SP) p++;
    if (t.charCodeAt(p) !== RBRACKET) {
      for (;;) {
        if (p >= this.le) giveUp();
        const c = t.charCodeAt(p);
        if (c === DQUOTE || c === SQUOTE) {
          const value = this.quoted(p);
          items.push({ kind: 'scalar', value, quoted: true, span: this.span(p, this.pos) });
          size++;
        } else if (c === STAR) {
          items.push(this.alias(p, true));
          size += this.size;
        } else {
          if (c < 128 && (NOT_PLAIN[c] || (c === DASH && this.flowEmptyAt(p + 1)))) giveUp();
          const e = this.flowPlain(p);
          items.push({ kind: 'scalar', value: coreValue(t.slice(p, e)), quoted: false, span: this.span(p, e) });
          size++;
        }
        p = this.pos;
        while (t.charCodeAt(p) === SP) p++;
        const d = t.charCodeAt(p);
        if (d === COMMA) {
          p++;
          while (t.charCodeAt(p) === SP) p++;
          if (t.charCodeAt(p) === RBRACKET) break;
          continue;
        }
        if (d === RBRACKET) break;
        giveUp();
      }
    }
    this.pos = p + 1;
    this.size = size;
    return { kind: 'seq', items, span: this.span(start, p + 1) };
  }

  /** `{}`, the one flow map Compose files commonly hold (`pgdata: {}`); leaves `pos` after the `}`. */
  private emptyFlowMap(start: number): YMap {
    const t = this.text;
    let p = start + 1;
    while (t.charCodeAt(p) === SP) p++;
    if (t.charCodeAt(p) !== RBRACE) giveUp();
    this.pos = p + 1;
    this.size = 1;
    return { kind: 'map', pairs: [], span: this.span(start, p + 1) };
  }

  private flowEmptyAt(p: number): boolean {
    if (p >= this.le) return true;
    const c = this.text.charCodeAt(p);
    return c === SP || c === COMMA || c === RBRACKET || c === LBRACKET || c === LBRACE || c === RBRACE;
  }

  /** A plain scalar inside a flow sequence, up to `,` or `]` on the same line; returns where its text ends, `pos` at the stop. */
  private flowPlain(p: number): number {
    const t = this.text;
    const le = this.le;
    let last = p;
    let i = p;
    for (; i < le; i++) {
      const c = t.charCodeAt(i);
      if (c === COMMA || c === RBRACKET) break;
      if (c === SP) {
        if (t.charCodeAt(i + 1) === HASH) giveUp();
        continue;
      }
      if (c === LBRACKET || c === LBRACE || c === RBRACE) giveUp();
      // `[a: b]` is a pair in a flow sequence.
      if (c === COLON && this.flowEmptyAt(i + 1)) giveUp();
      last = i + 1;
    }
    if (i >= le) giveUp();
    this.pos = i;
    return last;
  }
}

/**
 * A block scalar's value from its body (the lines after the header, as yaml's lexer cuts them),
 * folded and chomped as yaml's resolveBlockScalar does it; what yaml reports as an error gives up.
 * `owner` is the column of the scalar's collection, `explicit` the header's indentation indicator or 0.
 */
function blockScalarValue(source: string, folded: boolean, chomp: number, owner: number, explicit: number): string {
  const lines = source === '' ? [] : source.split('\n');
  const n = lines.length;
  const indents: number[] = new Array<number>(n);
  let chompStart = n;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    let k = 0;
    while (l.charCodeAt(k) === SP) k++;
    indents[i] = k;
    if (k < l.length) chompStart = n;
    else if (chompStart === n) chompStart = i;
  }
  if (chompStart === 0) return chomp === KEEP && n > 0 ? '\n'.repeat(Math.max(1, n - 1)) : '';
  let trim = owner + explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const k = indents[i]!;
    if (k === lines[i]!.length) {
      if (explicit === 0 && k > trim) trim = k;
      continue;
    }
    // Leading blank lines deeper than the first content line need an explicit indicator.
    if (k < trim) giveUp();
    if (explicit === 0) trim = k;
    contentStart = i;
    break;
  }
  for (let i = n - 1; i >= chompStart; i--) {
    if (indents[i]! > trim) {
      chompStart = i + 1;
      break;
    }
  }
  let value = '';
  for (let i = 0; i < contentStart; i++) value += lines[i]!.slice(trim) + '\n';
  let sep = '';
  let moreIndented = false;
  for (let i = contentStart; i < chompStart; i++) {
    const l = lines[i]!;
    const k = indents[i]!;
    const empty = k === l.length;
    if (!empty && k < trim) giveUp();
    if (!folded) {
      value += sep + l.slice(trim);
      sep = '\n';
    } else if (k > trim) {
      // More-indented lines keep their line breaks.
      if (sep === ' ') sep = '\n';
      else if (!moreIndented && sep === '\n') sep = '\n\n';
      value += sep + l.slice(trim);
      sep = '\n';
      moreIndented = true;
    } else if (empty) {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + l.slice(k);
      sep = ' ';
      moreIndented = false;
    }
  }
  if (chomp === KEEP) {
    for (let i = chompStart; i < n; i++) value += '\n' + lines[i]!.slice(trim);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (chomp === CLIP) value += '\n';
  return value;
}
