import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import { isMap, isScalar, isSeq, str, untagged } from './ynode.js';
import type { YMap, YNode, YPair, YScalar, YSeq } from './ynode.js';

export interface MergeProblem {
  message: string;
  span: Span;
}

/**
 * Overlay merge of Compose files, following the Compose Specification's merge rules
 * (compose-spec `13-merge.md`, compose-go `override/`): mappings merge key by key, sequences
 * append, scalars are replaced. Exceptions are the table below. `!reset` removes a key,
 * `!override` replaces it without merging. The inputs are never modified: the result is new
 * maps and sequences holding the original nodes, so every value keeps the file and span it
 * came from (a replaced key also takes the overriding file's key span).
 */
type Merger = (base: YNode, over: YNode, path: string[], problems: MergeProblem[]) => YNode;

export function mergeFiles(roots: YMap[], problems: MergeProblem[]): YMap {
  const first = roots[0]!;
  let merged = untagged.has(first) ? first : (dropResets(first) as YMap);
  for (let i = 1; i < roots.length; i++) merged = mergeNodes(merged, roots[i]!, [], problems) as YMap;
  return merged;
}

/** Merges an extended service (`base`) with the service that extends it, as Compose does. */
export function mergeService(base: YMap, over: YMap, problems: MergeProblem[]): YMap {
  return mergeNodes(base, over, ['services', '*'], problems) as YMap;
}

export function mergeNodes(base: YNode, over: YNode, path: string[], problems: MergeProblem[]): YNode {
  if (over.tag === '!override') return over;
  const rule = ruleFor(path);
  if (rule) return rule(base, over, path, problems);
  return mergeDefault(base, over, path, problems);
}

function mergeDefault(base: YNode, over: YNode, path: string[], problems: MergeProblem[]): YNode {
  // A null override leaves the base alone (compose-go); `!reset` is the way to clear.
  if (isScalar(over) && over.value === null) return base;
  if (isMap(base) && isMap(over)) return mergeMaps(base, over, path, problems);
  if (isSeq(base) && isSeq(over)) return append(base, over);
  if (base.kind !== over.kind && !(isScalar(base) && base.value === null)) {
    problems.push({ message: `Cannot override ${path.join('.')}: a ${kindName(over)} cannot replace a ${kindName(base)}`, span: over.span });
  }
  return over;
}

const kindName = (n: YNode): string => (n.kind === 'map' ? 'mapping' : n.kind === 'seq' ? 'sequence' : 'scalar');

function mergeMaps(base: YMap, over: YMap, path: string[], problems: MergeProblem[]): YMap {
  const pairs: (YPair | undefined)[] = base.pairs.slice();
  const index = new KeyIndex(base.pairs);
  let removed = false;
  for (const p of over.pairs) {
    const at = index.get(p.key);
    if (p.value.tag === '!reset') {
      if (at !== undefined) {
        pairs[at] = undefined;
        removed = true;
      }
      continue;
    }
    if (at === undefined || pairs[at] === undefined) {
      index.add(p.key, pairs.length);
      pairs.push(p);
      continue;
    }
    const prev = pairs[at]!;
    path.push(p.key);
    const merged = mergeNodes(prev.value, p.value, path, problems);
    path.pop();
    pairs[at] = merged === p.value ? p : merged === prev.value ? prev : { ...prev, value: merged };
  }
  return { kind: 'map', pairs: removed ? pairs.filter((p): p is YPair => p !== undefined) : (pairs as YPair[]), span: base.span };
}

/**
 * Where each key was last placed in a merged map. Most maps are small: a scan of their keys
 * costs less than hashing each into a Map, which takes over for large ones.
 */
class KeyIndex {
  private readonly keys: string[];
  private map: Map<string, number> | undefined;

  constructor(pairs: readonly YPair[]) {
    this.keys = mapArray(pairs, (p) => p.key);
    if (pairs.length > 32) this.map = new Map(this.keys.map((k, i) => [k, i]));
  }

  get(key: string): number | undefined {
    if (this.map) return this.map.get(key);
    const i = this.keys.lastIndexOf(key);
    return i === -1 ? undefined : i;
  }

