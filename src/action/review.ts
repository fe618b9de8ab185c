import type { Octokit } from '@octokit/rest';
import type { Diagnostic, Severity } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { hunkHolding, type ChangedFiles } from './diff.js';
import { suggestionBlock, suggestionFor } from './suggestion.js';

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface ReviewPlan {
  comments: ReviewComment[];
  /** Findings with no line of the diff to sit on: listed in the review's body. */
  elsewhere: Diagnostic[];
}

const LABEL: Record<Severity, string> = { error: '**Error**', warning: '**Warning**', info: '**Info**' };

function commentBody(d: Diagnostic, suggestion: string | undefined): string {
  const head = `${LABEL[d.severity]} \`${d.ruleId}\`: ${d.message}`;
  if (!suggestion || !d.fix) return head;
  const caution = d.fix.safe ? '' : ' (may change what runs: check before committing)';
  return `${head}\n\n${d.fix.title}${caution}:\n\n${suggestion}`;
}

/**
 * Places each finding on the diff: a comment on its lines when one hunk holds them all, with
 * the fix as a suggestion when the fixed lines also lie in that hunk; otherwise the finding
 * goes to the review's body, since GitHub refuses a comment outside the diff.
 */
export function planReview(findings: readonly Diagnostic[], changed: ChangedFiles, sources: ReadonlyMap<string, SourceFile>, suggestFixes: boolean): ReviewPlan {
  const comments: ReviewComment[] = [];
  const elsewhere: Diagnostic[] = [];
  for (const d of findings) {
    const diff = changed.get(d.span.file);
    const hunk = diff ? hunkHolding(diff, d.span.line, d.span.endLine) : undefined;
    if (!diff || !hunk) {
      elsewhere.push(d);
      continue;
    }
    const source = sources.get(d.span.file);
    const s = suggestFixes && source ? suggestionFor(d, source) : undefined;
    const fits = s !== undefined && hunk[0] <= s.startLine && s.endLine <= hunk[1];
    const [from, to] = fits ? [s.startLine, s.endLine] : [d.span.line, d.span.endLine];
    comments.push({
      path: d.span.file,
      line: to,
      side: 'RIGHT',
      ...(from < to && { start_line: from, start_side: 'RIGHT' as const }),
      body: commentBody(d, fits ? suggestionBlock(s.text) : undefined),
    });
  }
  return { comments, elsewhere };
}

/** How many findings the body lists by name; the rest are counted. */
const BODY_LIST_LIMIT = 50;

export function reviewBody(heading: string, elsewhere: readonly Diagnostic[]): string {
  if (!elsewhere.length) return heading;
  const lines = elsewhere.slice(0, BODY_LIST_LIMIT).map((d) => `- ${d.span.file}:${d.span.line} ${d.severity} \`${d.ruleId}\`: ${d.message.replace(/\r?\n/g, ' ')}`);
  const more = elsewhere.length > BODY_LIST_LIMIT ? [`- …and ${elsewhere.length - BODY_LIST_LIMIT} more (see the job summary)`] : [];
  return [heading, '', 'Outside the lines this pull request changes:', '', ...lines, ...more].join('\n');
}

export interface ReviewTarget {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
}

/** The `review` reporter: one review (event COMMENT) holding every comment. */
export async function reportReview(api: Octokit, at: ReviewTarget, body: string, plan: ReviewPlan): Promise<void> {
  await api.rest.pulls.createReview({ owner: at.owner, repo: at.repo, pull_number: at.number, commit_id: at.headSha, event: 'COMMENT', body, comments: plan.comments });
}
