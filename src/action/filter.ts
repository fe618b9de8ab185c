import type { Diagnostic } from '../engine/types.js';
import { SEVERITY_RANK } from '../report/format.js';
import type { ChangedFiles } from './diff.js';
import type { Filter } from './inputs.js';

/** Where a finding stands relative to the pull request, nearest first. */
const Placement = { Added: 0, DiffContext: 1, ChangedFile: 2, Outside: 3 } as const;
type Placement = (typeof Placement)[keyof typeof Placement];

/** The farthest placement each filter lets through. */
const REACH: Record<Filter, Placement> = {
  added: Placement.Added,
  'diff-context': Placement.DiffContext,
  file: Placement.ChangedFile,
  nofilter: Placement.Outside,
};

function placement(d: Diagnostic, changed: ChangedFiles | undefined): Placement {
  const diff = changed?.get(d.span.file);
  if (diff === undefined) return Placement.Outside;
  // No patch (binary, too large): the file changed, its lines are unknown.
  if (diff === null) return Placement.ChangedFile;
  const { line, endLine } = d.span;
  for (let l = line; l <= endLine; l++) if (diff.added.has(l)) return Placement.Added;
  if (diff.hunks.some(([s, e]) => s <= endLine && line <= e)) return Placement.DiffContext;
  return Placement.ChangedFile;
}

/**
 * The findings the filter keeps, errors first and, within a severity, those nearest the
 * change first: GitHub shows only the first few annotations of each kind per step. Without a
 * pull request there is no diff, and every finding is kept.
 */
export function selectFindings(diagnostics: readonly Diagnostic[], changed: ChangedFiles | undefined, filter: Filter): Diagnostic[] {
  const reach = changed ? REACH[filter] : Placement.Outside;
  const kept = diagnostics.map((d) => ({ d, at: placement(d, changed) })).filter((p) => p.at <= reach);
  // Array.prototype.sort is stable: the engine's file and position order stays within a rank.
  return kept.sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] || a.at - b.at).map((p) => p.d);
}
