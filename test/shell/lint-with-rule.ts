import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FileCache } from '../../src/compose/file-cache.js';
import { loadStack } from '../../src/compose/load-stack.js';
import { loadConfig } from '../../src/config/load-config.js';
import { discover } from '../../src/discover/discover.js';
import { runComposeRules } from '../../src/engine/run-rules.js';
import type { ComposeRule, Diagnostic } from '../../src/engine/types.js';

/**
 * Lints `files` through discovery, loading and the rule runner with one given rule and its
 * options — the pipeline `lintFiles` runs, for a rule whether or not it is registered.
 */
export async function lintWithRule(
  rule: ComposeRule,
  files: Record<string, string>,
  opts: { environment?: string; options?: Record<string, unknown> } = {},
): Promise<Diagnostic[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-rule-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
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
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pos(d: Diagnostic) {
  const { line, column, endLine, endColumn } = d.span;
  return { line, column, endLine, endColumn };
}
