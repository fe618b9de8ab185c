import path from 'node:path';
import { mapArray } from '../arrays.js';
import type { StackPlan } from '../discover/types.js';
import type { Diagnostic, Severity, Span } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { buildComposeStack } from './build-model.js';
import { parseEnvFile } from './env-file.js';
import { resolveExtends } from './extends.js';
import type { FileCache } from './file-cache.js';
import { applyInclude } from './include.js';
import type { IncludeRequest } from './include.js';
import { interpolate, missingRequiredVariable, type InterpolationProblem } from './interpolate.js';
import { mergeFiles } from './merge.js';
import type { ComposeStack, EnvExample } from './model.js';
import { validateCompose } from './validate.js';
import { getPair } from './ynode.js';
import type { YMap, YPair } from './ynode.js';

export interface LoadContext {
  cwd: string;
  files: FileCache;
  /**
   * Interpolated and validated files, shared by the stacks of one run: the dev and prod
   * stacks of a base file usually read the same `.env`, so the work is done once.
   */
  interpolated?: Map<string, Map<string, Interpolated>>;
}

interface Interpolated {
  root: YMap;
  problems: { message: string; span: Span; severity?: Severity }[];
}

export interface LoadedStack {
  stack?: ComposeStack;
  diagnostics: Diagnostic[];
  /** Every file read for this stack (compose files, extended and included files, env files). */
  sources: SourceFile[];
  /** Relative paths of the env files among the sources. */
  envFiles: string[];
}

/** What one stack's files resolve to before building the typed model. */
export interface ResolvedTree {
  root?: YMap;
  env: Record<string, string>;
  versionFields: YPair[];
  diagnostics: Diagnostic[];
  sources: SourceFile[];
  envFiles: string[];
}

/**
 * Loads one stack: env → read/parse → interpolate → schema → extends → include → merge →
 * typed model. Interpolation reads only the stack's env files (`plan.envFiles`, else `.env` in
 * the project folder), never the process environment: findings must not depend on the shell
 * ragcheck happens to run in. A file that cannot be read or parsed is a `parse-error`; the
 * stack still loads from the other files, unless the first (base) file is the broken one.
 */
export async function loadStack(plan: StackPlan, ctx: LoadContext): Promise<LoadedStack> {
  const tree = await loadTree(plan, ctx);
  if (!tree.root) return { diagnostics: tree.diagnostics, sources: tree.sources, envFiles: tree.envFiles };
  const envExample = await readEnvExample(plan.projectDir, ctx.files);
  if (envExample && !tree.sources.includes(envExample.file)) {
    // Read, not linted: findings in it still get a code frame.
    tree.sources.push(envExample.file);
    tree.envFiles.push(envExample.file.path);
  }
  // A required variable the stack documents is one its deployers are told to set: that it is
  // unset where ragcheck runs says nothing about the files.
  const documented = new Set(envExample?.names.map((n) => n.name));
  const diagnostics = documented.size ? tree.diagnostics.filter((d) => !documented.has(missingRequiredVariable(d.message) ?? '')) : tree.diagnostics;
  const sources = new Map(tree.sources.map((s) => [s.path, s]));
  const stack = buildComposeStack({
    name: plan.name,
    environment: plan.environment,
    files: mapArray(plan.files, (f) => ctx.files.relative(f)),
    projectDir: ctx.files.relative(plan.projectDir) || '.',
    sources,
    root: tree.root,
    versionFields: tree.versionFields,
    env: tree.env,
    envExample,
  });
  return { stack, diagnostics, sources: tree.sources, envFiles: tree.envFiles };
}

/** Names documented by each `.env.example` read (its text is read once, through the file cache). */
const envExamples = new WeakMap<SourceFile, EnvExample>();

/** `<projectDir>/.env.example`, parsed, or undefined when the folder has none. */
async function readEnvExample(projectDir: string, files: FileCache): Promise<EnvExample | undefined> {
  const r = await files.read(path.join(projectDir, '.env.example'));
  if (!r.ok) return undefined;
  let example = envExamples.get(r.file);
  if (!example) {
    example = { file: r.file, names: mapArray(parseEnvFile(r.file).entries, (e) => ({ name: e.key, span: e.keySpan })) };
    envExamples.set(r.file, example);
  }
  return example;
}

/** The merged, interpolated tree of a stack (what `ragcheck resolve` prints). */
export async function loadTree(plan: StackPlan, ctx: LoadContext): Promise<ResolvedTree> {
  return new StackLoader(ctx.files, ctx.interpolated ?? new Map()).load(plan);
}

