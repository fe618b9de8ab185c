import path from 'node:path';
import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import { mergeService, splitVolume } from './merge.js';
import { get, getPair, isMap, isScalar, isSeq, str } from './ynode.js';
import type { YMap, YNode, YPair, YScalar } from './ynode.js';

export interface ExtendsProblem {
  message: string;
  span: Span;
}

export interface ExtendsContext {
  /**
   * Another Compose file, parsed and interpolated like the stack's own files; undefined when
   * it cannot be loaded (the loader reports why).
   */
  loadFile(absPath: string): Promise<YMap | undefined>;
  problems: ExtendsProblem[];
}

/**
 * Resolves `extends` in every service of one file: the base service (same file or `file:`,
 * itself possibly extending another) is merged under the local one with the overlay rules.
 * Paths in a base from another folder are rebased onto this file's folder. A cycle is a
 * problem at the `extends` key that closes it. Returns a new root without `extends` keys.
 */
export async function resolveExtends(root: YMap, fileAbs: string, ctx: ExtendsContext): Promise<YMap> {
  const services = get(root, 'services');
  if (!isMap(services) || !services.pairs.some((p) => isMap(p.value) && getPair(p.value, 'extends'))) return root;
  const r = new Resolver(ctx);
  r.roots.set(fileAbs, root);
  const pairs: YPair[] = [];
  for (const p of services.pairs) {
    pairs.push(isMap(p.value) && getPair(p.value, 'extends') ? { ...p, value: await r.service(fileAbs, p.key, []) ?? p.value } : p);
  }
  return replaceKey(root, 'services', { ...services, pairs });
}

class Resolver {
  readonly roots = new Map<string, YMap | undefined>();
  private readonly done = new Map<string, YMap>();

  constructor(private readonly ctx: ExtendsContext) {}

  private async root(fileAbs: string): Promise<YMap | undefined> {
    if (!this.roots.has(fileAbs)) this.roots.set(fileAbs, await this.ctx.loadFile(fileAbs));
    return this.roots.get(fileAbs);
  }

  /** The service with its `extends` chain applied; `chain` holds the `file#service` keys above it. */
  async service(fileAbs: string, name: string, chain: string[]): Promise<YMap | undefined> {
    const key = `${fileAbs}#${name}`;
    const memo = this.done.get(key);
    if (memo) return memo;
    const svc = get(get(await this.root(fileAbs), 'services'), name);
    if (!isMap(svc)) return undefined;
    const extPair = getPair(svc, 'extends');
    if (!extPair) return svc;
    const local = withoutKey(svc, 'extends');
    const problem = (message: string, span: Span): YMap => {
      this.ctx.problems.push({ message, span });
      // Remembered so the same broken link is reported once, whichever service reaches it first.
      this.done.set(key, local);
      return local;
    };

    const ext = extPair.value;
    const baseName = isScalar(ext) ? str(ext) : str(get(ext, 'service'));
    if (baseName === undefined) return problem(`extends of service ${name} must name a service`, ext.span);
    const fileNode = isMap(ext) ? get(ext, 'file') : undefined;
    const fileRel = str(fileNode);
    const baseFile = fileRel === undefined ? fileAbs : path.resolve(path.dirname(fileAbs), fileRel);
    const baseKey = `${baseFile}#${baseName}`;
    if (baseKey === key || chain.includes(baseKey)) {
      const names = [...chain, key, baseKey].slice(chain.indexOf(baseKey) === -1 ? chain.length : chain.indexOf(baseKey));
      return problem(`Circular extends: ${names.map((k) => k.slice(k.lastIndexOf('#') + 1)).join(' -> ')}`, extPair.keySpan);
    }
    const baseRoot = await this.root(baseFile);
    if (!baseRoot) return problem(`Cannot load ${fileRel} extended by service ${name}`, fileNode!.span);
    if (!isMap(get(get(baseRoot, 'services'), baseName))) {
      const where = fileRel === undefined ? 'this file' : fileRel;
      return problem(`Service ${baseName} extended by ${name} is not defined in ${where}`, ext.span);
    }
    let base = (await this.service(baseFile, baseName, [...chain, key]))!;
    if (path.dirname(baseFile) !== path.dirname(fileAbs)) base = rebaseServicePaths(base, path.dirname(baseFile), path.dirname(fileAbs));
    const merged = { ...mergeService(base, local, this.ctx.problems), span: svc.span };
    this.done.set(key, merged);
    return merged;
  }
}

