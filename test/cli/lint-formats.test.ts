import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProjects } from '../helpers/cli.js';

const project = tempProjects();

/** A prod stack that passes every policy but one: its image is on a moving tag. */
const POLICY = '    user: "101:101"\n    restart: unless-stopped\n    security_opt: [no-new-privileges:true]\n    logging:\n      options: { max-size: 10m }\n    deploy:\n      resources: { limits: { memory: 512m } }\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost"]\n';
const service = (name: string, image: string) => `  ${name}:\n    image: ${image}\n${POLICY}`;
const STACK = `services:\n${service('web', 'nginx:latest')}`;

const ruleIds = (json: string) => (JSON.parse(json) as { diagnostics: { ruleId: string; line: number }[] }).diagnostics.map((d) => `${d.ruleId}@${d.line}`);

describe('--format and --output-file', () => {
  it('accepts every format', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'codeclimate', 'checkstyle']) {
      const r = await runCli(['lint', '-e', 'prod', '--format', format], dir);
      expect([format, r.code, r.stderr]).toEqual([format, 1, '']);
      expect(r.stdout).toContain(format === 'sarif' || format === 'codeclimate' ? 'pinned-image-tag' : 'compose.yaml');
    }
    const bad = await runCli(['lint', '--format', 'html'], dir);
    expect([bad.code, bad.stderr]).toEqual([2, 'ragcheck: unknown format "html" (expected one of: stylish, json, sarif, github, junit, codeclimate, checkstyle)\n']);
  });

  it('writes the report to the file and still prints stylish on the terminal', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await runCli(['lint', '-e', 'prod', '--format', 'sarif', '--output-file', 'ragcheck.sarif', '--no-color'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\ncompose.yaml\n  3:12  error    web runs nginx:latest');
    const sarif = JSON.parse(await readFile(join(dir, 'ragcheck.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['pinned-image-tag']);
    expect(sarif.runs[0].tool.driver.version).toBe(JSON.parse(await readFile('package.json', 'utf8')).version);
  });

  it('exits 2 with one clear line when the file cannot be written', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await runCli(['lint', '-e', 'prod', '-f', 'json', '-o', 'out/r.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ragcheck: cannot write out/r.json: the folder out does not exist\n');
    expect(r.stdout).toContain('web runs nginx:latest');
  });

  it('works for fix too, reporting what remains', async () => {
    const dir = await project({ 'compose.yaml': `version: "3.8"\n${STACK}` });
    const r = await runCli(['fix', '-e', 'prod', '--format', 'json', '--output-file', 'remaining.json'], dir);
    expect(r.code).toBe(1);
    expect(ruleIds(await readFile(join(dir, 'remaining.json'), 'utf8'))).toEqual(['pinned-image-tag@3']);
    expect(r.stdout).toContain('web runs nginx:latest');
  });
});

describe('--baseline', () => {
  it('records today, then reports only what is new after unrelated lines moved', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const w = await runCli(['lint', '-e', 'prod', '--baseline-write', 'ragcheck-baseline.json'], dir);
    expect([w.code, w.stdout, w.stderr]).toEqual([0, '', 'ragcheck: recorded 1 finding in ragcheck-baseline.json\n']);
    const recorded = JSON.parse(await readFile(join(dir, 'ragcheck-baseline.json'), 'utf8'));
    expect(recorded.findings).toEqual([{ ruleId: 'pinned-image-tag', file: 'compose.yaml', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), message: expect.stringContaining('nginx:latest') }]);

    // Lines above the finding, and a new service above it: only the new service's finding is reported.
    await writeFile(join(dir, 'compose.yaml'), `# the site\nname: site\nservices:\n${service('site', 'httpd:latest')}${service('web', 'nginx:latest')}`);
    const r = await runCli(['lint', '-e', 'prod', '--baseline', 'ragcheck-baseline.json', '-f', 'json'], dir);
    expect(ruleIds(r.stdout)).toEqual(['pinned-image-tag@5']);
    expect(r.stderr).toBe('ragcheck: 1 finding is in the baseline\n');
    expect(r.code).toBe(1);

    // With the new one fixed, nothing is left: exit 0.
    await writeFile(join(dir, 'compose.yaml'), `# the site\nname: site\nservices:\n${service('site', 'httpd:2.4.62')}${service('web', 'nginx:latest')}`);
    const clean = await runCli(['lint', '-e', 'prod', '--baseline', 'ragcheck-baseline.json'], dir);
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', 'ragcheck: 1 finding is in the baseline\n']);
  });

  it('says when baselined findings are gone', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    await runCli(['lint', '-e', 'prod', '--baseline-write', 'b.json'], dir);
    await writeFile(join(dir, 'compose.yaml'), STACK.replace('nginx:latest', 'nginx:1.27.2'));
    const r = await runCli(['lint', '-e', 'prod', '--baseline', 'b.json'], dir);
    expect([r.code, r.stderr]).toEqual([0, 'ragcheck: 0 findings are in the baseline\nragcheck: 1 baseline entry no longer occurs (--baseline-write records the findings anew)\n']);
  });

  it('exits 2 with one line for a missing or malformed baseline', async () => {
    const dir = await project({ 'compose.yaml': STACK, 'bad.json': '{"findings": []}', 'notjson.json': 'nope' });
    const missing = await runCli(['lint', '--baseline', 'missing.json'], dir);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'ragcheck: cannot read baseline missing.json: no such file (create it with --baseline-write)\n']);
    const bad = await runCli(['lint', '--baseline', 'bad.json'], dir);
    expect([bad.code, bad.stderr]).toEqual([2, 'ragcheck: baseline bad.json is not a ragcheck baseline (expected { "version": 1, "findings": [...] })\n']);
    const notJson = await runCli(['lint', '--baseline', 'notjson.json'], dir);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^ragcheck: baseline notjson\.json is not JSON: [^\n]+\n$/);
    const both = await runCli(['lint', '--baseline', 'b.json', '--baseline-write', 'b.json'], dir);
    expect(both.code).toBe(2);
    const unwritable = await runCli(['lint', '--baseline-write', 'no/such/b.json'], dir);
    expect([unwritable.code, unwritable.stderr]).toEqual([2, 'ragcheck: cannot write no/such/b.json: the folder no/such does not exist\n']);
  });

  it('gives SARIF results the fingerprints the baseline records', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    await runCli(['lint', '-e', 'prod', '--baseline-write', 'b.json'], dir);
    const r = await runCli(['lint', '-e', 'prod', '-f', 'sarif'], dir);
    const recorded = JSON.parse(await readFile(join(dir, 'b.json'), 'utf8'));
    expect(JSON.parse(r.stdout).runs[0].results[0].partialFingerprints).toEqual({ 'ragcheckFingerprint/v1': recorded.findings[0].fingerprint });
  });
});
