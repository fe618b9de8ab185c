import type { Diagnostic } from '../engine/types.js';
import { summarize, type Summary } from './summary.js';

/**
 * The machine contract other tools read (version 1): stable keys, `file` relative with `/`,
 * 1-based lines and columns, `endColumn` exclusive. One line: it is read by programs, and on a
 * large repository the indented form is three times the size. Written field by field, exactly
 * as JSON.stringify would write the object, without building that object for every finding.
 */
export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  const s: Summary = summarize(diagnostics);
  const q = JSON.stringify;
  const items = diagnostics.map(
    (d) =>
      `{"ruleId":${q(d.ruleId)},"severity":${q(d.severity)},"message":${q(d.message)},"file":${q(d.span.file)},"line":${d.span.line},"column":${d.span.column},"endLine":${d.span.endLine},"endColumn":${d.span.endColumn},"fixable":${d.fix !== undefined}}`,
  );
  return `{"version":1,"diagnostics":[${items.join(',')}],"summary":${q({ files, errors: s.errors, warnings: s.warnings, infos: s.infos })}}\n`;
}
