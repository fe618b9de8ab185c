import type { StackSummary } from '../engine/stack-summary.js';
import type { Severity } from '../engine/types.js';
import { SEVERITY_RANK } from './format.js';

/**
 * Production readiness per stack: the share of services that each policy finds nothing on.
 * A service passes a column when none of the column's rules reported a finding on it, so
 * one-shot jobs (which healthcheck-required exempts) and services with nothing to measure
 * (no data directory, no start command) pass: the scorecard reads exactly what lint
 * reported, under the stack's environment and the project's config, and a rule that is off
 * or does not apply to the environment finds nothing.
 */
export interface StackScore {
  name: string;
  environment: string;
  /** How many services the stack has: the denominator of every share. */
  services: number;
  shares: Record<ScoreKey, Share>;
}

export interface Share {
  passing: number;
  total: number;
  /** The services that do not pass, in stack order. */
  failing: string[];
}

export type ScoreKey = 'pinned' | 'nonRoot' | 'healthy' | 'namedVolumes' | 'noRuntimeInstalls';

export interface ScoreColumn {
  key: ScoreKey;
  title: string;
  /** A finding of one of these rules fails the service; `atLeast` ignores milder findings of that rule. */
  rules: readonly { id: string; atLeast?: Severity }[];
}

export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  { key: 'pinned', title: 'Pinned', rules: [{ id: 'pinned-image-tag' }] },
  { key: 'nonRoot', title: 'Non-root', rules: [{ id: 'non-root-user' }] },
  // A depends_on warning (service_started where service_healthy would do) leaves checks working.
  { key: 'healthy', title: 'Healthchecks', rules: [{ id: 'healthcheck-required' }, { id: 'healthcheck-binary-exists' }, { id: 'depends-on-healthy', atLeast: 'error' }] },
  { key: 'namedVolumes', title: 'Data on named volumes', rules: [{ id: 'named-volume-for-data' }] },
  { key: 'noRuntimeInstalls', title: 'No runtime installs', rules: [{ id: 'no-runtime-install' }] },
];

export function scorecard(stacks: readonly StackSummary[]): StackScore[] {
  return stacks.map((stack) => {
    const shares = {} as Record<ScoreKey, Share>;
    for (const column of SCORE_COLUMNS) {
      const failing = stack.services.filter((s) => column.rules.some(({ id, atLeast }) => {
        const found = s.rules[id];
        return found !== undefined && SEVERITY_RANK[found] <= SEVERITY_RANK[atLeast ?? 'info'];
      })).map((s) => s.name);
      shares[column.key] = { passing: stack.services.length - failing.length, total: stack.services.length, failing };
    }
    return { name: stack.name, environment: stack.environment, services: stack.services.length, shares };
  });
}

/**
 * The scorecard as a GitHub-flavoured Markdown table under a heading, for the top of a job
 * summary; empty when there is no stack. A stack with no services (one that did not load)
 * shows a dash in each column rather than a vacuous pass.
 */
export function scorecardMarkdown(scores: readonly StackScore[]): string {
  if (scores.length === 0) return '';
  const head = ['Stack', 'Environment', 'Services', ...SCORE_COLUMNS.map((c) => c.title)];
  const lines = [
    '### Production readiness',
    '',
    row(head),
    row(head.map((_, i) => (i === 2 ? '---:' : '---'))),
    ...scores.map((s) => row([code(s.name), cell(s.environment), String(s.services), ...SCORE_COLUMNS.map((c) => share(s.shares[c.key]))])),
  ];
  return `${lines.join('\n')}\n`;
}

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function share({ passing, total }: Share): string {
  if (total === 0) return '—';
  return `${passing === total ? '✅' : '⚠️'} ${passing}/${total}`;
}

/** Text in a table cell: a pipe would end the cell, a newline the row; Markdown punctuation is escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** A name as code: backslash escapes do not work there, except `\|`, which GFM tables honour inside code too. */
function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
  const ticks = Math.max(0, ...(flat.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(ticks + 1);
  const pad = ticks > 0 || flat.startsWith(' ') || flat.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
