import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FileCache } from '../../src/compose/file-cache.js';
import { loadStack } from '../../src/compose/load-stack.js';
import { runComposeRules } from '../../src/engine/run-rules.js';
import type { ComposeRule, Diagnostic } from '../../src/engine/types.js';

/**
 * Loads one folder's `compose.yaml` as a prod stack (parse, interpolate from `.env`, merge,
 * typed model) and runs a single rule on it, with its default options under `options`. This
 * lets a rule be tested before it is registered in rules/index.ts.
 */
export async function runRuleOnDir(rule: ComposeRule, dir: string, options: Record<string, unknown> = {}): Promise<Diagnostic[]> {
  const files = new FileCache(dir);
  const envFile = join(dir, '.env');
  const hasEnv = (await readdir(dir)).includes('.env');
  const loaded = await loadStack(
    { name: 'compose.yaml#prod', environment: 'prod', files: [join(dir, 'compose.yaml')], envFiles: hasEnv ? [envFile] : [], projectDir: dir },
    { cwd: dir, files },
  );
  if (!loaded.stack) throw new Error(`stack did not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const settings = new Map([[rule.meta.id, { severity: rule.meta.severity, options: { ...rule.meta.defaultOptions, ...options } }]]);
  return runComposeRules(loaded.stack, [rule], settings);
}

/** Writes `files` to a fresh folder and runs the rule there. */
export async function runRule(rule: ComposeRule, files: Record<string, string> | string, options: Record<string, unknown> = {}): Promise<Diagnostic[]> {
  const all = typeof files === 'string' ? { 'compose.yaml': files } : files;
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-rule-'));
  try {
    for (const [name, text] of Object.entries(all)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return await runRuleOnDir(rule, dir, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pos(d: Diagnostic) {
  const { line, column, endLine, endColumn } = d.span;
  return { line, column, endLine, endColumn };
}

const MARKER = /#\s*expect(-next-line)?:\s*([\w\s,-]+?)\s*(?:#.*)?$/;

/** `line ruleId` for every inline marker in a case folder's compose.yaml. */
export async function markers(dir: string): Promise<string[]> {
  const text = await readFile(join(dir, 'compose.yaml'), 'utf8');
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    for (const id of m[2]!.split(/[\s,]+/).filter(Boolean)) out.push(`${m[1] ? i + 2 : i + 1} ${id}`);
  });
  return out.sort();
}

/** The case folders of one rule's fixtures. */
export async function fixtureCases(root: string): Promise<string[]> {
  return (await readdir(root)).filter((c) => /^(bad|good)/.test(c)).sort();
}
