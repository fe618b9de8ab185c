/**
 * The build-args-dependent layer: global ARGs, stages and their bases, and per stage the state
 * its instructions set (`own`) and the state inherited along FROM-<stage> chains
 * (`effective`), computed once here so rules never re-walk instructions.
 */
import { posix } from 'node:path';
import { mapArray } from '../arrays.js';
import type { Span } from '../engine/types.js';
import { isValidReference } from '../images/reference-grammar.js';
import { parseImageRef } from '../images/ref.js';
import { expandWord, type Lookup } from './expand.js';
import { KEYWORDS } from './instruction.js';
import { SpanMaker } from './spans.js';
import type { Syntax, SyntaxItem } from './syntax.js';
import type { ArgDecl, CopyInstruction, DockerfileModel, DockerfileProblem, Instruction, Stage, StageBase, StageState, ValueAt } from './types.js';
import { parseJsonStrings, splitWords, unquote, type RawWord } from './words.js';

/** Platform ARGs BuildKit defines in the global scope without a declaration; values unknown here. */
const AUTOMATIC_ARGS = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
]);
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** POSIX, or Windows (`c:\\app`, `\\app`) for Windows base images. */
const ABSOLUTE_PATH = /^(?:\/|\\|[A-Za-z]:[\\/])/;

type EnvEntry = StageState['env'] extends Map<string, infer V> ? V : never;

interface Decl {
  decl: ArgDecl;
  /** The default as written, for expansion. */
  raw?: string;
}

export function resolveStages(syn: Syntax, buildArgs: Readonly<Record<string, string>>): DockerfileModel {
  return new Resolver(syn, buildArgs).run();
}

class Resolver {
  readonly escape: string;
  readonly spans: SpanMaker;
  readonly problems: DockerfileProblem[];
  readonly globals = new Map<string, string | undefined>();
  readonly globalLookup: Lookup = (name) => this.globals.get(name);
  readonly stages: Stage[] = [];
  /** Stage names defined so far → index. */
  readonly byName = new Map<string, number>();
  /** Every stage name in the file → first index, for "defined later" checks. */
  readonly allNames: Map<string, number>;

  constructor(
    readonly syn: Syntax,
    readonly buildArgs: Readonly<Record<string, string>>,
  ) {
    this.escape = syn.directives.escape;
    this.spans = new SpanMaker(syn.file);
    this.problems = [...syn.problems];
    this.allNames = stageNames(syn, this.escape);
  }

  run(): DockerfileModel {
    const { syn, stages } = this;
    const globalArgs: ArgDecl[] = [];
    let current: StageBuilder | undefined;
    for (const item of syn.items) {
      const ins = item.instruction;
      if (ins.keyword === 'FROM') {
        const stage = this.fromStage(item, stages.length);
        stages.push(stage);
        current = new StageBuilder(this, stage);
        if (stage.name && !this.byName.has(stage.name)) this.byName.set(stage.name, stage.index);
      } else if (current) {
        current.apply(item);
      } else if (ins.keyword === 'ARG') {
        for (const { decl, raw } of this.argDecls(item)) {
          globalArgs.push(decl);
          this.globals.set(decl.name, this.argValue(decl.name, raw, this.globalLookup, undefined));
        }
      } else if (KEYWORDS.has(ins.keyword)) {
        this.problem(`${ins.keyword} before the first FROM: only ARG may come before it`, ins.keywordSpan);
      }
    }
    const { file } = syn;
    if (stages.length === 0) this.problem('No FROM instruction: there is nothing to build', file.span(0, file.lineText(1).length));
    return {
      file,
      directives: syn.directives,
      globalArgs,
      stages,
      instructions: mapArray(syn.items, (i) => i.instruction),
      buildArgs: this.buildArgs,
      problems: this.problems,
    };
  }

  problem(message: string, span: Span): void {
    this.problems.push({ message, span });
  }

  wordSpan(ins: Instruction, w: { start: number; end: number }): Span {
    return this.spans.span(ins.argsToFile(w.start), ins.argsToFile(w.end, 'end'));
  }

  argDecls(item: SyntaxItem): Decl[] {
    const ins = item.instruction;
    const words = splitWords(ins.argsText, this.escape);
    if (words.length === 0) this.problem('ARG needs a name', ins.keywordSpan);
    return mapArray(words, (w) => {
      const eq = w.raw.indexOf('=');
      const name = eq === -1 ? w.raw : w.raw.slice(0, eq);
      const span = this.wordSpan(ins, w);
      if (!ARG_NAME.test(name)) this.problem(`Invalid ARG name ${name || w.raw}`, span);
      if (eq === -1) return { decl: { name, span } };
      const raw = w.raw.slice(eq + 1);
      return { decl: { name, default: unquote(raw, this.escape), span }, raw };
    });
  }

  /** A build arg overrides a declared ARG; `ARG X` in a stage takes the global X's value. */
  argValue(name: string, raw: string | undefined, lookup: Lookup, inherited: Map<string, string | undefined> | undefined): string | undefined {
    if (Object.hasOwn(this.buildArgs, name)) return this.buildArgs[name];
    if (raw !== undefined) {
      const e = expandWord(raw, lookup, this.escape);
      return e.resolved ? e.value : undefined;
    }
    return inherited?.get(name);
  }