  /** `key` now also stands at `at`, after every earlier place. */
  add(key: string, at: number): void {
    if (this.map) this.map.set(key, at);
    else this.keys[at] = key;
  }
}

const append = (base: YSeq, over: YSeq): YSeq => ({ kind: 'seq', items: [...base.items, ...over.items], span: base.span });

/** Removes `!reset` keys from a file that has nothing under it to reset; shares untouched nodes. */
export function dropResets(node: YNode): YNode {
  if (isMap(node)) {
    let pairs: YPair[] | undefined;
    for (let i = 0; i < node.pairs.length; i++) {
      const p = node.pairs[i]!;
      if (p.value.tag === '!reset') {
        pairs ??= node.pairs.slice(0, i);
        continue;
      }
      const v = dropResets(p.value);
      if (v !== p.value) pairs ??= node.pairs.slice(0, i);
      pairs?.push(v === p.value ? p : { ...p, value: v });
    }
    return pairs ? { ...node, pairs } : node;
  }
  if (isSeq(node)) {
    let items: YNode[] | undefined;
    for (let i = 0; i < node.items.length; i++) {
      const v = dropResets(node.items[i]!);
      if (v !== node.items[i]) (items ??= node.items.slice())[i] = v;
    }
    return items ? { ...node, items } : node;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Special rules

const replace: Merger = (_base, over) => over;

/** `KEY=VALUE` lists (environment, labels, …) and maps merge as maps, later keys winning. */
const asMap = (split: (s: string) => [string, string | undefined]): Merger => (base, over, path, problems) => {
  if (isScalar(over) && over.value === null) return base;
  const b = toMap(base, split);
  const o = toMap(over, split);
  if (!b || !o) return mergeDefault(base, over, path, problems);
  return mergeMaps(b, o, path, problems);
};

const splitAssign = (s: string): [string, string | undefined] => {
  const eq = s.indexOf('=');
  return eq === -1 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
};

/** `host:ip` or `host=ip` (newer Compose); IPv6 addresses keep their colons. */
const splitHost = (s: string): [string, string | undefined] => {
  const eq = s.indexOf('=');
  const sep = eq !== -1 ? eq : s.indexOf(':');
  return sep === -1 ? [s, undefined] : [s.slice(0, sep), s.slice(sep + 1)];
};

/** List-form entries become map pairs; each value is a scalar narrowed to the entry's value part. */
export function toMap(node: YNode, split: (s: string) => [string, string | undefined] = splitAssign): YMap | undefined {
  if (isMap(node)) return node;
  if (!isSeq(node)) return undefined;
  const pairs: YPair[] = [];
  for (const item of node.items) {
    const text = str(item);
    if (text === undefined || !isScalar(item)) return undefined;
    const [key, value] = split(text);
    const keyEnd = key.length;
    const vSpan = value === undefined ? item.span : subSpan(item, keyEnd + 1);
    // A value narrowed inside the entry has no quotes of its own: fixes must not add them.
    const valueScalar: YScalar = value === undefined
      ? { kind: 'scalar', value: null, quoted: false, span: item.span }
      : { kind: 'scalar', value, quoted: vSpan === item.span && item.quoted, span: vSpan };
    if (value !== undefined && item.refs) {
      valueScalar.refs = item.refs;
      if (item.raw !== undefined) valueScalar.raw = split(item.raw)[1] ?? item.raw;
    }
    pairs.push({ key, keySpan: value === undefined ? item.span : subSpan(item, 0, keyEnd), value: valueScalar });
  }
  return { kind: 'map', pairs, span: node.span };
}

/**
 * The span of `[from, to)` of a scalar's text, when the text maps one-to-one onto the source
 * (one line, no escapes, unchanged by interpolation or a prefix that was not); else the whole span.
 */
function subSpan(node: YScalar, from: number, to?: number): Span {
  const s = node.span;
  const text = node.raw ?? String(node.value);
  if (s.line !== s.endLine) return s;
  const open = node.quoted ? 1 : 0;
  if (s.end - s.start !== text.length + 2 * open) return s;
  if (node.raw !== undefined && String(node.value).slice(0, from) !== node.raw.slice(0, from)) return s;
  const a = s.start + open + from;
  const b = to === undefined ? s.end - open : s.start + open + to;
  return { ...s, start: a, end: b, column: s.column + (a - s.start), endColumn: s.column + (b - s.start) };
}

/** Sequences whose entries are unique by a key: a later entry with the same key replaces the earlier in place. */
const uniqueBy = (key: (n: YNode) => string | undefined): Merger => (base, over, path, problems) => {
  if (isScalar(over) && over.value === null) return base;
  const b = asSeq(base);
  const o = asSeq(over);
  if (!b || !o) return mergeDefault(base, over, path, problems);
  const items: YNode[] = [];
  const seen = new Map<string, number>();
  for (const item of [...b.items, ...o.items]) {
    const k = key(item);
    const at = k === undefined ? undefined : seen.get(k);
    if (at !== undefined) items[at] = item;
    else {
      if (k !== undefined) seen.set(k, items.length);
      items.push(item);
    }
  }
  return { kind: 'seq', items, span: b.span };
};

/** `dns: 8.8.8.8` and `dns: [8.8.8.8]` mean the same. */
function asSeq(n: YNode): YSeq | undefined {
  if (isSeq(n)) return n;
  if (isScalar(n) && n.value !== null) return { kind: 'seq', items: [n], span: n.span };
  return undefined;
}

const byText = (n: YNode): string | undefined => str(n);

/** Port identity: {host ip, published, target, protocol}. */
export function portKey(n: YNode): string | undefined {
  if (isMap(n)) {
    const g = (k: string): string | undefined => str(n.pairs.find((p) => p.key === k)?.value);
    return `${g('host_ip') ?? ''}|${g('published') ?? ''}|${g('target') ?? ''}|${g('protocol') ?? 'tcp'}`;
  }
  const s = str(n);
  if (s === undefined) return undefined;
  const p = parsePortShort(s);
  return p ? `${p.hostIp ?? ''}|${p.published ?? ''}|${p.target}|${p.protocol}` : s;
}

export interface ShortPort {
  hostIp?: string;
  published?: string;
  target: string;
  protocol: string;
}

/** `[ip:][published:]target[/protocol]`, with `[v6]` addresses. */
export function parsePortShort(s: string): ShortPort | undefined {
  const slash = s.lastIndexOf('/');
  const protocol = slash === -1 ? 'tcp' : s.slice(slash + 1);
  const body = slash === -1 ? s : s.slice(0, slash);
  let hostIp: string | undefined;
  let rest = body;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(body);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2]!;
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) hostIp = parts.shift();
  else if (!v6 && parts.length > 3) {
    // Unbracketed IPv6 host: everything but the last two parts.
    const tail = parts.splice(-2);
    hostIp = parts.join(':');
    parts.splice(0, parts.length, ...tail);
  }
  if (parts.length === 1) return { hostIp, published: undefined, target: parts[0]!, protocol };
  if (parts.length === 2) return { hostIp, published: parts[0]!, target: parts[1]!, protocol };
  return undefined;
}

