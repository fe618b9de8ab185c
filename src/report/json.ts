import type { Diagnostic } from '../engine/types.js';
import { summarize } from './summary.js';

/** About this many characters go to each `out` call: small enough to stay in the young generation. */
const CHUNK = 1 << 16;

/**
 * The machine contract other tools read (version 1): stable keys, `file` relative with `/`,
 * 1-based lines and columns, `endColumn` exclusive. One line: it is read by programs, and on a
 * large repository the indented form is three times the size. Written field by field, exactly
 * as JSON.stringify would write the object, without building that object for every finding,
 * and handed to `out` in pieces: one report-sized string (and the flat copies that joining and
 * writing it make) costs more than the writes do.
 */
export function writeJson(diagnostics: readonly Diagnostic[], files: number, out: (s: string) => void): void {
  // Rule ids, severities and files repeat across findings: quote each once.
  const quoted = new Map<string, string>();
  const q = (v: string): string => {
    let r = quoted.get(v);
    if (r === undefined) quoted.set(v, (r = JSON.stringify(v)));
    return r;
  };
  let buf = '{"version":1,"diagnostics":[';
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    const s = d.span;
    buf += `${i === 0 ? '' : ','}{"ruleId":${q(d.ruleId)},"severity":${q(d.severity)},"message":${JSON.stringify(d.message)},"file":${q(s.file)},"line":${s.line},"column":${s.column},"endLine":${s.endLine},"endColumn":${s.endColumn},"fixable":${d.fix !== undefined}}`;
    if (buf.length >= CHUNK) {
      out(buf);
      buf = '';
    }
  }
  const s = summarize(diagnostics);
  out(`${buf}],"summary":${JSON.stringify({ files, errors: s.errors, warnings: s.warnings, infos: s.infos })}}\n`);
}

/** The whole report as one string (for callers that need it whole). */
export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  const parts: string[] = [];
  writeJson(diagnostics, files, (s) => parts.push(s));
  return parts.join('');
}