function withoutKey(map: YMap, key: string): YMap {
  return { ...map, pairs: map.pairs.filter((p) => p.key !== key) };
}

export function replaceKey(map: YMap, key: string, value: YNode | undefined): YMap {
  const pairs = mapArray(map.pairs.filter((p) => p.key !== key || value !== undefined), (p) => (p.key === key ? { ...p, value: value! } : p));
  return { ...map, pairs };
}

// ---------------------------------------------------------------------------------------------
// Relative paths: a service read from another folder keeps pointing at the same files.

const isRemote = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@') || s.startsWith('github.com/');

function rebase(p: string, fromDir: string, toDir: string, keepDot: boolean): string {
  if (path.isAbsolute(p) || p.startsWith('~') || isRemote(p) || p.includes('$')) return p;
  const rel = path.relative(toDir, path.resolve(fromDir, p)).split(path.sep).join('/');
  if (rel === '') return '.';
  return keepDot && !rel.startsWith('.') ? `./${rel}` : rel;
}

function rebaseScalar(n: YNode | undefined, fromDir: string, toDir: string, keepDot: boolean): YNode | undefined {
  if (!isScalar(n) || typeof n.value !== 'string') return n;
  const value = rebase(n.value, fromDir, toDir, keepDot);
  return value === n.value ? n : ({ ...n, value } satisfies YScalar);
}

function mapValues(map: YMap, f: (key: string, v: YNode) => YNode | undefined): YMap {
  return { ...map, pairs: mapArray(map.pairs, (p) => ({ ...p, value: f(p.key, p.value) ?? p.value })) };
}

/** Rebases build contexts, bind sources and env files of a service from one folder to another. */
export function rebaseServicePaths(svc: YMap, fromDir: string, toDir: string): YMap {
  return mapValues(svc, (key, v) => {
    switch (key) {
      case 'build':
        if (isScalar(v)) return rebaseScalar(v, fromDir, toDir, false);
        return isMap(v) ? mapValues(v, (k, c) => (k === 'context' ? rebaseScalar(c, fromDir, toDir, false) : c)) : v;
      case 'env_file':
      case 'label_file':
        if (isSeq(v)) return { ...v, items: mapArray(v.items, (i) => (isMap(i) ? mapValues(i, (k, c) => (k === 'path' ? rebaseScalar(c, fromDir, toDir, false) : c)) : rebaseScalar(i, fromDir, toDir, false)!)) };
        return rebaseScalar(v, fromDir, toDir, false);
      case 'volumes':
        return isSeq(v) ? { ...v, items: mapArray(v.items, (i) => rebaseVolume(i, fromDir, toDir)) } : v;
      default:
        return v;
    }
  });
}

function rebaseVolume(v: YNode, fromDir: string, toDir: string): YNode {
  if (isMap(v)) {
    const type = str(get(v, 'type'));
    return type === 'bind' ? mapValues(v, (k, c) => (k === 'source' ? rebaseScalar(c, fromDir, toDir, true) : c)) : v;
  }
  const s = str(v);
  if (s === undefined || !isScalar(v)) return v;
  const parts = splitVolume(s);
  // Only `.`-relative sources are paths; a bare name is a named volume.
  if (parts.length < 2 || !parts[0]!.startsWith('.')) return v;
  parts[0] = rebase(parts[0]!, fromDir, toDir, true);
  return { ...v, value: parts.join(':') };
}

/** Rebases `file:` of top-level secrets and configs, and every service. */
export function rebaseRootPaths(root: YMap, fromDir: string, toDir: string): YMap {
  if (fromDir === toDir) return root;
  return mapValues(root, (key, v) => {
    if (!isMap(v)) return v;
    if (key === 'services') return mapValues(v, (_, s) => (isMap(s) ? rebaseServicePaths(s, fromDir, toDir) : s));
    if (key === 'secrets' || key === 'configs') return mapValues(v, (_, d) => (isMap(d) ? mapValues(d, (k, c) => (k === 'file' ? rebaseScalar(c, fromDir, toDir, false) : c)) : d));
    return v;
  });
}
