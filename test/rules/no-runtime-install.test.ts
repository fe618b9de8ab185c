import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-runtime-install.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;

describe('no-runtime-install', () => {
  it('reports each install inside a sh -c string, at the command itself (two findings)', async () => {
    const compose = 'services:\n  api:\n    image: python:3.12-slim\n    command: sh -c "pip install -r requirements.txt && uvicorn main:app --reload"\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 21, endLine: 4, endColumn: 52 },
      { line: 4, column: 56, endLine: 4, endColumn: 81 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      'api runs "pip install -r requirements.txt" at start; install dependencies in the image instead',
      'api runs "uvicorn main:app --reload" at start; serve the built app without a reloading dev server',
    ]);
    expect(ds.every((d) => d.severity === 'error' && d.ruleId === id)).toBe(true);
  });

  it('reports in list form at the items, and inside a quoted sh -c item', async () => {
    const compose = [
      'services:',
      '  web:',
      '    image: node:20.18-alpine',
      '    entrypoint: ["npm", "ci"]',
      '    command: ["/bin/sh", "-c", "npm run build && node build"]',
      '',
    ].join('\n');
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id] });
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 18, endLine: 4, endColumn: 29 },
      { line: 5, column: 33, endLine: 5, endColumn: 46 },
    ]);
    expect(ds[1]!.message).toBe('web runs "npm run build" at start; build the app into the image instead');
  });

  it('reports lines of a block scalar body where they stand', async () => {
    const compose = 'services:\n  w:\n    image: python:3.12-slim\n    command:\n      - bash\n      - -c\n      - |\n        set -e\n        apt-get install -y curl\n        exec python app.py\n';
    expect((await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).map(pos)).toEqual([{ line: 9, column: 9, endLine: 9, endColumn: 32 }]);
  });

  it('falls back to the whole scalar when the text cannot be mapped (a \\x escape)', async () => {
    const compose = 'services:\n  w:\n    image: node:20\n    command: "sh -c \\x22npm ci\\x22"\n';
    expect((await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).map(pos)).toEqual([{ line: 4, column: 14, endLine: 4, endColumn: 36 }]);
  });

  it('checks prod stacks only', async () => {
    const files = { 'compose.dev.yaml': 'services:\n  a:\n    image: node:20\n    command: npm install\n' };
    expect(await lintFiles(files, { rules: [id] })).toEqual([]);
    expect(await lintFiles(files, { rules: [id], environment: 'prod' })).toHaveLength(1);
  });

  it('leaves ordinary start commands alone', async () => {
    const compose = 'services:\n  a:\n    image: x:1\n    command: uvicorn main:app --host 0.0.0.0\n  b:\n    image: y:1\n    command: ["python", "-m", "app"]\n  c:\n    image: z:1\n    command: sh -c "echo pip install is not run here"\n';
    expect(await lintFiles({ 'compose.yaml': compose }, { rules: [id] })).toEqual([]);
  });

  it('honours allow globs over the command line', async () => {
    const compose = 'services:\n  mcp:\n    image: node:20\n    command: sh -c "npx -y @modelcontextprotocol/server-memory && npm ci"\n';
    const ds = await lintFiles({ 'compose.yaml': compose }, { rules: [id], options: { [id]: { allow: ['npx -y @modelcontextprotocol/*'] } } });
    expect(ds.map((d) => d.message)).toEqual(['mcp runs "npm ci" at start; install dependencies in the image instead']);
  });
});
