import type { Diagnostic, RuleMeta } from './types.js';
import type { SourceFile } from '../source/source-file.js';
import { scanComments } from '../compose/parse.js';

/**
 * Inline suppressions, in YAML and Dockerfiles alike (both use `#` comments):
 *   # ragcheck-disable-next-line <id>[, <id>] [-- reason]   (own line: the next line)
 *   # ragcheck-disable-line <id>                            (trailing: this line)
 *   # ragcheck-disable <id>[, <id>]                         (anywhere: the whole file)
 * No ids means every rule. A directive that suppresses nothing is itself reported.
 *
 * Peers' directives keep working for the rules that cover their checks (`meta.peers`), so a
 * repository moving to ragcheck keeps its suppressions:
 *   # hadolint ignore=DL3008,DL3009        (own line: the next instruction, continuation
 *                                           lines and heredocs included)
 *   # hadolint global ignore=DL3003        (the whole file)
 *   # dclint disable-line [rule …]         (trailing: this line; own line: the next line)
 *   # dclint disable [rule …]              (the first line of the file: the whole file)
 * A dclint directive without rule names covers every rule with a dclint peer. Peers'
 * directives are never reported as unused: the peer may still run beside ragcheck.
 */
interface Directive {
  file: SourceFile;
  line: number;
  /** Lines the directive covers; both 0 for the whole file. */
  from: number;
  to: number;
  ruleIds: ReadonlySet<string> | 'all';
  /** Written for ragcheck (judged for use) or for a peer (not judged). */
  own: boolean;
  used: Set<string>;
}

const OWN = /^ragcheck-(disable-next-line|disable-line|disable)\b(.*)$/;
const HADOLINT = /^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9,\s]*)$/;
const DCLINT = /^dclint\s+(disable-line|disable)\b(.*)$/;
/** Load failures cannot be silenced: the file was not checked at all. */
const UNSUPPRESSIBLE = new Set(['parse-error']);

export const UNUSED_DISABLE = 'unused-disable';

/** Which ragcheck rules a peer's check id maps to, and every known rule id. */
export interface RuleIndex {
  ids: ReadonlySet<string>;
  hadolint: ReadonlyMap<string, string[]>;
  dclint: ReadonlyMap<string, string[]>;
  /** Rules with any dclint peer: what a bare `# dclint disable-line` covers. */
  dclintAll: ReadonlySet<string>;
}

export function ruleIndex(rules: readonly RuleMeta[]): RuleIndex {
  const hadolint = new Map<string, string[]>();
  const dclint = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, peerId: string, id: string) => m.set(peerId, [...(m.get(peerId) ?? []), id]);
  for (const r of rules) {
    for (const p of r.peers?.hadolint ?? []) add(hadolint, p.toUpperCase(), r.id);
    for (const p of r.peers?.dclint ?? []) add(dclint, p, r.id);
  }
  return { ids: new Set(rules.map((r) => r.id)), hadolint, dclint, dclintAll: new Set([...dclint.values()].flat()) };
}

const MENTIONS = /ragcheck-disable|hadolint|dclint/;

export function parseDirectives(file: SourceFile, index: RuleIndex): Directive[] {
  if (!MENTIONS.test(file.text)) return [];
  const out: Directive[] = [];
  const comments = scanComments(file.text);
  const firstContent = firstContentLine(file);
  const push = (c: { line: number }, from: number, to: number, ruleIds: ReadonlySet<string> | 'all', own: boolean) =>
    out.push({ file, line: c.line, from, to, ruleIds, own, used: new Set() });
  for (const c of comments) {
    const own = OWN.exec(c.text);
    if (own) {
      const kind = own[1]!;
      const ids = own[2]!.split(' -- ')[0]!.split('#')[0]!.split(/[\s,]+/).filter(Boolean);
      const target = kind === 'disable' ? 0 : kind === 'disable-line' ? c.line : c.line + 1;
      push(c, target, target, ids.length ? new Set(ids) : 'all', true);
      continue;
    }
    const hadolint = c.ownLine ? HADOLINT.exec(c.text) : null;
    if (hadolint) {
      const ids = new Set(hadolint[2]!.split(/[\s,]+/).flatMap((dl) => index.hadolint.get(dl.toUpperCase()) ?? []));
      if (ids.size === 0) continue;
      if (hadolint[1]) push(c, 0, 0, ids, false);
      else {
        const [from, to] = nextInstruction(file, c.line);
        if (from) push(c, from, to, ids, false);
      }
      continue;
    }
    const dclint = DCLINT.exec(c.text);
    if (dclint) {
      const names = dclint[2]!.trim().split(/\s+/).filter(Boolean);
      const ids = names.length ? new Set(names.flatMap((n) => index.dclint.get(n) ?? [])) : index.dclintAll;
      if (ids.size === 0) continue;
      if (dclint[1] === 'disable-line') {
        const target = c.ownLine ? c.line + 1 : c.line;
        push(c, target, target, ids, false);
      } else if (c.line === firstContent) push(c, 0, 0, ids, false);
    }
  }
  return out;
}

