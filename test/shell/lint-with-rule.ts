import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { FileCache } from '../../src/compose/file-cache.js';
import { loadStack } from '../../src/compose/load-stack.js';
import { loadConfig } from '../../src/config/load-config.js';
import { discover } from '../../src/discover/discover.js';
import { runComposeRules } from '../../src/engine/run-rules.js';
import type { ComposeRule, Diagnostic } from '../../src/engine/types.js';

export interface RuleLintOptions {
  environment?: string;
  options?: Record<string, unknown>;
}

/**
 * Lints `files` through discovery, loading and the rule runner with one given rule and its
 * options: the pipeline `lintFiles` runs, for a rule whether or not it is registered yet.
 */
export async function lintWithRule(rule: ComposeRule, files: Record<string, string>, opts: RuleLintOptions = {}): Promise<Diagnostic[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-rule-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return await lintDirWithRule(rule, dir, opts);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function lintDirWithRule(rule: ComposeRule, dir: string, opts: RuleLintOptions = {}): Promise<Diagnostic[]> {
  const config = await loadConfig(dir);
  const found = await discover(['.'], { cwd: dir, config, environment: opts.environment });
  const cache = new FileCache(dir);
  const settings = new Map([[rule.meta.id, { severity: rule.meta.severity, options: { ...rule.meta.defaultOptions, ...opts.options } }]]);
  const out: Diagnostic[] = [];
  for (const plan of found.stacks) {
    const { stack } = await loadStack(plan, { cwd: dir, files: cache });
    if (stack) out.push(...runComposeRules(stack, [rule], settings));
  }
  return out.sort((a, b) => a.span.file.localeCompare(b.span.file) || a.span.start - b.span.start);
}

export function pos(d: Diagnostic) {
  const { line, column, endLine, endColumn } = d.span;
  return { line, column, endLine, endColumn };
}

const MARKER = /#\s*expect(-next-line)?:\s*([\w\s,-]+?)\s*(?:#.*)?$/;

/** `file:line` of each `# expect: <id>` / `# expect-next-line: <id>` marker for `id` under `dir`. */
export function expectedMarkers(dir: string, id: string): string[] {
  const out: string[] = [];
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const file of walk(dir)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = MARKER.exec(text);
        if (!m) return;
        for (const rid of m[2]!.split(/[\s,]+/)) if (rid === id) out.push(`${relative(dir, file)}:${m[1] ? i + 2 : i + 1}`);
      });
  }
  return out.sort();
}
