import path from 'node:path';
import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import { rebaseRootPaths, replaceKey } from './extends.js';
import { get, getPair, isMap, isScalar, isSeq, str, toJS } from './ynode.js';
import type { YMap, YNode, YPair } from './ynode.js';

export interface IncludeProblem {
  message: string;
  span: Span;
}

/** One `include:` entry, with paths made absolute. */
export interface IncludeRequest {
  files: string[];
  /** Where the included project's relative paths point (default: the first file's folder). */
  projectDir: string;
  /** Explicit `env_file`s; empty means `.env` in `projectDir` if present. */
  envFiles: string[];
  /** The entry in the including file, for problems. */
  span: Span;
}

export interface IncludeContext {
  /** Loads an included project (its files merged, its own include and extends applied). */
  loadProject(req: IncludeRequest, chain: string[]): Promise<YMap | undefined>;
  problems: IncludeProblem[];
}

/** Top-level sections an included project contributes. */
const SECTIONS = ['services', 'volumes', 'networks', 'secrets', 'configs', 'models'] as const;

/**
 * Applies `include:` of one file: each entry (short `- path` or long `{path, project_directory,
 * env_file}`; relative paths from the including file's folder) is loaded as its own project,
 * its paths rebased onto `projectDir`, and its resources added. A resource the including file
 * (or an earlier include) defines differently is a conflict, as in Compose. `chain` holds the
 * files above this one, to stop include cycles. Returns a new root without `include`.
 */
export async function applyInclude(root: YMap, fileAbs: string, projectDir: string, ctx: IncludeContext, chain: string[] = []): Promise<YMap> {
  const pair = getPair(root, 'include');
  if (!pair) return root;
  let out = replaceKey(root, 'include', undefined);
  if (!isSeq(pair.value)) {
    if (!(isScalar(pair.value) && pair.value.value === null)) ctx.problems.push({ message: 'include must be a list', span: pair.value.span });
    return out;
  }
  const dir = path.dirname(fileAbs);
  for (const entry of pair.value.items) {
    const req = request(entry, dir, ctx.problems);
    if (!req) continue;
    const loop = req.files.find((f) => f === fileAbs || chain.includes(f));
    if (loop) {
      ctx.problems.push({ message: `Include cycle: ${path.basename(loop)} includes itself`, span: entry.span });
      continue;
    }
    const model = await ctx.loadProject(req, [...chain, fileAbs]);
    if (!model) continue;
    out = importResources(out, rebaseRootPaths(model, req.projectDir, projectDir), entry.span, ctx.problems);
  }
  return out;
}

function request(entry: YNode, dir: string, problems: IncludeProblem[]): IncludeRequest | undefined {
  const abs = (p: string): string => path.resolve(dir, p);
  const list = (n: YNode | undefined): string[] | undefined => {
    if (n === undefined) return [];
    if (isScalar(n)) return str(n) === undefined ? undefined : [str(n)!];
    if (isSeq(n)) {
      const items = mapArray(n.items, str);
      return items.every((i): i is string => i !== undefined) ? items : undefined;
    }
    return undefined;
  };
  const files = isMap(entry) ? list(get(entry, 'path')) : list(entry);
  if (!files || files.length === 0) {
    problems.push({ message: 'include entry must name a file (a path or {path: …})', span: entry.span });
    return undefined;
  }
  const envFiles = isMap(entry) ? list(get(entry, 'env_file')) ?? [] : [];
  const projDir = isMap(entry) ? str(get(entry, 'project_directory')) : undefined;
  const absFiles = mapArray(files, abs);
  return { files: absFiles, projectDir: projDir === undefined ? path.dirname(absFiles[0]!) : abs(projDir), envFiles: mapArray(envFiles, abs), span: entry.span };
}

function importResources(root: YMap, model: YMap, span: Span, problems: IncludeProblem[]): YMap {
  let out = root;
  for (const section of SECTIONS) {
    const incoming = get(model, section);
    if (!isMap(incoming) || incoming.pairs.length === 0) continue;
    const existing = get(out, section);
    const pairs: YPair[] = isMap(existing) ? existing.pairs.slice() : [];
    const index = new Map(pairs.map((p, i) => [p.key, i]));
    for (const p of incoming.pairs) {
      const at = index.get(p.key);
      if (at === undefined) {
        index.set(p.key, pairs.length);
        pairs.push(p);
      } else if (JSON.stringify(toJS(pairs[at]!.value)) !== JSON.stringify(toJS(p.value))) {
        problems.push({ message: `${section}.${p.key} conflicts with a resource of the same name in an included file`, span: pairs[at]!.keySpan });
      }
    }
    const node: YMap = isMap(existing) ? { ...existing, pairs } : { kind: 'map', pairs, span };
    out = getPair(out, section) ? replaceKey(out, section, node) : { ...out, pairs: [...out.pairs, { key: section, keySpan: span, value: node }] };
  }
  return out;
}
