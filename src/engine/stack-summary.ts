import { mapArray } from '../arrays.js';
import type { ComposeStack, Service } from '../compose/model.js';
import type { YNode } from '../compose/ynode.js';
import { stageChain } from '../dockerfile/chain.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { EffectiveImage } from '../stack/effective-image.js';
import type { StackOutcome } from './check-stacks.js';
import { milder } from './run-rules.js';
import type { Diagnostic, Severity, Span } from './types.js';

/** One stack as linted, with the rules that found something on each of its services. */
export interface StackSummary {
  name: string;
  environment: string;
  /** The compose files merged, in order, as reports show them. */
  files: string[];
  /** Empty when the stack did not load (its base file does not parse). */
  services: ServiceSummary[];
}

export interface ServiceSummary {
  name: string;
  /** `image:` as it resolved: what the service pulls, or the name its build is tagged with. */
  image?: string;
  /** The service has a `build:` section. */
  built: boolean;
  /** The rules with reported findings on this service, by id (sorted), each with its most severe finding's severity. */
  rules: Record<string, Severity>;
}

/**
 * What attribution needs of one stack, kept while the run goes on: spans and offsets, not the
 * compose trees, which are freed after the stack's last file is read.
 */
export interface StackShape {
  name: string;
  environment: string;
  files: string[];
  services: ServiceShape[];
}

interface ServiceShape {
  name: string;
  image?: string;
  built: boolean;
  /** Spans that lie inside the service's mappings, in every file that sets something on it. */
  spans: Span[];
  /**
   * The Dockerfile the service builds, when its build could be followed, and the `[start, end)`
   * offsets, pair after pair, of what shapes the stage it runs: the stage and those it is built
   * FROM, and the lines before the first FROM. Numbers, not the model: a model made for a
   * service's build args would otherwise outlive the run's use of it.
   */
  build?: { file: string; ranges: number[] };
}

/**
 * The service's spans: its key, its own mapping, and any value an overlay, `extends` or a YAML
 * alias brought in from elsewhere. Spans inside one already taken are left out, so a service
 * written out in one place costs two. This runs on every lint, so nodes are walked only where
 * something may have come in: not for a service of the first file that no later file of the
 * stack names and whose mapping uses no alias or `extends`, when the stack read no file but
 * its own (`composeFiles`: how many compose files it read, extended and included ones too).
 */
export function stackShape(stack: ComposeStack, effective: ReadonlyMap<string, EffectiveImage>, composeFiles: number): StackShape {
  const plain = composeFiles === stack.files.length;
  const named = new Set<string>();
  if (plain) for (let i = 1; i < stack.files.length; i++) for (const m of (stack.sources.get(stack.files[i]!)?.text ?? '').matchAll(KEY)) named.add(m[1]!);
  const services: ServiceShape[] = [];
  for (let i = 0; i < stack.services.length; i++) {
    const service = stack.services[i]!;
    const file = service.keySpan.file;
    const asWritten = plain && file === stack.files[0] && !named.has(service.name);
    services.push(serviceShape(service, effective.get(service.name), stack.sources.get(file)?.text ?? '', asWritten));
  }
  return { name: stack.name, environment: stack.environment, files: stack.files, services };
}

