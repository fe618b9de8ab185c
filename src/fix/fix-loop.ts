import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LintResult } from '../engine/lint.js';
import type { Diagnostic, Edit, Fix } from '../engine/types.js';
import { displayPath } from '../source/display-path.js';
import type { SourceFile } from '../source/source-file.js';
import { applyEdits, conflicts } from './apply-edits.js';
import { keepFormat } from './write-file.js';

/** Which fixes to apply. */
export interface FixFilter {
  /** Also apply fixes that may change what runs. */
  unsafe: boolean;
  /** Only these rules' fixes (all when absent). */
  rules?: ReadonlySet<string>;
}

export interface FixLoopOptions {
  cwd: string;
  filter: FixFilter;
  /** Lints the stacks with these texts (absolute path → text) in place of the files on disk. */
  lint: (overrides: ReadonlyMap<string, string>) => Promise<LintResult>;
  maxPasses?: number;
}

export interface FileChange {
  /** As reports show it. */
  path: string;
  absPath: string;
  /** Undefined when the fix creates the file. */
  before: string | undefined;
  after: string;
}

/** A file left as it was because a fix would have broken it. */
export interface Reverted {
  file: string;
  rules: string[];
  reason: string;
}

export interface FixOutcome {
  changes: FileChange[];
  /** Findings whose fix was applied, in all and by rule. */
  fixed: number;
  fixedByRule: Map<string, number>;
  /** The lint of the fixed texts: what remains. */
  result: LintResult;
  reverted: Reverted[];
  /** Set when fixing did not settle: the rules whose fixes kept changing the files. */
  unstable?: { rules: string[]; reason: string };
}

interface Chosen {
  d: Diagnostic;
  fix: Fix;
  key: string;
  paths: Set<string>;
}

/** Rules whose findings mean a file no longer reads as Compose or as a Dockerfile. */
const BREAKS_PARSING = new Set(['parse-error', 'compose-schema']);
const MAX_PASSES = 10;

/**
 * Applies fixes in passes, as ESLint does: the non-conflicting fixes of every finding at once,
 * then a fresh lint, until no fix is left. A pass's result must lint no worse than before it,
 * file by file and rule by rule (which includes still parsing); the fixes that touch a file
 * that got worse are taken back and not tried again. Texts stay in memory: nothing is written.
 */
export async function fixLoop(opts: FixLoopOptions): Promise<FixOutcome> {
  const texts = new Map<string, string>();
  const originals = new Map<string, string | undefined>();
  const rejected = new Set<string>();
  const reverted: Reverted[] = [];
  const fixedByRule = new Map<string, number>();
  let fixed = 0;
  let unstable: FixOutcome['unstable'];
  let result = await opts.lint(texts);
  const seen = new Set([stateKey(texts, originals)]);
  const maxPasses = opts.maxPasses ?? MAX_PASSES;

  for (let pass = 1; ; pass++) {
    let chosen = choose(result.diagnostics, opts.filter, rejected);
    if (chosen.length === 0) break;
    if (pass > maxPasses) {
      unstable = { rules: rulesOf(chosen), reason: `fixes still pending after ${maxPasses} passes` };
      break;
    }
    const absOf = (path: string) => result.sources.get(path)?.absPath ?? resolve(opts.cwd, path);
    const before = applyChosen(chosen, result.sources, texts, originals, absOf);
    let next = await opts.lint(texts);
    // Take back fixes until the pass makes nothing worse; each round rejects at least one.
    for (let worse = worseFiles(result, next); worse.size > 0; worse = worseFiles(result, next)) {
      const culprits = blame(chosen, worse);
      const undone = revertFiles(culprits, chosen, before, texts, absOf);
      for (const c of culprits) rejected.add(c.key);
      for (const [path, rules] of worse) reverted.push({ file: path, rules: rulesOf(culprits.filter((c) => c.paths.has(path))), reason: describe(rules) });
      chosen = chosen.filter((c) => ![...c.paths].some((p) => undone.has(p)));
      next = chosen.length ? await opts.lint(texts) : result;
    }
    for (const c of chosen) {
      fixed++;
      fixedByRule.set(c.d.ruleId, (fixedByRule.get(c.d.ruleId) ?? 0) + 1);
    }
    result = next;
    const key = stateKey(texts, originals);
    if (chosen.length && seen.has(key)) {
      unstable = { rules: rulesOf(chosen), reason: 'their fixes undo each other' };
      break;
    }
    seen.add(key);
  }

  const changes: FileChange[] = [];
  for (const [abs, after] of texts) {
    const beforeText = originals.get(abs);
    if (after === beforeText) continue;
    const path = displayPath(resolve(opts.cwd), abs);
    changes.push({ path, absPath: abs, before: beforeText, after });
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, fixed, fixedByRule, result, reverted, ...(unstable && { unstable }) };
}

