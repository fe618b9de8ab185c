import { test } from 'vitest';
import { analyzeCommands } from '../../src/shell/analyze.js';
import { alignScalar } from '../../src/shell/yaml-scalar.js';
test('t', () => {
  console.log(JSON.stringify(analyzeCommands('npm ci\nnpm run build && npx serve dist\n').map((c) => [c.name, c.start, c.end])));
  const src = '      - |\n        npm ci\n        npm run build && npx serve dist\n';
  console.log(JSON.stringify(alignScalar(src, 8, src.length - 1, 'npm ci\nnpm run build && npx serve dist\n')));
});