/** Every word a later file could have as a key, quoted or not (service names are `[a-zA-Z0-9._-]`): more than the keys, never fewer. */
const KEY = /([\w.-]+)["']?[ \t]*:/g;

function serviceShape(service: Service, effective: EffectiveImage | undefined, text: string, asWritten: boolean): ServiceShape {
  const { keySpan, node } = service;
  const spans: Span[] = [keySpan];
  // A mapping an overlay gave a service its base file left empty (`api:`) is not under its key.
  const own = follows(keySpan, node.span, text);
  const cover = own ? node.span : keySpan;
  if (own) spans.push(cover);
  if (!own || !asWritten || /\*|extends/.test(text.slice(keySpan.start, node.span.end))) {
    const { pairs } = node;
    for (let i = 0; i < pairs.length; i++) walk(pairs[i]!.value, add(pairs[i]!.keySpan, cover, spans), spans);
  }
  const shape: ServiceShape = { name: service.name, built: service.build !== undefined, spans };
  if (service.image) shape.image = service.image.text;
  if (effective?.dockerfile && effective.stage) shape.build = { file: effective.dockerfile.file.path, ranges: stageRanges(effective.dockerfile, effective.stage) };
  return shape;
}

function stageRanges(dockerfile: DockerfileModel, stage: Stage): number[] {
  const first = dockerfile.stages[0]!;
  const ranges = [0, first.from.span.start];
  for (const st of stageChain(dockerfile, stage)) {
    const next = dockerfile.stages[st.index + 1];
    ranges.push(st.from.span.start, next ? next.from.span.start : Infinity);
  }
  return ranges;
}

/** Whether `value` is the mapping written under `key`: only `:`, an anchor or tag, blanks and comments between them. */
function follows(key: Span, value: Span, text: string): boolean {
  if (value.file !== key.file || value.start < key.end || value.start - key.end > 1024) return false;
  // Mostly `:` and a line break with indentation: no slice, no regex.
  let i = key.end;
  if (text.charCodeAt(i) === 58 /* : */) while (++i < value.start && /* blank */ text.charCodeAt(i) <= 32);
  if (i === value.start) return true;
  return /^\s*:\s*(?:(?:[&!]\S*|#[^\n]*)\s*)*$/.test(text.slice(key.end, value.start));
}

function walk(node: YNode, cover: Span, out: Span[]): void {
  const c = add(node.span, cover, out);
  if (node.kind === 'map') {
    const { pairs } = node;
    for (let i = 0; i < pairs.length; i++) {
      const { keySpan, value } = pairs[i]!;
      const k = add(keySpan, c, out);
      if (value.kind === 'scalar') add(value.span, k, out);
      else walk(value, k, out);
    }
  } else if (node.kind === 'seq') {
    const { items } = node;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'scalar') add(item.span, c, out);
      else walk(item, c, out);
    }
  }
}

/** Takes `s` unless `cover` holds it; returns what now covers what lies under `s`. */
function add(s: Span, cover: Span, out: Span[]): Span {
  if (s.file === cover.file && s.start >= cover.start && s.end <= cover.end) return cover;
  out.push(s);
  return s;
}

/**
 * Which services each reported finding is on. A stack's own findings count for it only if
 * they survived suppression (`reported` holds them, as `same` finds); a finding in a compose
 * file belongs to the services whose spans hold it; one in a Dockerfile, to the services that
 * run a stage built on the stage it sits in (before the first FROM: every stage). A
 * Dockerfile's own findings count for every stack that builds it.
 */
export function summarizeStacks(outcomes: readonly StackOutcome[], same: (d: Diagnostic) => Diagnostic | undefined): StackSummary[] {
  const byDockerfile = new Map<string, Diagnostic[]>();
  for (const o of outcomes) {
    if (!o.dockerfile) continue;
    const kept = o.diagnostics.map(same).filter((d): d is Diagnostic => d !== undefined);
    byDockerfile.set(o.dockerfile, [...(byDockerfile.get(o.dockerfile) ?? []), ...kept]);
  }
  const out: StackSummary[] = [];
  for (const o of outcomes) {
    if (!o.shape) continue;
    const { shape } = o;
    const services: ServiceSummary[] = mapArray(shape.services, (s) => ({ name: s.name, ...(s.image !== undefined && { image: s.image }), built: s.built, rules: {} }));
    const ranges = rangesByFile(shape);
    const note = (d: Diagnostic) => {
      for (const r of ranges.get(d.span.file) ?? []) if (d.span.start >= r.start && d.span.end <= r.end) worst(services[r.service]!.rules, d);
    };
    for (const list of [o.diagnostics, o.everyStack ?? []]) {
      for (const d of list) {
        const kept = same(d);
        if (kept) note(kept);
      }
    }
    const built = new Set(shape.services.flatMap((s) => (s.build ? [s.build.file] : [])));
    for (const file of built) for (const d of byDockerfile.get(file) ?? []) note(d);
    for (const s of services) s.rules = sortedKeys(s.rules);
    out.push({ name: shape.name, environment: shape.environment, files: shape.files, services });
  }
  return out;
}

interface Range {
  service: number;
  start: number;
  end: number;
}

function rangesByFile(shape: StackShape): Map<string, Range[]> {
  const byFile = new Map<string, Range[]>();
  const push = (file: string, r: Range) => {
    const list = byFile.get(file);
    if (list) list.push(r);
    else byFile.set(file, [r]);
  };
  shape.services.forEach((s, service) => {
    for (const span of s.spans) push(span.file, { service, start: span.start, end: span.end });
    if (!s.build) return;
    const { file, ranges } = s.build;
    for (let i = 0; i < ranges.length; i += 2) push(file, { service, start: ranges[i]!, end: ranges[i + 1]! });
  });
  return byFile;
}

function worst(rules: Record<string, Severity>, d: Diagnostic): void {
  const had = rules[d.ruleId];
  if (had === undefined || milder(had, d.severity) === had) rules[d.ruleId] = d.severity;
}

function sortedKeys(rules: Record<string, Severity>): Record<string, Severity> {
  const ids = Object.keys(rules);
  if (ids.every((id, i) => i === 0 || ids[i - 1]! < id)) return rules;
  const out: Record<string, Severity> = {};
  for (const id of ids.sort()) out[id] = rules[id]!;
  return out;
}
