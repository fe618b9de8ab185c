import type { Span } from '../engine/types.js';
import type { ParsedImageRef } from '../images/ref.js';
import type { SourceFile } from '../source/source-file.js';
import type { Side } from './offset-map.js';

export type { Side };

/** Maps an offset in a derived text (joined arguments, a script) to a file offset. */
export type ToFile = (offset: number, side?: Side) => number;

export interface DockerfileModel {
  file: SourceFile;
  directives: { syntax?: string; escape: '\\' | '`'; check?: string };
  /** ARGs before the first FROM, with their defaults (build args not applied). */
  globalArgs: ArgDecl[];
  stages: Stage[];
  /** Every instruction in file order: global ARGs, FROMs and stage instructions. */
  instructions: Instruction[];
  /** The build args this model was resolved with (see `withBuildArgs`). */
  buildArgs: Readonly<Record<string, string>>;
  /** Unparsable instructions, unknown stage references, …: the build would fail or misbehave. */
  problems: DockerfileProblem[];
}

export interface DockerfileProblem {
  message: string;
  span: Span;
}

export interface ArgDecl {
  name: string;
  /** The default as written, quotes removed (variables not expanded). */
  default?: string;
  span: Span;
}

export interface Flag {
  /** Without the leading `--`. */
  name: string;
  /** After `=`, quotes removed; absent for a bare `--flag`. */
  value?: string;
  span: Span;
}

export interface Instruction {
  /** Upper-case. */
  keyword: string;
  /** The whole instruction, continuation lines and heredoc bodies included. */
  span: Span;
  keywordSpan: Span;
  /** Arguments after the flags, continuation lines joined as Docker does (no heredoc bodies). */
  argsText: string;
  argsSpan: Span;
  flags: Flag[];
  /** File offset of an offset in `argsText`. */
  argsToFile: ToFile;
}

export type StageBase =
  | {
      kind: 'image';
      /** After ARG substitution. */
      text: string;
      ref: ParsedImageRef;
      /** The image word. */
      span: Span;
      /** Before ARG substitution. */
      written: string;
    }
  | { kind: 'stage'; stage: number; span: Span }
  | { kind: 'scratch'; span: Span }
  /** A variable without a value, or not an image reference after substitution. */
  | { kind: 'unresolved'; written: string; span: Span };

export interface Stage {
  index: number;
  /** Lower-case, as BuildKit stores it. */
  name?: string;
  nameSpan?: Span;
  from: Instruction;
  base: StageBase;
  platform?: string;
  /** The stage's instructions after its FROM. */
  instructions: Instruction[];
  /** Stage-scoped ARGs. */
  args: ArgDecl[];
  /** What this stage's instructions set. */
  own: StageState;
  /** `own` over the FROM-<stage> chain; ARG is not inherited. */
  effective: StageState;
  runs: RunInstruction[];
  copies: CopyInstruction[];
  /** ONBUILD triggers, parsed as instructions. */
  onbuild: Instruction[];
}

export interface ValueAt {
  /** After ARG / ENV substitution where resolvable, else as written. */
  value: string;
  resolved: boolean;
  instruction: Instruction;
}

export type HealthcheckState =
  | { kind: 'none'; instruction: Instruction }
  | {
      kind: 'cmd';
      form: 'exec' | 'shell';
      argv?: string[];
      /** Spans of the exec-form strings, quotes included. */
      argvSpans?: Span[];
      script?: string;
      /** Flag names without `--`: interval, timeout, start-period, start-interval, retries. */
      options: Record<string, string>;
      instruction: Instruction;
      /** Maps offsets in `script` (or the exec-form text) to file offsets. */
      toFile: ToFile;
    };

export interface StageState {
  user?: ValueAt;
  healthcheck?: HealthcheckState;
  env: Map<string, { value: string; resolved: boolean; instruction: Instruction }>;
  workdir?: ValueAt;
  shell?: string[];
  cmd?: ExecOrShell;
  entrypoint?: ExecOrShell;
  expose: { port: string; instruction: Instruction }[];
}

export interface ExecOrShell {
  form: 'exec' | 'shell';
  argv?: string[];
  script?: string;
  instruction: Instruction;
  /** Maps offsets in `script` (or, in exec form, in `instruction.argsText`) to file offsets. */
  toFile: ToFile;
}

export interface Mount {
  /** `bind` when not given. */
  type: string;
  /** Keys as written; a key without `=` (`ro`, `required`) has value ''. */
  options: Record<string, string>;
  span: Span;
}

export interface Heredoc {
  delimiter: string;
  /** As Docker hands it over: tabs stripped for `<<-`, final newline included. */
  body: string;
  /** The body lines in the file (raw). */
  bodySpan: Span;
  chomp: boolean;
  /** Unquoted delimiter: variables in the body are expanded. */
  expand: boolean;
}

export interface RunInstruction {
  instruction: Instruction;
  form: 'exec' | 'shell';
  argv?: string[];
  /** Spans of the exec-form strings, quotes included. */
  argvSpans?: Span[];
  /**
   * The shell script as the shell sees it: continuations joined; heredoc bodies included
   * (`RUN <<EOF` alone runs the body itself, as BuildKit does).
   */
  script?: string;
  /** `#!…` of a heredoc-only RUN: BuildKit runs the body with that interpreter, not the shell. */
  shebang?: string;
  /** Maps an offset in `script` (exec form: in `instruction.argsText`) to a file offset. */
  toFile: ToFile;
  /** `toFile` for a range, shaped like the shell analyser's OffsetMapper. */
  toFileRange(start: number, end: number): readonly [number, number];
  mounts: Mount[];
  network?: string;
  security?: string;
  heredocs: Heredoc[];
}

export interface CopyInstruction {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  from?: { kind: 'stage'; stage: number } | { kind: 'image'; text: string };
  /** Heredoc sources appear as their `<<NAME` word; see `heredocs`. */
  sources: { text: string; span: Span }[];
  dest: { text: string; span: Span };
  chown?: string;
  chmod?: string;
  link?: boolean;
  checksum?: string;
  heredocs: Heredoc[];
}
