import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './fix-loop.js';

/** A unified diff of the changes, git-style (`a/…`, `b/…`, /dev/null for a new file). */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) => {
      const patch = createTwoFilesPatch(c.before === undefined ? '/dev/null' : `a/${c.path}`, `b/${c.path}`, c.before ?? '', c.after, undefined, undefined, { context: 3 });
      // Drop jsdiff's "Index:"/"====" preamble: plain `---`/`+++` headers are what patch and git apply read.
      return patch.slice(patch.indexOf('--- '));
    })
    .join('');
}
