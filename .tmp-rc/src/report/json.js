import { summarize } from './summary.js';
/**
 * The machine contract other tools read (version 1): stable keys, `file` relative with `/`,
 * 1-based lines and columns, `endColumn` exclusive.
 */
export function formatJson(diagnostics, files) {
    const s = summarize(diagnostics);
    return `${JSON.stringify({
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
    }, null, 2)}\n`;
}