  fromStage(item: SyntaxItem, index: number): Stage {
    const ins = item.instruction;
    const words = fromWords(item, this.escape);
    const hasAs = words.length === 3 && words[1]!.raw.toLowerCase() === 'as';
    if (words.length === 0) this.problem('FROM needs an image', ins.keywordSpan);
    else if (words.length !== 1 && !hasAs) this.problem('FROM takes an image and optionally AS <name>', ins.argsSpan);
    const base = this.baseOf(ins, words[0], index);
    const stage: Stage = {
      index,
      from: ins,
      base,
      instructions: [],
      args: [],
      own: emptyState(),
      effective: base.kind === 'stage' ? cloneState(this.stages[base.stage]!.effective) : emptyState(),
      runs: [],
      copies: [],
      onbuild: [],
    };
    if (hasAs) {
      const w = words[2]!;
      const name = unquote(w.raw, this.escape).toLowerCase();
      stage.name = name;
      stage.nameSpan = this.wordSpan(ins, w);
      if (!STAGE_NAME.test(name)) this.problem(`Invalid stage name ${name}: use letters, digits, -, _ and .`, stage.nameSpan);
      else if (this.byName.has(name)) this.problem(`Duplicate stage name ${name}`, stage.nameSpan);
    }
    const platform = ins.flags.find((f) => f.name === 'platform');
    if (platform?.value !== undefined) {
      const e = expandWord(platform.value, this.globalLookup, this.escape);
      stage.platform = e.resolved ? e.value : platform.value;
    }
    return stage;
  }

  baseOf(ins: Instruction, w: RawWord | undefined, index: number): StageBase {
    if (!w) return { kind: 'unresolved', written: '', span: ins.argsSpan };
    const span = this.wordSpan(ins, w);
    const e = expandWord(w.raw, this.globalLookup, this.escape);
    for (const name of e.missing)
      if (!this.globals.has(name) && !AUTOMATIC_ARGS.has(name))
        this.problem(`FROM uses \${${name}}, which no ARG before the first FROM declares`, span);
    if (!e.resolved) return { kind: 'unresolved', written: w.raw, span };
    const lower = e.value.toLowerCase();
    const stage = this.byName.get(lower);
    if (stage !== undefined) return { kind: 'stage', stage, span };
    if (lower === 'scratch') return { kind: 'scratch', span };
    const later = this.allNames.get(lower);
    if (later !== undefined && later >= index) this.problem(`FROM ${e.value} names a stage that is defined later; Docker pulls it as an image`, span);
    const ref = isValidReference(e.value) ? parseImageRef(e.value) : undefined;
    if (!ref) {
      this.problem(`FROM ${e.value} is not a valid image reference`, span);
      return { kind: 'unresolved', written: w.raw, span };
    }
    return { kind: 'image', text: e.value, ref, span, written: w.raw };
  }

  /** `--from=`: an earlier stage by name or index, else an image (as Docker resolves it). */
  copyFrom(value: string, lookup: Lookup, ins: Instruction, index: number): NonNullable<CopyInstruction['from']> {
    const e = expandWord(value, lookup, this.escape);
    const text = e.resolved ? e.value : value;
    const lower = text.toLowerCase();
    const named = this.byName.get(lower);
    if (named !== undefined) return { kind: 'stage', stage: named };
    const flag = ins.flags.find((f) => f.name === 'from')!;
    if (/^\d+$/.test(text)) {
      const n = Number(text);
      if (n < index) return { kind: 'stage', stage: n };
      this.problem(`${ins.keyword} --from=${text}: stage ${n} is not before this one`, flag.span);
    } else if (this.allNames.has(lower)) {
      this.problem(`${ins.keyword} --from=${text} names a stage that is not before this one; Docker pulls it as an image`, flag.span);
    }
    return { kind: 'image', text };
  }
}

class StageBuilder {
  private readonly args = new Map<string, string | undefined>();
  /** CMD set in this stage: an ENTRYPOINT resets an inherited CMD only (BuildKit's cmdSet). */
  private cmdSet = false;
  /** ENV (inherited or own) wins over ARG, as in Docker. */
  private readonly lookup: Lookup = (name) => {
    const env = this.stage.effective.env.get(name);
    if (env) return env.resolved ? env.value : undefined;
    return this.args.get(name);
  };

  constructor(
    private readonly r: Resolver,
    private readonly stage: Stage,
  ) {}

  private expand(ins: Instruction, raw: string): ValueAt {
    const e = expandWord(raw, this.lookup, this.r.escape);
    return { value: e.resolved ? e.value : unquote(raw, this.r.escape), resolved: e.resolved, instruction: ins };
  }

