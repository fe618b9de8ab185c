import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { fingerprints } from './fingerprint.js';

/** One recorded finding. Only `fingerprint` is matched; the rest is there for people reading diffs. */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  message: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** A baseline file that cannot be read or is not one: the CLI prints the message and exits 2. */
export class BaselineError extends Error {}

export function makeBaseline(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): Baseline {
  const fps = fingerprints(diagnostics, sources);
  const findings = diagnostics.map((d) => ({ ruleId: d.ruleId, file: d.span.file, fingerprint: fps.get(d)!, message: d.message }));
  // Sorted without line numbers, so recording again after unrelated edits changes nothing.
  findings.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: 1, findings };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One finding a line, so a change to the baseline reads as a change to those findings. */
export function baselineText(baseline: Baseline): string {
  const lines = baseline.findings.map((f, i) => `    ${JSON.stringify(f)}${i < baseline.findings.length - 1 ? ',' : ''}`);
  return `{\n  "version": 1,\n  "findings": [${lines.length ? `\n${lines.join('\n')}\n  ` : ''}]\n}\n`;
}

export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`baseline ${name} is not JSON: ${(e as Error).message}`);
  }
  const b = data as { version?: unknown; findings?: unknown };
  if (typeof b !== 'object' || b === null || b.version !== 1 || !Array.isArray(b.findings)) {
    throw new BaselineError(`baseline ${name} is not a ragcheck baseline (expected { "version": 1, "findings": [...] })`);
  }
  const bad = b.findings.findIndex((f) => typeof (f as { fingerprint?: unknown })?.fingerprint !== 'string');
  if (bad !== -1) throw new BaselineError(`baseline ${name}: finding ${bad + 1} has no "fingerprint"`);
  return b as Baseline;
}

export function readBaseline(path: string, name: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new BaselineError(`cannot read baseline ${name}: ${err.code === 'ENOENT' ? 'no such file (create it with --baseline-write)' : err.message}`);
  }
  return parseBaseline(text, name);
}

export interface BaselineOutcome {
  /** The findings not in the baseline, in report order. */
  kept: Diagnostic[];
  /** How many findings the baseline held back. */
  baselined: number;
  /** Recorded findings that no longer occur (fixed, or changed past recognising). */
  gone: number;
  /** Every finding's fingerprint, counted over the whole report so reports agree with the baseline. */
  fingerprints: Map<Diagnostic, string>;
}

export function applyBaseline(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, baseline: Baseline): BaselineOutcome {
  const recorded = new Set(baseline.findings.map((f) => f.fingerprint));
  const fps = fingerprints(diagnostics, sources);
  const kept = diagnostics.filter((d) => !recorded.has(fps.get(d)!));
  const baselined = diagnostics.length - kept.length;
  return { kept, baselined, gone: recorded.size - baselined, fingerprints: fps };
}
