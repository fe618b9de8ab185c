import type { Diagnostic } from '../engine/types.js';
import { allFiles, groupByFile, type FormatContext } from './format.js';
import { XML_DECLARATION, xmlEscape as x } from './xml.js';

/**
 * JUnit XML: a test suite per file, a failing test case per finding (named by position and
 * rule, so CI test views list them apart), and one passing case for a clean file, so the
 * files that passed are seen to have been checked.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const byFile = groupByFile(diagnostics);
  const files = allFiles(diagnostics, ctx.sources);
  const lines = [XML_DECLARATION, `<testsuites name="ragcheck" tests="${files.length - byFile.size + diagnostics.length}" failures="${diagnostics.length}" errors="0">`];
  for (const file of files) {
    const ds = byFile.get(file) ?? [];
    lines.push(`  <testsuite name="${x(file)}" tests="${Math.max(1, ds.length)}" failures="${ds.length}" errors="0">`);
    if (ds.length === 0) lines.push(`    <testcase classname="${x(file)}" name="ragcheck"/>`);
    for (const d of ds) {
      const where = `${d.span.line}:${d.span.column}`;
      lines.push(
        `    <testcase classname="${x(file)}" name="${x(`${where} ${d.ruleId}`)}">`,
        `      <failure type="${d.severity}" message="${x(d.message)}">${x(`${d.severity} at ${file}:${where}: ${d.message} (${d.ruleId})`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
