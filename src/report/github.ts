import type { Diagnostic, Severity } from '../engine/types.js';
import { bySeverity, type FormatContext } from './format.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message: `%`, CR and LF are what end or corrupt it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` (ends the properties) and `,` (separates them). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message`, one line. */
export function workflowCommand(name: string, message: string, properties: Record<string, string | number> = {}): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/**
 * GitHub Actions workflow commands, one annotation a finding, errors first (GitHub shows only
 * the first few of each kind a step). Columns are given only when the finding stays on one
 * line: GitHub drops columns from annotations that span lines.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], _ctx: FormatContext): string {
  let out = '';
  for (const d of bySeverity(diagnostics)) {
    const s = d.span;
    const columns = s.line === s.endLine && { col: s.column, endColumn: s.endColumn };
    out += workflowCommand(COMMAND[d.severity], d.message, { file: s.file, line: s.line, endLine: s.endLine, ...columns, title: d.ruleId });
  }
  return out;
}
