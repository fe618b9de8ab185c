import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { main, type Io } from '../../src/cli/main.js';
import { ruleDocPath } from '../../src/cli/rules-command.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd: process.cwd(), stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} };
  return { code: await main(argv, io), stdout, stderr };
}

describe('ragcheck rules', () => {
  it('prints a table: id, category, severity, environments, fixable, preset, summary', async () => {
    const r = await run(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['rule', 'category', 'severity', 'environments', 'fixable', 'preset', 'summary']);
    expect(lines.length).toBe(allRules.length + 1);
    const row = lines.find((l) => l.startsWith('apt-no-recommends '))!.split(/\s{2,}/);
    expect(row).toEqual(['apt-no-recommends', 'size', 'warning', 'all', 'unsafe', 'recommended', 'apt-get install in an image uses --no-install-recommends']);
    const optIn = lines.find((l) => l.startsWith('allowed-registry '))!.split(/\s{2,}/);
    expect(optIn.slice(0, 6)).toEqual(['allowed-registry', 'images', 'error', 'all', 'no', 'strict (opt-in)']);
  });

  it("prints one rule's docs, and exits 2 for an unknown id", async () => {
    const r = await run(['rules', 'pip-no-cache']);
    expect(r.stdout).toBe(readFileSync(ruleDocPath('pip-no-cache'), 'utf8'));
    expect(await run(['rules', 'pip-cache'])).toEqual({ code: 2, stdout: '', stderr: 'ragcheck: unknown rule "pip-cache" (run `ragcheck rules` for the list)\n' });
  });
});
