import type { Budgets } from '../budget/budgets.js';
import type { ComposeStack } from '../compose/model.js';
import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { EffectiveImage } from '../stack/effective-image.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A range in one file. `start`/`end` are offsets, `[start, end)`; line and column are 1-based,
 * `endColumn` exclusive. Computed once when the span is made.
 */
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /** Unsafe fixes may change what runs; applied only with --unsafe. */
  safe: boolean;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
  related?: Span[];
  /** See Report.everyStack; the engine resolves it and drops the flag. */
  everyStack?: boolean;
}

export type RuleCategory =
  | 'images' | 'mounts' | 'users' | 'health' | 'runtime' | 'size' | 'network' | 'secrets' | 'ops' | 'schema';

export interface RuleMeta {
  /** kebab-case, stable forever. */
  id: string;
  category: RuleCategory;
  /** One line, shown by `ragcheck rules`. */
  summary: string;
  severity: Severity;
  /** Environments the rule applies to; absent means all. */
  environments?: string[];
  fixable?: 'safe' | 'unsafe';
  /** The rule cannot be turned off (it guards what every other rule reads). */
  alwaysOn?: boolean;
  /** `false` for opt-in rules: off under the `recommended` preset, on under `strict`. */
  recommended?: boolean;
  /** JSON Schema for the rule's options, validated with ajv when config sets them. */
  options?: Record<string, unknown>;
  /** Default options, merged under what config sets. */
  defaultOptions?: Record<string, unknown>;
  /**
   * The peers' checks this rule covers, so users can map their old suppressions: hadolint DL
   * ids (`# hadolint ignore=DL3008` suppresses this rule), dclint rule names (`# dclint
   * disable-line <name>`), Trivy / Checkov ids.
   */
  peers?: RulePeers;
}

export interface RulePeers {
  hadolint?: string[];
  dclint?: string[];
  trivy?: string[];
  checkov?: string[];
}

/** What a rule may report: the engine fills in ruleId and severity. */
export interface Report {
  message: string;
  span: Span;
  fix?: Fix;
  related?: Span[];
  /** Caps the configured severity for this one finding (a rule's milder sub-case). */
  severity?: Severity;
  /**
   * Keep the finding only if every stack that includes its file reports it: for "unused"
   * findings that another overlay of the same base file may resolve.
   */
  everyStack?: boolean;
}

export interface ComposeRuleContext {
  stack: ComposeStack;
  /** The stack's environment (`prod`, `dev`, …). */
  environment: string;
  /** What each service runs, by service name (see src/stack/effective-image.ts). */
  effective: ReadonlyMap<string, EffectiveImage>;
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface DockerfileRuleContext {
  dockerfile: DockerfileModel;
  /**
   * The stages that run as containers: those compose services build (`build.target`), else
   * the last stage. Builder stages are not among them.
   */
  runtimeStages: readonly Stage[];
  /** The other Dockerfiles in the same folder (`Dockerfile.dev` next to `Dockerfile`), for rules that compare them. */
  siblings?: readonly DockerfileModel[];
  /** Size budgets from the config (`budgets:`); absent or empty when none are set. */
  budgets?: Budgets;
  /** The compose services that build each runtime stage, by stage index; none for a stage no service builds. */
  services?: ReadonlyMap<number, readonly string[]>;
  options: Record<string, unknown>;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Once per compose stack. Rules that only carry load-time diagnostics have no check. */
  check?(ctx: ComposeRuleContext): void;
  /** Once per Dockerfile, whether or not a stack builds it. */
  checkDockerfile?(ctx: DockerfileRuleContext): void;
}

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}
