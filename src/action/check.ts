import type { Octokit } from '@octokit/rest';
import type { Diagnostic, Severity } from '../engine/types.js';

/** GitHub answers 422 to a request carrying more annotations than this. */
const ANNOTATIONS_PER_REQUEST = 50;
/** The longest `output.summary` and `output.text` GitHub accepts. */
const MAX_OUTPUT_CHARS = 65_535;

export type Conclusion = 'success' | 'neutral' | 'failure';

const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', info: 'notice' };

interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

/** GitHub takes columns only on a one-line annotation, and its end column is inclusive. */
function checkAnnotation(d: Diagnostic): CheckAnnotation {
  const s = d.span;
  const columns = s.line === s.endLine ? { start_column: s.column, end_column: Math.max(s.column, s.endColumn - 1) } : {};
  return { path: s.file, start_line: s.line, end_line: s.endLine, ...columns, annotation_level: LEVEL[d.severity], message: d.message, title: d.ruleId };
}

const clip = (s: string): string => (s.length <= MAX_OUTPUT_CHARS ? s : `${s.slice(0, MAX_OUTPUT_CHARS - 2)}\n…`);

export interface CheckRun {
  owner: string;
  repo: string;
  headSha: string;
  title: string;
  summary: string;
  /** The full report (the findings table), clipped to what GitHub takes. */
  text: string;
  conclusion: Conclusion;
}

/**
 * The `check` reporter: a check run on the commit, its annotations added 50 per update, the
 * last update completing it with the conclusion. Returns the check run's id.
 */
export async function reportCheck(api: Octokit, run: CheckRun, findings: readonly Diagnostic[]): Promise<number> {
  const output = { title: run.title, summary: clip(run.summary), text: clip(run.text) };
  const created = await api.rest.checks.create({ owner: run.owner, repo: run.repo, name: 'ragcheck', head_sha: run.headSha, status: 'in_progress', output });
  const id = created.data.id;
  const annotations = findings.map(checkAnnotation);
  const batches = Math.max(1, Math.ceil(annotations.length / ANNOTATIONS_PER_REQUEST));
  for (let b = 0; b < batches; b++) {
    const last = b === batches - 1;
    await api.rest.checks.update({
      owner: run.owner,
      repo: run.repo,
      check_run_id: id,
      output: { ...output, annotations: annotations.slice(b * ANNOTATIONS_PER_REQUEST, (b + 1) * ANNOTATIONS_PER_REQUEST) },
      ...(last && { status: 'completed', conclusion: run.conclusion, completed_at: new Date().toISOString() }),
    });
  }
  return id;
}
