import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, findRule } from '../../rules/index.js';
import { UsageError } from '../discover/discover.js';
import { ruleFacts } from '../docs/rule-docs.js';
import { packageRoot } from '../package-root.js';
import type { Io } from './main.js';

/** Rule folders: compose-only, Dockerfile-only, and cross-file (service + its image) rules. */
const RULE_FOLDERS = ['compose', 'dockerfile', 'stack'];

/** Where a rule's documentation lives: beside its code. */
export function ruleDocPath(id: string): string {
  const found = RULE_FOLDERS.map((f) => join(packageRoot, 'rules', f, `${id}.md`)).find((p) => existsSync(p));
  return found ?? join(packageRoot, 'rules', 'compose', `${id}.md`);
}

export function rulesCommand(args: string[], io: Io): number {
  const [id, ...extra] = args;
  if (extra.length) throw new UsageError('rules takes at most one rule id');
  if (id) {
    if (!findRule(id)) throw new UsageError(`unknown rule "${id}" (run \`ragcheck rules\` for the list)`);
    io.stdout(readFileSync(ruleDocPath(id), 'utf8'));
    return 0;
  }
  io.stdout(ruleTable());
  return 0;
}

const COLUMNS = ['rule', 'category', 'severity', 'environments', 'fixable', 'preset', 'summary'] as const;

/** One aligned row per rule: what `ragcheck rules` prints. */
export function ruleTable(): string {
  const rows = allRules.map(({ meta }) => {
    const f = ruleFacts(meta);
    return [meta.id, f.category, f.severity, f.environments, f.fixable, f.preset, meta.summary];
  });
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(COLUMNS), ...rows.map(line)].join('\n')}\n`;
}
