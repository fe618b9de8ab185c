import type { Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import type { Service } from './model.js';
import { scalarText, subSpan } from './yaml-scalar.js';
import { get, isMap, isScalar, str, type YNode, type YScalar } from './ynode.js';

/** An inclusive range of port numbers; a single port has `start === end`. */
export interface PortRange {
  start: number;
  end: number;
}

/**
 * One `ports:` entry, short (`[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`) or long syntax,
 * normalised so rules compare entries without re-reading text.
 */
export interface PortEntry {
  node: YNode;
  /** The whole entry. */
  span: Span;
  short: boolean;
  /** Host IP as written, brackets removed; absent when none is given. */
  hostIp?: string;
  /** Host port(s); absent when Docker picks an ephemeral port (`"8080"`, no `published`). */
  published?: PortRange;
  /** Span of the host port part where it can be told apart, else the entry. */
  publishedSpan: Span;
  target: PortRange;
  protocol: string;
}

const memo = new WeakMap<Service, PortEntry[]>();

/** The service's `ports:` entries that parse (unparsable ones are compose-schema's business). Memoised per service. */
export function servicePorts(service: Service, sources: ReadonlyMap<string, SourceFile>): PortEntry[] {
  let out = memo.get(service);
  if (!out) {
    out = [];
    for (const node of service.ports) {
      const entry = isScalar(node) ? shortPort(node, sources) : isMap(node) ? longPort(node) : undefined;
      if (entry) out.push(entry);
    }
    memo.set(service, out);
  }
  return out;
}

/** A host IP that listens on every interface (or none given, which Docker reads as all). */
export function bindsAllInterfaces(entry: PortEntry): boolean {
  const ip = entry.hostIp;
  return ip === undefined || ip === '' || ip === '0.0.0.0' || ip === '::';
}

/** `8080`, `8000-8010`; undefined when not a port or range. */
export function parseRange(text: string): PortRange | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start <= end && end <= 65535 ? { start, end } : undefined;
}

export function formatRange(r: PortRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

export function overlaps(a: PortRange, b: PortRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function shortPort(node: YScalar, sources: ReadonlyMap<string, SourceFile>): PortEntry | undefined {
  if (node.value === null) return undefined;
  const text = String(node.value);
  const slash = text.lastIndexOf('/');
  const protocol = slash === -1 ? 'tcp' : text.slice(slash + 1).toLowerCase();
  const spec = slash === -1 ? text : text.slice(0, slash);
  let hostIp: string | undefined;
  let rest = spec;
  if (spec.startsWith('[')) {
    // `[::1]:8080:80`
    const close = spec.indexOf(']:');
    if (close === -1) return undefined;
    hostIp = spec.slice(1, close);
    rest = spec.slice(close + 2);
  }
  const parts = rest.split(':');
  if (hostIp === undefined && parts.length > 3) {
    // An unbracketed IPv6 host: the last two parts are the ports.
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  } else if (hostIp === undefined && parts.length === 3) {
    hostIp = parts.shift()!;
  }
  if (parts.length > 2 || (hostIp !== undefined && parts.length !== 2)) return undefined;
  const target = parseRange(parts[parts.length - 1]!);
  if (!target) return undefined;
  const publishedText = parts.length === 2 ? parts[0]! : '';
  const published = publishedText === '' ? undefined : parseRange(publishedText);
  if (publishedText !== '' && !published) return undefined;
  // Narrow to the host port where the text as written is the text as read (no variables).
  const written = scalarText(node);
  let publishedSpan = node.span;
  if (published && written === text) {
    const at = spec.length - parts[parts.length - 1]!.length - 1 - publishedText.length;
    publishedSpan = subSpan(node, sources, at, at + publishedText.length);
  }
  return { node, span: node.span, short: true, hostIp, published, publishedSpan, target, protocol };
}

function longPort(node: YNode): PortEntry | undefined {
  const target = parseRange(str(get(node, 'target')) ?? '');
  if (!target) return undefined;
  const publishedNode = get(node, 'published');
  const publishedText = str(publishedNode);
  const published = publishedText === undefined || publishedText === '' ? undefined : parseRange(publishedText);
  if (publishedText && !published) return undefined;
  const hostIp = str(get(node, 'host_ip'));
  return {
    node,
    span: node.span,
    short: false,
    hostIp: hostIp?.replace(/^\[(.*)\]$/, '$1'),
    published,
    publishedSpan: publishedNode?.span ?? node.span,
    target,
    protocol: (str(get(node, 'protocol')) ?? 'tcp').toLowerCase(),
  };
}
