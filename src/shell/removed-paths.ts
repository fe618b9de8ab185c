import type { SimpleCommand, Word } from './types.js';

/** The paths `rm` removes among `commands` (operands only, as written, quotes removed). */
export function removedPaths(commands: readonly SimpleCommand[]): Word[] {
  const out: Word[] = [];
  for (const c of commands) {
    if (c.name !== 'rm') continue;
    let options = true;
    for (const a of c.args) {
      if (options && a.text === '--') options = false;
      else if (options && a.text.startsWith('-') && a.text.length > 1) continue;
      else if (!a.text.includes('$')) out.push(a);
    }
  }
  return out;
}