class StackLoader {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sources = new Map<string, SourceFile>();
  private readonly envFiles = new Set<string>();
  private rootEnv: Record<string, string> = {};
  private envKey = '';

  constructor(
    private readonly files: FileCache,
    private readonly cache: Map<string, Map<string, Interpolated>>,
  ) {}

  async load(plan: StackPlan): Promise<ResolvedTree> {
    const env = await this.env(plan.envFiles, plan.projectDir, {});
    this.rootEnv = env;
    this.envKey = JSON.stringify(env);
    const roots: YMap[] = [];
    const versionFields: YPair[] = [];
    for (let i = 0; i < plan.files.length; i++) {
      const abs = plan.files[i]!;
      const root = await this.file(abs, env, plan.projectDir, []);
      if (!root) {
        if (i === 0) return this.result(undefined, env, versionFields);
        continue;
      }
      const version = getPair(root, 'version');
      if (version) versionFields.push(version);
      roots.push(root);
    }
    const problems: { message: string; span: Span }[] = [];
    const merged = roots.length ? mergeFiles(roots, problems) : undefined;
    this.report('compose-schema', problems);
    return this.result(merged, env, versionFields);
  }

  private result(root: YMap | undefined, env: Record<string, string>, versionFields: YPair[]): ResolvedTree {
    return { root, env, versionFields, diagnostics: this.diagnostics, sources: [...this.sources.values()], envFiles: [...this.envFiles] };
  }

  /** Variables for interpolation: explicit env files in order (later wins), else `<dir>/.env`. */
  private async env(envFiles: string[], projectDir: string, inherited: Record<string, string>): Promise<Record<string, string>> {
    const explicit = envFiles.length > 0;
    const list = explicit ? envFiles : [path.join(projectDir, '.env')];
    let env = inherited;
    for (const f of list) {
      const r = await this.files.read(f);
      if (!r.ok) {
        // A missing default `.env` is normal; a named one that cannot be read is not.
        if (explicit) this.report('parse-error', [r.problem]);
        continue;
      }
      this.sources.set(r.file.path, r.file);
      this.envFiles.add(r.file.path);
      const parsed = parseEnvFile(r.file, env);
      this.report('parse-error', parsed.problems);
      env = { ...env, ...parsed.values };
    }
    return env;
  }

  /** One compose file: parsed, interpolated, validated, with its extends and include applied. */
  private async file(abs: string, env: Record<string, string>, projectDir: string, chain: string[]): Promise<YMap | undefined> {
    const root = await this.interpolated(abs, env);
    if (!root) return undefined;
    const problems: { message: string; span: Span }[] = [];
    const extended = await resolveExtends(root, abs, { loadFile: (f) => this.interpolated(f, env), problems });
    const included = await applyInclude(extended, abs, projectDir, { loadProject: (req, ch) => this.project(req, env, ch), problems }, chain);
    this.report('compose-schema', problems);
    return included;
  }

  private async interpolated(abs: string, env: Record<string, string>): Promise<YMap | undefined> {
    const parsed = await this.files.parse(abs);
    if (parsed.file) this.sources.set(parsed.file.path, parsed.file);
    if (!parsed.ok) {
      this.report('parse-error', [parsed.problem]);
      return undefined;
    }
    const key = env === this.rootEnv ? this.envKey : JSON.stringify(env);
    let byEnv = this.cache.get(abs);
    if (!byEnv) this.cache.set(abs, (byEnv = new Map()));
    let done = byEnv.get(key);
    if (!done) {
      const problems: InterpolationProblem[] = [];
      const root = interpolate(parsed.root, env, problems) as YMap;
      problems.push(...validateCompose(root));
      done = { root, problems };
      byEnv.set(key, done);
    }
    this.report('compose-schema', done.problems);
    return done.root;
  }

  /** An included project: its own env (parent's, then its env files) and files merged. */
  private async project(req: IncludeRequest, parentEnv: Record<string, string>, chain: string[]): Promise<YMap | undefined> {
    const env = await this.env(req.envFiles, req.projectDir, parentEnv);
    const roots: YMap[] = [];
    for (const f of req.files) {
      const root = await this.file(f, env, req.projectDir, chain);
      if (root) roots.push(root);
    }
    if (roots.length === 0) return undefined;
    const problems: { message: string; span: Span }[] = [];
    const merged = mergeFiles(roots, problems);
    this.report('compose-schema', problems);
    return merged;
  }

  private report(ruleId: 'parse-error' | 'compose-schema', problems: { message: string; span: Span; severity?: Severity }[]): void {
    for (const p of problems) this.diagnostics.push({ ruleId, severity: p.severity ?? 'error', message: p.message, span: p.span });
  }
}
