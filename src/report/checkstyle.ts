import type { Diagnostic } from '../engine/types.js';
import { allFiles, groupByFile, type FormatContext } from './format.js';
import { XML_DECLARATION, xmlEscape as x } from './xml.js';

/** Checkstyle XML, as Jenkins, reviewdog and IDE plugins read it: every file read, its findings under it. */
export function formatCheckstyle(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const byFile = groupByFile(diagnostics);
  const lines = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const file of allFiles(diagnostics, ctx.sources)) {
    const ds = byFile.get(file);
    if (!ds) {
      lines.push(`  <file name="${x(file)}"/>`);
      continue;
    }
    lines.push(`  <file name="${x(file)}">`);
    for (const d of ds) {
      lines.push(`    <error line="${d.span.line}" column="${d.span.column}" severity="${d.severity}" message="${x(d.message)}" source="ragcheck.${x(d.ruleId)}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}
