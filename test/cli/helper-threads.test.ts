import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

/** Loaded with --import: on exit, prints every thread's nice value (field 19 of /proc's stat), the main thread's first. */
const PROBE = `
import { readFileSync, readdirSync } from 'node:fs';
const nice = (tid) => { const s = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8'); return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]); };
process.on('exit', () => {
  const others = readdirSync('/proc/self/task').filter((t) => Number(t) !== process.pid).map(nice);
  process.stderr.write('NICE ' + JSON.stringify({ main: nice(process.pid), others }) + '\\n');
});
`;

async function threadNices(args: string[]): Promise<{ main: number; others: number[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ragcheck-threads-'));
  const probe = join(dir, 'probe.mjs');
  await writeFile(probe, PROBE);
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', probe, join(packageRoot, 'bin/ragcheck.js'), ...args], { cwd: packageRoot });
  return JSON.parse(/^NICE (.*)$/m.exec(stderr)![1]!) as { main: number; others: number[] };
}

describe.runIf(process.platform === 'linux')('the ragcheck process', () => {
  it("runs V8's helper threads ten nice steps below the main thread, which keeps its priority", async () => {
    const own = getPriority();
    const { main, others } = await threadNices(['--version']);
    expect(main).toBe(own);
    // V8's helpers, started with the process; threads started later (libuv's pool) keep the main thread's.
    expect(others.filter((n) => n === Math.min(19, own + 10)).length).toBeGreaterThanOrEqual(4);
  });
});