/** Mount target of a short (`src:dst[:mode]`, `dst`) or long volume entry. */
export function volumeTarget(n: YNode): string | undefined {
  if (isMap(n)) return str(n.pairs.find((p) => p.key === 'target')?.value);
  const s = str(n);
  if (s === undefined) return undefined;
  const parts = splitVolume(s);
  return parts.length === 1 ? parts[0] : parts[1];
}

/** Splits a short volume on `:` but keeps Windows drive letters (`C:\data`) whole. */
export function splitVolume(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ':' && !(cur.length === 1 && /[A-Za-z]/.test(cur) && /[\\/]/.test(s[i + 1] ?? ''))) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

const mountTarget = (dir: string) => (n: YNode): string | undefined => {
  if (isMap(n)) {
    const target = str(n.pairs.find((p) => p.key === 'target')?.value);
    const source = str(n.pairs.find((p) => p.key === 'source')?.value);
    return target?.startsWith('/') ? target : `${dir}${target ?? source ?? ''}`;
  }
  const s = str(n);
  return s === undefined ? undefined : `${dir}${s}`;
};

const envFileKey = (n: YNode): string | undefined => (isMap(n) ? str(n.pairs.find((p) => p.key === 'path')?.value) : str(n));

/** `depends_on: [db]` / `networks: [front]` merge as maps with the list names as keys. */
const namesAsMap = (emptyValue: 'map' | 'null'): Merger => (base, over, path, problems) => {
  if (isScalar(over) && over.value === null) return base;
  const conv = (n: YNode): YMap | undefined => {
    if (isMap(n)) return n;
    if (!isSeq(n)) return undefined;
    const pairs: YPair[] = [];
    for (const item of n.items) {
      const name = str(item);
      if (name === undefined) return undefined;
      const value: YNode = emptyValue === 'map' ? { kind: 'map', pairs: [], span: item.span } : { kind: 'scalar', value: null, quoted: false, span: item.span };
      pairs.push({ key: name, keySpan: item.span, value });
    }
    return { kind: 'map', pairs, span: n.span };
  };
  const b = conv(base);
  const o = conv(over);
  if (!b || !o) return mergeDefault(base, over, path, problems);
  return mergeMaps(b, o, path, problems);
};

