import type { Diagnostic } from './types.js';
import type { SourceFile } from '../source/source-file.js';
import { scanComments } from '../compose/parse.js';

/**
 * Inline suppressions, in YAML and Dockerfiles alike (both use `#` comments):
 *   # ragcheck-disable-next-line <id>[, <id>] [-- reason]   (own line: the next line)
 *   # ragcheck-disable-line <id>                            (trailing: this line)
 *   # ragcheck-disable <id>[, <id>]                         (anywhere: the whole file)
 * No ids means every rule. A directive that suppresses nothing is itself reported.
 */
interface Directive {
  file: SourceFile;
  line: number;
  /** Line the directive applies to; 0 for the whole file. */
  target: number;
  ruleIds: string[] | 'all';
  used: Set<string>;
}

const DIRECTIVE = /^ragcheck-(disable-next-line|disable-line|disable)\b(.*)$/;
/** Load failures cannot be silenced: the file was not checked at all. */
const UNSUPPRESSIBLE = new Set(['parse-error']);

export const UNUSED_DISABLE = 'unused-disable';

export function parseDirectives(file: SourceFile): Directive[] {
  if (!file.text.includes('ragcheck-disable')) return [];
  const out: Directive[] = [];
  for (const c of scanComments(file.text)) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const kind = m[1]!;
    const ids = m[2]!.split(' -- ')[0]!.split('#')[0]!.split(/[\s,]+/).filter(Boolean);
    const target = kind === 'disable' ? 0 : kind === 'disable-line' ? c.line : c.line + 1;
    out.push({ file, line: c.line, target, ruleIds: ids.length ? ids : 'all', used: new Set() });
  }
  return out;
}

export interface SuppressResult {
  kept: Diagnostic[];
  /** Directives that suppressed nothing, or name a rule that does not exist. */
  unused: Diagnostic[];
}

export function applySuppressions(diagnostics: Diagnostic[], files: Iterable<SourceFile>, knownRules: ReadonlySet<string>): SuppressResult {
  const byFile = new Map<string, Directive[]>();
  for (const f of files) {
    const ds = parseDirectives(f);
    if (ds.length) byFile.set(f.path, ds);
  }
  if (byFile.size === 0) return { kept: diagnostics, unused: [] };
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const directive = UNSUPPRESSIBLE.has(d.ruleId)
      ? undefined
      : byFile.get(d.span.file)?.find((x) => (x.target === 0 || x.target === d.span.line) && (x.ruleIds === 'all' || x.ruleIds.includes(d.ruleId)));
    if (directive) directive.used.add(d.ruleId);
    else kept.push(d);
  }
  // A file that failed to load was not checked, so its directives cannot be judged.
  const unchecked = new Set(diagnostics.filter((d) => UNSUPPRESSIBLE.has(d.ruleId)).map((d) => d.span.file));
  const unused: Diagnostic[] = [];
  for (const [file, ds] of byFile) {
    if (unchecked.has(file)) continue;
    for (const x of ds) {
      const span = x.file.span(x.file.lineStarts[x.line - 1]!, x.file.lineStarts[x.line - 1]! + x.file.lineText(x.line).length);
      const report = (message: string) => unused.push({ ruleId: UNUSED_DISABLE, severity: 'warning', message, span });
      if (x.ruleIds === 'all') {
        if (x.used.size === 0) report('Unused ragcheck-disable directive (no problems were reported here)');
        continue;
      }
      for (const id of x.ruleIds) {
        if (!knownRules.has(id)) report(`ragcheck-disable names an unknown rule "${id}"`);
        else if (!x.used.has(id)) report(`Unused ragcheck-disable directive (no problems from ${id} were reported here)`);
      }
    }
  }
  return { kept, unused };
}