/** The findings' fixes for one pass, in report order, leaving out any that conflicts with one taken. */
function choose(diagnostics: readonly Diagnostic[], filter: FixFilter, rejected: ReadonlySet<string>): Chosen[] {
  const out: Chosen[] = [];
  const keys = new Set<string>();
  // By file: a large repository has thousands of fixes, each checked only against its files' edits.
  const taken = new Map<string, Edit[]>();
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix || fix.edits.length === 0 || (!fix.safe && !filter.unsafe) || (filter.rules && !filter.rules.has(d.ruleId))) continue;
    const key = `${d.ruleId}\0${fix.title}\0${JSON.stringify(fix.edits)}`;
    if (rejected.has(key) || keys.has(key)) continue;
    if (fix.edits.some((e) => taken.get(e.file)?.some((t) => conflicts(e, t)))) continue;
    for (const e of fix.edits) append(taken, e.file, e);
    keys.add(key);
    out.push({ d, fix, key, paths: new Set(fix.edits.map((e) => e.file)) });
  }
  return out;
}

/** Returns the texts the edited files had before (by report path). */
function applyChosen(
  chosen: readonly Chosen[],
  sources: ReadonlyMap<string, SourceFile>,
  texts: Map<string, string>,
  originals: Map<string, string | undefined>,
  absOf: (path: string) => string,
): Map<string, string> {
  const byFile = new Map<string, Edit[]>();
  for (const c of chosen) for (const e of c.fix.edits) append(byFile, e.file, e);
  const before = new Map<string, string>();
  for (const [path, edits] of byFile) {
    const abs = absOf(path);
    if (!originals.has(abs)) originals.set(abs, sources.get(path)?.text ?? readIfPresent(abs));
    const original = originals.get(abs);
    const current = texts.get(abs) ?? original ?? '';
    before.set(path, current);
    const edited = applyEdits(current, edits);
    texts.set(abs, original === undefined ? edited : keepFormat(original, edited));
  }
  return before;
}

/** Files (by report path) with more findings of some rule than before the pass, and those rules. */
function worseFiles(before: LintResult, after: LintResult): Map<string, string[]> {
  const was = countByFileAndRule(before.diagnostics);
  const now = countByFileAndRule(after.diagnostics);
  const worse = new Map<string, string[]>();
  for (const [key, n] of now) {
    if (n <= (was.get(key) ?? 0)) continue;
    const [file, rule] = key.split('\0') as [string, string];
    append(worse, file, rule);
  }
  return worse;
}

function countByFileAndRule(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const key = `${d.span.file}\0${d.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The fixes that touched a file that got worse; all of the pass's when none did (the harm is indirect). */
function blame(chosen: readonly Chosen[], worse: ReadonlyMap<string, string[]>): Chosen[] {
  const direct = chosen.filter((c) => [...c.paths].some((p) => worse.has(p)));
  return direct.length ? direct : [...chosen];
}

/**
 * Puts back, as they were before the pass, the files the culprits edited, and with them any
 * other fix's files that share one of those (its edits there are gone too). Returns the paths.
 */
function revertFiles(culprits: readonly Chosen[], chosen: readonly Chosen[], before: ReadonlyMap<string, string>, texts: Map<string, string>, absOf: (path: string) => string): Set<string> {
  const undo = new Set(culprits.flatMap((c) => [...c.paths]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of chosen) {
      if (![...c.paths].some((p) => undo.has(p)) || [...c.paths].every((p) => undo.has(p))) continue;
      for (const p of c.paths) undo.add(p);
      grew = true;
    }
  }
  for (const path of undo) {
    const text = before.get(path);
    if (text !== undefined) texts.set(absOf(path), text);
  }
  return undo;
}

function describe(rules: readonly string[]): string {
  if (rules.some((r) => BREAKS_PARSING.has(r))) return 'the fixed file would not parse';
  return `the fix would add findings: ${[...new Set(rules)].sort().join(', ')}`;
}

function rulesOf(chosen: readonly Chosen[]): string[] {
  return [...new Set(chosen.map((c) => c.d.ruleId))].sort();
}

/** The files' state: only the texts that differ from the disk, so a return to the start counts too. */
function stateKey(texts: ReadonlyMap<string, string>, originals: ReadonlyMap<string, string | undefined>): string {
  const h = createHash('sha256');
  for (const [abs, text] of [...texts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (text !== originals.get(abs)) h.update(`${abs}\0${text}\0`);
  return h.digest('hex');
}

function readIfPresent(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
