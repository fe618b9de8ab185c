import { createHash } from 'node:crypto';
import type { Diagnostic } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';

/**
 * What a finding is, without where it is: its rule, its file and the text of the line it starts
 * on (trimmed, runs of whitespace made one space). Line numbers are left out so that lines added
 * or removed elsewhere in the file leave it the same; only the first line counts so that an edit
 * inside a flagged block does not make the finding new.
 */
function findingKey(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>): string {
  const source = sources.get(d.span.file);
  // A finding in a file that was not kept (none today) falls back to its message.
  const text = source ? source.lineText(d.span.line).replace(/^\uFEFF/, '') : d.message;
  return `${d.ruleId}\0${d.span.file}\0${text.trim().replace(/\s+/g, ' ')}`;
}

function hash(key: string, occurrence: number): string {
  return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
}

/**
 * A finding's fingerprint: stable across unrelated line shifts. `occurrence` tells apart
 * findings with the same rule, file and line text (the second `image: app:latest` in a file is
 * occurrence 1); `fingerprints` counts them for a whole report.
 */
export function fingerprint(d: Diagnostic, sources: ReadonlyMap<string, SourceFile>, occurrence = 0): string {
  return hash(findingKey(d, sources), occurrence);
}

/** The fingerprint of each finding of a report, counting occurrences in report order (by position). */
export function fingerprints(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): Map<Diagnostic, string> {
  const seen = new Map<string, number>();
  const out = new Map<Diagnostic, string>();
  for (const d of diagnostics) {
    const key = findingKey(d, sources);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(d, hash(key, n));
  }
  return out;
}
