import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { input, readInputs } from '../../src/action/inputs.js';
import { setOutput } from '../../src/action/workflow-commands.js';
import { workflowCommand } from '../../src/report/github.js';

it('writes single-line outputs as name=value and others in the heredoc form', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ragcheck-output-'));
  try {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    setOutput(file, 'errors', '3');
    setOutput(file, 'report', 'one\ntwo');
    const text = readFileSync(file, 'utf8');
    const m = /^errors=3\nreport<<(ghadelimiter_[0-9a-f-]{36})\none\ntwo\n(.*)\n$/.exec(text);
    expect(m?.[1]).toBe(m?.[2]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('escapes command messages and properties', () => {
  expect(workflowCommand('notice', '50% done\nnext', { title: 'a:b,c' })).toBe('::notice title=a%3Ab%2Cc::50%25 done%0Anext\n');
});

it('reads inputs as the runner names them', () => {
  const env = { 'INPUT_FAIL-ON': 'warning', INPUT_PATHS: ' compose.yaml\n  deploy/ ', 'INPUT_SUGGEST-FIXES': 'False', 'INPUT_MY_INPUT': 'x' };
  expect(input(env, 'my input')).toBe('x');
  expect(readInputs(env)).toEqual({ paths: ['compose.yaml', 'deploy/'], config: undefined, environment: undefined, failOn: 'warning', reporter: 'annotations', filter: 'added', suggestFixes: false, sarifFile: undefined, token: '' });
  expect(() => readInputs({ 'INPUT_SUGGEST-FIXES': 'yes' })).toThrow('input suggest-fixes is "yes" (expected true or false)');
});
