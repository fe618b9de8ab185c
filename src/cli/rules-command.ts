import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, findRule } from '../../rules/index.js';
import { UsageError } from '../discover/discover.js';
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
  const width = Math.max(...allRules.map((r) => r.meta.id.length));
  const lines = allRules.map((r) => {
    const { meta } = r;
    const tags = [meta.severity, meta.environments ? meta.environments.join('/') : 'all', meta.fixable ? `fix:${meta.fixable}` : ''].filter(Boolean).join(', ');
    return `${meta.id.padEnd(width)}  ${meta.summary}  (${tags})`;
  });
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