/** `build: ./dir` is `build: {context: ./dir}`. */
const mergeBuild: Merger = (base, over, path, problems) => {
  const conv = (n: YNode): YNode => (isScalar(n) && n.value !== null ? { kind: 'map', pairs: [{ key: 'context', keySpan: n.span, value: n }], span: n.span } : n);
  return mergeDefault(conv(base), conv(over), path, problems);
};

/** Logging options merge only when both files name the same driver (or one names none). */
const mergeLogging: Merger = (base, over, path, problems) => {
  const d1 = str(isMap(base) ? base.pairs.find((p) => p.key === 'driver')?.value : undefined);
  const d2 = str(isMap(over) ? over.pairs.find((p) => p.key === 'driver')?.value : undefined);
  return d1 === undefined || d2 === undefined || d1 === d2 ? mergeDefault(base, over, path, problems) : over;
};

const keyValue = asMap(splitAssign);
const hosts = asMap(splitHost);
const unique = uniqueBy(byText);

/** Rules for keys under `services.<name>.`; the path after the service name is the key. */
const SERVICE_RULES: Record<string, Merger> = {
  command: replace,
  entrypoint: replace,
  'healthcheck.test': replace,
  environment: keyValue,
  labels: keyValue,
  annotations: keyValue,
  sysctls: keyValue,
  'build.args': keyValue,
  'build.labels': keyValue,
  'build.additional_contexts': keyValue,
  'deploy.labels': keyValue,
  extra_hosts: hosts,
  'build.extra_hosts': hosts,
  ports: uniqueBy(portKey),
  volumes: uniqueBy(volumeTarget),
  secrets: uniqueBy(mountTarget('/run/secrets/')),
  configs: uniqueBy(mountTarget('/')),
  env_file: uniqueBy(envFileKey),
  expose: unique,
  dns: unique,
  dns_search: unique,
  dns_opt: unique,
  tmpfs: unique,
  cap_add: unique,
  cap_drop: unique,
  external_links: unique,
  links: unique,
  profiles: unique,
  devices: unique,
  security_opt: unique,
  volumes_from: unique,
  group_add: unique,
  device_cgroup_rules: unique,
  depends_on: namesAsMap('map'),
  networks: namesAsMap('null'),
  build: mergeBuild,
  logging: mergeLogging,
};

const TOP_RULES: Record<string, Merger> = {
  'networks.*.labels': keyValue,
  'volumes.*.labels': keyValue,
  'networks.*.ipam.config': uniqueBy((n) => str(isMap(n) ? n.pairs.find((p) => p.key === 'subnet')?.value : undefined)),
};

function ruleFor(path: string[]): Merger | undefined {
  if (path.length < 2) return undefined;
  if (path[0] === 'services') {
    if (path.length < 3) return undefined;
    // Each ulimit is replaced whole: `nofile: {soft, hard}` never mixes two files.
    if (path.length === 4 && path[2] === 'ulimits') return replace;
    return SERVICE_RULES[path.length === 3 ? path[2]! : path.slice(2).join('.')];
  }
  if (path.length < 3) return undefined;
  return TOP_RULES[`${path[0]}.*.${path.slice(2).join('.')}`];
}
