import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, findRule } from '../../rules/index.js';
import { UsageError } from '../discover/discover.js';
import { packageRoot } from '../package-root.js';
import type { Io } from './main.js';

/** Where a rule's documentation lives: beside its code. */
export function ruleDocPath(id: string, scope = 'compose'): string {
  return join(packageRoot, 'rules', scope, `${id}.md`);
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
