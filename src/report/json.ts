import type { Diagnostic } from '../engine/types.js';
import { summarize, type Summary } from './summary.js';

/**
 * The machine contract other tools read (version 1): stable keys, `file` relative with `/`,
 * 1-based lines and columns, `endColumn` exclusive. One line: it is read by programs, and on a
 * large repository the indented form is three times the size.
 */
export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  const s: Summary = summarize(diagnostics);
  return `${JSON.stringify(
    {
      version: 1,
      diagnostics: diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        file: d.span.file,
        line: d.span.line,
        column: d.span.column,
        endLine: d.span.endLine,
        endColumn: d.span.endColumn,
        fixable: d.fix !== undefined,
      })),
      summary: { files, errors: s.errors, warnings: s.warnings, infos: s.infos },
    },
  )}\n`;
}
