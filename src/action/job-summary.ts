import type { Diagnostic, Severity } from '../engine/types.js';
import { fileUri } from '../report/sarif.js';
import { plural, problemCounts, type Summary } from '../report/summary.js';
import type { Filter } from './inputs.js';

/** GitHub takes up to 1 MiB of summary per step; the table stops short of that and says so. */
const MAX_TABLE_CHARS = 900_000;

const ICON: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** Where the files are browsed: `…/blob/<sha>/`; absent, locations are plain text. */
export interface BlobBase {
  url: string;
}

export interface SummaryInput {
  findings: readonly Diagnostic[];
  counts: Summary;
  /** Findings the filter left out of the table and annotations. */
  filteredOut: number;
  filter: Filter;
  /** Markdown that opens the summary (the production-readiness scorecard). */
  opening: string;
  blob?: BlobBase;
}

/** A table cell: pipes and line breaks would end it, and HTML would render. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function countsLine(counts: Summary, filteredOut: number, filter: Filter): string {
  const found = counts.errors + counts.warnings + counts.infos === 0 ? 'No problems' : problemCounts(counts);
  const hidden = filteredOut ? `; ${plural(filteredOut, 'more finding')} outside the pull request's changes (filter: ${filter})` : '';
  return `${found}${hidden}`;
}

function location(d: Diagnostic, blob: BlobBase | undefined): string {
  const { file, line, endLine } = d.span;
  const text = `${file}:${line}`;
  if (!blob) return cell(text);
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `[${cell(text)}](${blob.url}${fileUri(file)}${anchor})`;
}

/** Every finding as a Markdown table, cut short (and saying so) before `limit` characters. */
export function findingsTable(findings: readonly Diagnostic[], blob: BlobBase | undefined, limit: number = MAX_TABLE_CHARS): string {
  if (findings.length === 0) return '';
  const out = ['| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |'];
  // Room for the closing note when the table is cut.
  const tail = 200;
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  for (let i = 0; i < findings.length; i++) {
    const d = findings[i]!;
    const row = `| ${ICON[d.severity]} | ${location(d, blob)} | \`${d.ruleId}\` | ${cell(d.message)}${d.fix ? ' (fixable)' : ''} |`;
    if (size + row.length + tail > limit) {
      out.push('', `…and ${plural(findings.length - i, 'more finding')}: GitHub limits the size of this report; run \`ragcheck lint\` or read the SARIF file for all of them.`);
      break;
    }
    out.push(row);
    size += row.length + 1;
  }
  return `${out.join('\n')}\n`;
}

/** The job summary: the scorecard, the counts, then every finding in a table. */
export function jobSummary(input: SummaryInput): string {
  const parts = ['## ragcheck\n'];
  if (input.opening) parts.push(`${input.opening.trimEnd()}\n`);
  parts.push(`**${countsLine(input.counts, input.filteredOut, input.filter)}**\n`);
  const table = findingsTable(input.findings, input.blob);
  if (table) parts.push(table);
  return parts.join('\n');
}
