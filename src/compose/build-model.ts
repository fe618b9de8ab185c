import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import { parseImageRef } from '../images/ref.js';
import type { SourceFile } from '../source/source-file.js';
import type { BuildSpec, CommandSpec, ComposeStack, Declared, EnvEntry, EnvExample, ImageRef, MountType, Service, VolumeMount } from './model.js';
import { subSpan } from './yaml-scalar.js';
import { splitWords } from './words.js';
import { get, isMap, isScalar, isSeq, str, type YMap, type YNode, type YPair, type YScalar } from './ynode.js';

export interface BuildInput {
  name: string;
  environment: string;
  files: string[];
  projectDir: string;
  sources: Map<string, SourceFile>;
  root: YMap;
  versionFields: YPair[];
  env: Record<string, string>;
  envExample?: EnvExample;
}

/** Builds the typed model rules read from a merged, interpolated Compose tree. */
export function buildComposeStack(input: BuildInput): ComposeStack {
  const { root, sources } = input;
  const servicesNode = get(root, 'services');
  const services: Service[] = [];
  if (isMap(servicesNode)) for (const p of servicesNode.pairs) if (isMap(p.value)) services.push(buildService(p, sources));
  return {
    name: input.name,
    environment: input.environment,
    files: input.files,
    projectDir: input.projectDir,
    sources,
    root,
    versionFields: input.versionFields,
    services,
    volumes: declared(get(root, 'volumes')),
    networks: declared(get(root, 'networks')),
    secrets: declared(get(root, 'secrets')),
    configs: declared(get(root, 'configs')),
    env: input.env,
    envExample: input.envExample,
  };
}

function declared(node: YNode | undefined): Declared[] {
  if (!isMap(node)) return [];
  return mapArray(node.pairs, (p) => {
    const ext = get(p.value, 'external');
    return { name: p.key, keySpan: p.keySpan, node: p.value, external: isScalar(ext) ? ext.value === true : isMap(ext) };
  });
}

type N = YNode | undefined;

function buildService(pair: YPair, sources: ReadonlyMap<string, SourceFile>): Service {
  const node = pair.value as YMap;
  // One pass over the service's keys instead of a lookup per field (last wins, like `get`).
  let image: N, build: N, volumes: N, environment: N, command: N, entrypoint: N, workingDir: N, envFile: N, ports: N, user: N;
  for (const p of node.pairs) {
    switch (p.key) {
      case 'image': image = p.value; break;
      case 'build': build = p.value; break;
      case 'volumes': volumes = p.value; break;
      case 'environment': environment = p.value; break;
      case 'command': command = p.value; break;
      case 'entrypoint': entrypoint = p.value; break;
      case 'working_dir': workingDir = p.value; break;
      case 'env_file': envFile = p.value; break;
      case 'ports': ports = p.value; break;
      case 'user': user = p.value; break;
    }
  }
  const envFileItems = isSeq(envFile) ? envFile.items : envFile ? [envFile] : [];
  return {
    name: pair.key,
    keySpan: pair.keySpan,
    node,
    image: imageRef(setScalar(image)),
    build: buildSpec(build, sources),
    volumes: mounts(volumes, sources),
    environment: envEntries(environment, sources),
    command: commandSpec(command),
    entrypoint: commandSpec(entrypoint),
    workingDir: setScalar(workingDir),
    envFiles: envFileItems
      .map((i) => (isMap(i) ? get(i, 'path') : i))
      .filter((i): i is YScalar => isScalar(i) && i.value !== null),
    ports: isSeq(ports) ? ports.items : [],
    user: setScalar(user),
  };
}

/** The node when it is a scalar with a value (not `~`/empty). */
function setScalar(v: YNode | undefined): YScalar | undefined {
  return isScalar(v) && v.value !== null ? v : undefined;
}

function imageRef(node: YScalar | undefined): ImageRef | undefined {
  const text = str(node);
  const parsed = text ? parseImageRef(text) : undefined;
  if (!node || !text || !parsed) return undefined;
  const ref: ImageRef = { text, repository: parsed.repository, node, span: node.span };
  if (parsed.registry !== undefined) ref.registry = parsed.registry;
  if (parsed.tag !== undefined) ref.tag = parsed.tag;
  if (parsed.digest !== undefined) ref.digest = parsed.digest;
  return ref;
}

function buildSpec(node: YNode | undefined, sources: ReadonlyMap<string, SourceFile>): BuildSpec | undefined {
  if (!node) return undefined;
  if (isScalar(node)) return node.value === null ? undefined : { node, context: node, args: [] };
  if (!isMap(node)) return undefined;
  const s = (key: string) => {
    const v = get(node, key);
    return isScalar(v) && v.value !== null ? v : undefined;
  };
  return {
    node,
    context: s('context'),
    dockerfile: s('dockerfile'),
    dockerfileInline: s('dockerfile_inline'),
    target: s('target'),
    args: envEntries(get(node, 'args'), sources),
  };
}

