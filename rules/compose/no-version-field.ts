import { defineRule } from '../../src/engine/types.js';

export default defineRule({
  meta: {
    id: 'no-version-field',
    category: 'schema',
    summary: 'The obsolete top-level `version:` is not used',
    severity: 'warning',
    peers: { dclint: ['no-version-field'] },
    fixable: 'safe',
  },
  check({ stack, report }) {
    for (const pair of stack.versionFields) {
      const file = stack.sources.get(pair.keySpan.file);
      if (!file) continue;
      const span = file.span(pair.keySpan.start, pair.value.span.end);
      const lineStart = file.lineStarts[span.line - 1]!;
      const nextLine = file.lineStarts[span.endLine] ?? file.text.length;
      report({
        span,
        message: 'The top-level version field is obsolete; Compose ignores it and warns',
        fix: { title: 'Remove the version field', safe: true, edits: [{ file: file.path, start: lineStart, end: nextLine, text: '' }] },
      });
    }
  },
});
