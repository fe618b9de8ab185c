import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/types.js';
import { formatJson, writeJson } from '../../src/report/json.js';

function finding(i: number): Diagnostic {
  return {
    ruleId: i % 2 ? 'pinned-image-tag' : 'no-root-user',
    severity: i % 3 ? 'warning' : 'error',
    message: `service "api-${i}" runs as root… \u2013 see\nnotes`,
    span: { file: `stacks/s${i % 7}/compose.yaml`, start: i, end: i + 3, line: i + 1, column: 2, endLine: i + 1, endColumn: 5 },
    ...(i % 5 === 0 && { fix: { edits: [] } as unknown as Diagnostic['fix'] }),
  };
}

/** What the report must equal: the object form, written by JSON.stringify. */
function expected(ds: Diagnostic[], files: number): string {
  const count = (s: string) => ds.filter((d) => d.severity === s).length;
  const diagnostics = ds.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, file: d.span.file, line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn, fixable: d.fix !== undefined }));
  return `${JSON.stringify({ version: 1, diagnostics, summary: { files, errors: count('error'), warnings: count('warning'), infos: count('info') } })}\n`;
}

describe('json report', () => {
  it('writes exactly what JSON.stringify writes, with no findings', () => {
    expect(formatJson([], 3)).toBe(expected([], 3));
  });

  it('writes large reports in pieces that join to the same text', () => {
    const ds = Array.from({ length: 2000 }, (_, i) => finding(i));
    const pieces: string[] = [];
    writeJson(ds, 12, (s) => pieces.push(s));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(expected(ds, 12));
    expect(formatJson(ds, 12)).toBe(expected(ds, 12));
  });
});