/** `KEY=value` list entries and `KEY: value` map entries alike. */
function envEntries(node: YNode | undefined, sources: ReadonlyMap<string, SourceFile>): EnvEntry[] {
  if (isMap(node)) {
    return mapArray(node.pairs, (p) => {
      const v = p.value;
      const value = isScalar(v) && v.value !== null ? String(v.value) : null;
      const raw = isScalar(v) ? (v.raw ?? value) : null;
      return { name: p.key, value, raw, span: v.span, valueSpan: v.span, node: v, refs: isScalar(v) ? (v.refs ?? []) : [] };
    });
  }
  if (!isSeq(node)) return [];
  const out: EnvEntry[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || item.value === null) continue;
    const text = String(item.value);
    const written = item.raw ?? text;
    const eq = text.indexOf('=');
    const writtenEq = written.indexOf('=');
    out.push({
      name: eq === -1 ? text : text.slice(0, eq),
      value: eq === -1 ? null : text.slice(eq + 1),
      raw: writtenEq === -1 ? null : written.slice(writtenEq + 1),
      span: item.span,
      valueSpan: writtenEq === -1 ? item.span : subSpan(item, sources, writtenEq + 1, written.length),
      node: item,
      refs: item.refs ?? [],
    });
  }
  return out;
}

function commandSpec(node: YNode | undefined): CommandSpec | undefined {
  if (isScalar(node) && node.value !== null) {
    const text = String(node.value);
    return { form: 'string', argv: splitWords(text), text, node, span: node.span };
  }
  if (isSeq(node)) {
    const argv = mapArray(node.items, (i) => str(i) ?? '');
    return { form: 'list', argv, text: argv.map(quoteWord).join(' '), node, span: node.span };
  }
  return undefined;
}

function quoteWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function mounts(node: YNode | undefined, sources: ReadonlyMap<string, SourceFile>): VolumeMount[] {
  if (!isSeq(node)) return [];
  const out: VolumeMount[] = [];
  for (const item of node.items) {
    const m = isScalar(item) ? shortMount(item, sources) : isMap(item) ? longMount(item) : undefined;
    if (m) out.push(m);
  }
  return out;
}

/** `[SOURCE:]TARGET[:MODE]`, as Compose reads it. */
function shortMount(item: YScalar, sources: ReadonlyMap<string, SourceFile>): VolumeMount | undefined {
  if (item.value === null) return undefined;
  const parts = splitVolumeSpec(String(item.value));
  const rawParts = item.raw === undefined ? parts : splitVolumeSpec(item.raw);
  if (parts.length === 0 || !parts[0]) return undefined;
  const hasSource = parts.length >= 2 && parts[1]!.startsWith('/');
  const source = hasSource ? parts[0] : undefined;
  const target = hasSource ? parts[1]! : parts[0]!;
  const mode = (hasSource ? parts[2] : parts[1]) ?? '';
  const rawSource = hasSource ? rawParts[0] : undefined;
  const refs = item.refs ? item.refs.filter((r) => rawSource?.includes(r.name)) : [];
  // Both forms build their mounts with the same keys in the same order: rules then see one shape.
  return {
    type: source === undefined ? 'volume' : isHostPath(source) ? 'bind' : 'volume',
    source,
    target,
    readOnly: mode !== '' && mode.split(',').includes('ro'),
    short: true,
    node: item,
    span: item.span,
    sourceSpan: rawSource !== undefined ? subSpan(item, sources, 0, rawSource.length) : item.span,
    sourceRefs: refs,
    rawSource,
  };
}

function longMount(item: YMap): VolumeMount | undefined {
  const target = str(get(item, 'target'));
  if (!target) return undefined;
  const sourceNode = get(item, 'source');
  const source = str(sourceNode);
  const type = (str(get(item, 'type')) ?? (source && isHostPath(source) ? 'bind' : 'volume')) as MountType;
  const sourceSpan: Span = sourceNode?.span ?? item.span;
  const ro = get(item, 'read_only');
  return {
    type,
    source,
    target,
    readOnly: isScalar(ro) && (ro.value === true || ro.value === 'true'),
    short: false,
    node: item,
    span: item.span,
    sourceSpan,
    sourceRefs: isScalar(sourceNode) ? (sourceNode.refs ?? []) : [],
    rawSource: isScalar(sourceNode) ? (sourceNode.raw ?? source) : undefined,
  };
}

/** Host paths start with `.`, `/` or `~` (or are empty after an unset variable); names don't. */
function isHostPath(source: string): boolean {
  const c = source[0];
  return source === '' || c === '.' || c === '/' || c === '~' || source.includes('/') || (source[1] === ':' && isDrive(source));
}

/** Splits on `:` outside `${…}`, so `${DATA:-./data}:/data:ro` keeps its default intact. */
export function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec.charCodeAt(i);
    if (c === 36 /* $ */ && spec.charCodeAt(i + 1) === 123 /* { */) depth++;
    else if (c === 125 /* } */ && depth > 0) depth--;
    else if (c === 58 /* : */ && depth === 0 && !(i === 1 && isDrive(spec))) {
      parts.push(spec.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(spec.slice(from));
  return parts;
}

/** `C:\data`, `c:/data`: a Windows drive letter, not a `SOURCE:` separator. */
function isDrive(spec: string): boolean {
  const d = spec.charCodeAt(0) | 32;
  const sep = spec[2];
  return d >= 97 && d <= 122 && (sep === '\\' || sep === '/');
}