/** The first line that is neither blank nor `---`: where dclint looks for a file directive. */
function firstContentLine(file: SourceFile): number {
  for (let line = 1; line <= file.lineStarts.length; line++) {
    const t = file.lineText(line).trim();
    if (t !== '' && t !== '---') return line;
  }
  return 0;
}

const HEREDOC = /<<-?\s*(["']?)([A-Za-z_][\w.-]*)\1/g;

/**
 * The lines of the Dockerfile instruction after a comment line: its continuation lines (a line
 * ending in the escape character) and heredoc bodies. [0, 0] when no instruction follows.
 */
function nextInstruction(file: SourceFile, commentLine: number): [number, number] {
  const last = file.lineStarts.length;
  const escape = /^#\s*escape\s*=\s*`/m.test(file.text.slice(0, 200)) ? '`' : '\\';
  let line = commentLine + 1;
  while (line <= last && /^\s*(#|$)/.test(file.lineText(line))) line++;
  if (line > last) return [0, 0];
  const from = line;
  const heredocs: { name: string; dash: boolean }[] = [];
  for (;;) {
    const text = file.lineText(line);
    for (const m of text.matchAll(HEREDOC)) heredocs.push({ name: m[2]!, dash: m[0].startsWith('<<-') });
    if (!text.trimEnd().endsWith(escape) || line === last) break;
    line++;
  }
  for (const h of heredocs) {
    while (line < last) {
      line++;
      const text = file.lineText(line);
      if ((h.dash ? text.replace(/^\t+/, '') : text) === h.name) break;
    }
  }
  return [from, line];
}

export interface SuppressResult {
  kept: Diagnostic[];
  /** ragcheck directives that suppressed nothing, or name a rule that does not exist. */
  unused: Diagnostic[];
}

export function applySuppressions(diagnostics: Diagnostic[], files: Iterable<SourceFile>, index: RuleIndex): SuppressResult {
  const byFile = new Map<string, Directive[]>();
  for (const f of files) {
    const ds = parseDirectives(f, index);
    if (ds.length) byFile.set(f.path, ds);
  }
  if (byFile.size === 0) return { kept: diagnostics, unused: [] };
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const line = d.span.line;
    const directive = UNSUPPRESSIBLE.has(d.ruleId)
      ? undefined
      : byFile.get(d.span.file)?.find((x) => (x.from === 0 || (x.from <= line && line <= x.to)) && (x.ruleIds === 'all' || x.ruleIds.has(d.ruleId)));
    if (directive) directive.used.add(d.ruleId);
    else kept.push(d);
  }
  // A file that failed to load was not checked, so its directives cannot be judged.
  const unchecked = new Set(diagnostics.filter((d) => UNSUPPRESSIBLE.has(d.ruleId)).map((d) => d.span.file));
  const unused: Diagnostic[] = [];
  for (const [file, ds] of byFile) {
    if (unchecked.has(file)) continue;
    for (const x of ds) {
      if (!x.own) continue;
      const span = x.file.span(x.file.lineStarts[x.line - 1]!, x.file.lineStarts[x.line - 1]! + x.file.lineText(x.line).length);
      const report = (message: string) => unused.push({ ruleId: UNUSED_DISABLE, severity: 'warning', message, span });
      if (x.ruleIds === 'all') {
        if (x.used.size === 0) report('Unused ragcheck-disable directive (no problems were reported here)');
        continue;
      }
      for (const id of x.ruleIds) {
        if (!index.ids.has(id)) report(`ragcheck-disable names an unknown rule "${id}"`);
        else if (!x.used.has(id)) report(`Unused ragcheck-disable directive (no problems from ${id} were reported here)`);
      }
    }
  }
  return { kept, unused };
}
