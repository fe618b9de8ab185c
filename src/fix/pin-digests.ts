import type { LintResult } from '../engine/lint.js';
import type { Diagnostic, Fix } from '../engine/types.js';
import { formatPinnedRef } from '../registry/reference.js';

/** The rule whose findings `--pin-digests` fixes, and the option that makes it ask for digests. */
export const PIN_RULE = 'pinned-image-tag';
export const PIN_OPTIONS = { [PIN_RULE]: { require: 'digest' } };

/** Where an image reference is written: the text between the span's quotes, if it has any. */
interface Written {
  ref: string;
  start: number;
  end: number;
}

/**
 * The image reference a pinned-image-tag finding points at, as written in its file. None for a
 * reference built from variables (`${IMAGE}`, `FROM $BASE`): the file has no one image to pin.
 */
function written(d: Diagnostic, sources: LintResult['sources']): Written | undefined {
  const text = sources.get(d.span.file)?.text;
  if (d.ruleId !== PIN_RULE || text === undefined) return undefined;
  let { start, end } = d.span;
  const first = text[start];
  if ((first === '"' || first === "'") && text[end - 1] === first && end - start >= 2) {
    start++;
    end--;
  }
  const ref = text.slice(start, end);
  return /^[\w.\-/:]+$/.test(ref) ? { ref, start, end } : undefined;
}

/** The references `--pin-digests` would look up, each once. */
export function pinnableRefs(result: LintResult): string[] {
  const refs = new Set<string>();
  for (const d of result.diagnostics) {
    const w = written(d, result.sources);
    if (w) refs.add(w.ref);
  }
  return [...refs];
}

/**
 * The lint result with a fix on each pinned-image-tag finding whose digest is known: the
 * reference rewritten as `name:tag@sha256:…`, the form Renovate keeps current. Pinning to what
 * the tag names today changes nothing that runs, so the fix is safe.
 */
export function withPinFixes(result: LintResult, digests: ReadonlyMap<string, string>): LintResult {
  const diagnostics = result.diagnostics.map((d) => {
    const w = written(d, result.sources);
    const digest = w && digests.get(w.ref);
    if (!w || !digest) return d;
    const fix: Fix = { title: `Pin ${w.ref} to ${digest}`, safe: true, edits: [{ file: d.span.file, start: w.start, end: w.end, text: formatPinnedRef(w.ref, digest) }] };
    return { ...d, fix };
  });
  return { ...result, diagnostics };
}
