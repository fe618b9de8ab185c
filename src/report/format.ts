import type { ChalkInstance } from 'chalk';
import type { Diagnostic, RuleMeta, Severity } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';

/** What every formatter is given besides the findings. */
export interface FormatContext {
  /** How many files were linted. */
  files: number;
  /** Every file read, by its relative path: line text for fingerprints and code frames, clean files for junit and checkstyle. */
  sources: ReadonlyMap<string, SourceFile>;
  /** Rule metadata by id, for formats that describe the rules (sarif, codeclimate). */
  rules: ReadonlyMap<string, RuleMeta>;
  /** ragcheck's version, for formats that name the tool. */
  version: string;
  /**
   * Fingerprints counted over the whole report when some findings were held back by a
   * baseline, so the fingerprints shown agree with the baseline's; computed when absent.
   */
  fingerprints?: ReadonlyMap<Diagnostic, string>;
  /** stylish's colours; plain when absent. */
  chalk?: ChalkInstance;
}

/** A pure function from findings to the whole report text. */
export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

export const REPOSITORY_URL = 'https://github.com/ragcheck/ragcheck';

/** Each rule's documentation page in the repository. */
export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`;
}

/** Most severe first: CI logs and annotation lists cut long reports short. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function bySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Array.prototype.sort is stable: within a severity the report order stays.
  return [...diagnostics].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Every file read plus any file a finding names, sorted: formats that list clean files too. */
export function allFiles(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): string[] {
  return [...new Set([...sources.keys(), ...diagnostics.map((d) => d.span.file)])].sort();
}

export function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.span.file);
    if (list) list.push(d);
    else byFile.set(d.span.file, [d]);
  }
  return byFile;
}