  apply(item: SyntaxItem): void {
    const { stage, r } = this;
    const { own, effective } = stage;
    const ins = item.instruction;
    stage.instructions.push(ins);
    switch (ins.keyword) {
      case 'ARG':
        for (const { decl, raw } of r.argDecls(item)) {
          stage.args.push(decl);
          this.args.set(decl.name, r.argValue(decl.name, raw, this.lookup, r.globals));
        }
        break;
      case 'ENV':
        for (const [name, v] of this.envPairs(ins)) {
          own.env.set(name, v);
          effective.env.set(name, v);
        }
        break;
      case 'USER':
        if (!ins.argsText) r.problem('USER needs a user', ins.keywordSpan);
        else own.user = effective.user = this.expand(ins, ins.argsText);
        break;
      case 'WORKDIR': {
        if (!ins.argsText) {
          r.problem('WORKDIR needs a path', ins.keywordSpan);
          break;
        }
        const v = this.expand(ins, ins.argsText);
        if (!ABSOLUTE_PATH.test(v.value)) v.value = joinWorkdir(effective.workdir?.value ?? '/', v.value);
        own.workdir = effective.workdir = v;
        break;
      }
      case 'EXPOSE':
        for (const w of splitWords(ins.argsText, r.escape)) {
          const port = this.expand(ins, w.raw).value;
          own.expose.push({ port, instruction: ins });
          if (!effective.expose.some((e) => e.port === port)) effective.expose.push({ port, instruction: ins });
        }
        break;
      case 'SHELL': {
        const json = parseJsonStrings(ins.argsText);
        if (json && json.values.length > 0) own.shell = effective.shell = json.values;
        else r.problem('SHELL needs the JSON form, e.g. SHELL ["/bin/bash", "-c"]', ins.argsSpan);
        break;
      }
      case 'CMD':
        own.cmd = effective.cmd = item.command!;
        this.cmdSet = true;
        break;
      case 'ENTRYPOINT':
        own.entrypoint = effective.entrypoint = item.command!;
        if (!this.cmdSet) delete effective.cmd;
        break;
      case 'HEALTHCHECK':
        if (item.healthcheck) own.healthcheck = effective.healthcheck = item.healthcheck;
        break;
      case 'RUN':
        stage.runs.push(item.run!);
        break;
      case 'COPY':
      case 'ADD':
        if (item.copy) stage.copies.push(this.copy(item.copy));
        break;
      case 'ONBUILD':
        if (item.trigger) stage.onbuild.push(item.trigger.instruction);
        break;
    }
  }

  private copy(draft: NonNullable<SyntaxItem['copy']>): CopyInstruction {
    const { fromFlag, chownFlag, ...rest } = draft;
    const out: CopyInstruction = rest;
    if (fromFlag !== undefined) out.from = this.r.copyFrom(fromFlag, this.lookup, draft.instruction, this.stage.index);
    if (chownFlag !== undefined) out.chown = this.expand(draft.instruction, chownFlag).value;
    return out;
  }

  /** `ENV a=1 b=2` or the legacy `ENV a 1`; values expand against the env before the instruction. */
  private envPairs(ins: Instruction): [string, EnvEntry][] {
    const { r } = this;
    const words = splitWords(ins.argsText, r.escape);
    if (words.length === 0) {
      r.problem('ENV needs a name and a value', ins.keywordSpan);
      return [];
    }
    // An expanded value already has the entry's shape: no second object, no closure.
    const first = words[0]!;
    if (!first.raw.includes('=')) {
      if (words.length < 2) {
        r.problem(`ENV ${first.raw} needs a value`, ins.argsSpan);
        return [];
      }
      return [[first.raw, this.expand(ins, ins.argsText.slice(words[1]!.start))]];
    }
    const pairs: [string, EnvEntry][] = [];
    for (const w of words) {
      const eq = w.raw.indexOf('=');
      if (eq <= 0) r.problem(`ENV ${w.raw} needs name=value`, r.wordSpan(ins, w));
      else pairs.push([w.raw.slice(0, eq), this.expand(ins, w.raw.slice(eq + 1))]);
    }
    return pairs;
  }
}

/** A relative WORKDIR is relative to the previous one; Windows paths join with `\\`. */
function joinWorkdir(base: string, rel: string): string {
  if (/^(?:[A-Za-z]:|\\)/.test(base)) return `${base.replace(/[\\/]+$/, '')}\\${rel}`;
  return posix.join('/', base, rel);
}

function emptyState(): StageState {
  return { env: new Map(), expose: [] };
}

function cloneState(s: StageState): StageState {
  return { ...s, env: new Map(s.env), expose: [...s.expose] };
}

/** FROM's words, split once per file: every resolution (one per build args) reads them twice. */
function fromWords(item: SyntaxItem, escape: string): RawWord[] {
  return (item.words ??= splitWords(item.instruction.argsText, escape));
}

function stageNames(syn: Syntax, escape: string): Map<string, number> {
  const names = new Map<string, number>();
  let index = 0;
  for (const item of syn.items) {
    if (item.instruction.keyword !== 'FROM') continue;
    const words = fromWords(item, escape);
    if (words.length === 3 && words[1]!.raw.toLowerCase() === 'as') {
      const name = unquote(words[2]!.raw, escape).toLowerCase();
      if (!names.has(name)) names.set(name, index);
    }
    index++;
  }
  return names;
}
