import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProjects } from '../helpers/cli.js';

const project = tempProjects();

const run = runCli;

/** A prod stack whose only findings are an obsolete version field (safe fix) and a port on every interface (unsafe fix). */
const POLICY = '    user: "101:101"\n    restart: unless-stopped\n    security_opt: [no-new-privileges:true]\n    logging:\n      options: { max-size: 10m }\n    deploy:\n      resources: { limits: { memory: 512m } }\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost"]\n';
const STACK = `version: "3.8"  # old\nservices:\n  web:\n    image: nginx:1.27.2\n${POLICY}    ports:\n      - "8080:80"  # site\n`;

describe('ragcheck fix', () => {
  it('applies the safe fixes, writes the file and reports what remains', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await run(['fix', '-e', 'prod', '--format', 'json'], dir);
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(STACK.replace('version: "3.8"  # old\n', ''));
    expect(JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['ports-bind-interface']);
    expect(r.stderr).toBe('ragcheck: fixed 1 finding in 1 file; 1 remains (1 fixable with --unsafe)\n');
    expect(r.code).toBe(0);
  });

  it('applies unsafe fixes with --unsafe, and only the named rules with --rule', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await run(['fix', '-e', 'prod', '--unsafe', '--rule', 'ports-bind-interface'], dir);
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(STACK.replace('"8080:80"', '"127.0.0.1:8080:80"'));
    expect(r.stderr).toBe('ragcheck: fixed 1 finding in 1 file; 1 remains\n');
  });

  it('prints a unified diff with --dry-run, writes nothing and exits 1', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await run(['fix', '-e', 'prod', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('--- a/compose.yaml\n+++ b/compose.yaml\n@@ -1,4 +1,3 @@\n-version: "3.8"  # old\n services:\n   web:\n     image: nginx:1.27.2\n');
    expect(r.stderr).toBe('ragcheck: would fix 1 finding in 1 file; 1 remains (1 fixable with --unsafe)\n');
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(STACK);
    const clean = await run(['fix', '-e', 'prod', '--dry-run', '--rule', 'no-version-field'], await project({ 'compose.yaml': STACK.replace('version: "3.8"  # old\n', '') }));
    expect([clean.code, clean.stdout]).toEqual([0, '']);
  });

  it('fixes a value that comes from an overlay in the overlay', async () => {
    const base = STACK.replace('version: "3.8"  # old\n', '').replace(/    ports:\n.*\n/, '');
    const overlay = 'services:\n  web:\n    ports:\n      - "8080:80"  # site\n';
    const dir = await project({ 'compose.yaml': base, 'compose.prod.yaml': overlay });
    await run(['fix', '--unsafe', '--rule', 'ports-bind-interface'], dir);
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(base);
    expect(await readFile(join(dir, 'compose.prod.yaml'), 'utf8')).toBe(overlay.replace('"8080:80"', '"127.0.0.1:8080:80"'));
  });

  it('is what lint --fix does', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    const r = await run(['lint', '--fix', '-e', 'prod'], dir);
    expect(r.stderr).toContain('fixed 1 finding in 1 file');
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).not.toContain('version');
  });

  it('keeps CRLF line endings, a BOM and the file mode', async () => {
    const crlf = '\uFEFF' + STACK.replace(/\n/g, '\r\n');
    const dir = await project({ 'compose.yaml': crlf });
    await chmod(join(dir, 'compose.yaml'), 0o640);
    await run(['fix', '-e', 'prod', '--unsafe'], dir);
    expect(await readFile(join(dir, 'compose.yaml'), 'utf8')).toBe(crlf.replace('version: "3.8"  # old\r\n', '').replace('"8080:80"', '"127.0.0.1:8080:80"'));
    expect((await stat(join(dir, 'compose.yaml'))).mode & 0o777).toBe(0o640);
  });

  it('exits 2 with one clear line for an unknown rule or one with no fix', async () => {
    const dir = await project({ 'compose.yaml': STACK });
    expect(await run(['fix', '--rule', 'no-such-rule'], dir)).toEqual({ code: 2, stdout: '', stderr: 'ragcheck: --rule: unknown rule "no-such-rule" (`ragcheck rules` lists them)\n' });
    expect((await run(['fix', '--rule', 'no-privileged'], dir)).stderr).toBe('ragcheck: --rule: no-privileged has no automatic fix\n');
  });
});
