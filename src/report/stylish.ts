import type { ChalkInstance } from 'chalk';
import { groupByFile } from './format.js';
import type { Diagnostic, Severity } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { problemCounts, summarize } from './summary.js';

/** Human output: findings grouped by file, a code frame under each error, and a summary. */
export function formatStylish(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>, c: ChalkInstance): string {
  if (diagnostics.length === 0) return '';
  const colour: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const byFile = groupByFile(diagnostics);

  const out: string[] = [];
  for (const [file, ds] of byFile) {
    out.push('', c.underline(file));
    const posWidth = Math.max(...ds.map((d) => `${d.span.line}:${d.span.column}`.length));
    const msgWidth = Math.min(80, Math.max(...ds.map((d) => d.message.length)));
    for (const d of ds) {
      const pos = `${d.span.line}:${d.span.column}`.padEnd(posWidth);
      out.push(`  ${c.dim(pos)}  ${colour[d.severity](d.severity.padEnd(7))}  ${d.message.padEnd(msgWidth)}  ${c.dim(d.ruleId)}`);
      const source = sources.get(file);
      if (d.severity === 'error' && source) out.push(...codeFrame(source, d, c));
    }
  }
  const s = summarize(diagnostics);
  const mark = s.errors ? c.red.bold('✖') : c.yellow.bold('⚠');
  out.push('', `${mark} ${c.bold(problemCounts(s))}`);
  if (s.fixable) out.push(c.dim(`  ${s.fixable} with an automatic fix`));
  return `${out.join('\n')}\n`;
}

/** The offending line with a caret underline, one line of context above. */
function codeFrame(source: SourceFile, d: Diagnostic, c: ChalkInstance): string[] {
  const { line, column, endLine, endColumn } = d.span;
  const width = String(line).length;
  const frame: string[] = [];
  if (line > 1) frame.push(c.dim(`    ${String(line - 1).padStart(width)} | ${source.lineText(line - 1)}`));
  const text = source.lineText(line);
  frame.push(`  ${c.red('>')} ${c.dim(String(line).padStart(width))} ${c.dim('|')} ${text}`);
  const end = endLine === line ? Math.max(endColumn, column + 1) : text.length + 1;
  frame.push(`    ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(column - 1)}${c.red('^'.repeat(Math.max(1, end - column)))}`);
  return frame;
}
