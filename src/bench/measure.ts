/**
 * Times a Node program as a whole process (start-up included) and reads its peak RSS. The
 * peak and the CPU time come from inside the process: a preloaded hook (NODE_OPTIONS=--require)
 * appends `process.resourceUsage()` on exit, which works for any Node CLI, ours or a peer's.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RSS_ENV = 'RAGCHECK_BENCH_USAGE';

const HOOK = `'use strict';
// Preloaded by the ragcheck benchmark: records this process's peak RSS (KiB) and CPU time (µs) on exit.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.${RSS_ENV};
  if (!file) return;
  const u = process.resourceUsage();
  try { fs.appendFileSync(file, [process.pid, u.maxRSS, u.userCPUTime + u.systemCPUTime].join(' ') + '\\n'); } catch {}
});
`;

export interface Command {
  /** Arguments to `node` (script first). */
  args: string[];
  cwd: string;
  /** Where stdout goes (the report is large; a terminal would slow the tool down). */
  stdout: string;
  /** Exit codes that mean "ran fine" (1 = findings, for linters). */
  okCodes: readonly number[];
}

export interface Sample {
  seconds: number;
  /** Peak RSS over the process and any Node children, in MiB. */
  rssMB: number;
  /** User + system CPU over the process and its Node children: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  code: number;
}

export class Runner {
  private readonly hook: string;
  private readonly usageFile: string;

  constructor(workDir: string) {
    this.hook = join(workDir, 'usage-hook.cjs');
    this.usageFile = join(workDir, 'usage.txt');
    writeFileSync(this.hook, HOOK);
  }

  async once(cmd: Command): Promise<Sample> {
    rmSync(this.usageFile, { force: true });
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(this.hook)}`.trim(), [RSS_ENV]: this.usageFile, NO_COLOR: '1' };
    const out = openSync(cmd.stdout, 'w');
    let stderr = '';
    const started = process.hrtime.bigint();
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, cmd.args, { cwd: cmd.cwd, env, stdio: ['ignore', out, 'pipe'] });
      child.stderr?.on('data', (d: Buffer) => {
        if (stderr.length < 4000) stderr += d.toString();
      });
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    closeSync(out);
    if (!cmd.okCodes.includes(code)) throw new Error(`node ${cmd.args.join(' ')} exited with ${code}\n${stderr.trim()}`);
    return { seconds, ...this.usage(), code };
  }

  /** A warm-up run (file cache, compile cache), then `runs` timed ones. */
  async repeat(cmd: Command, runs: number, warmUp = true): Promise<Sample[]> {
    if (warmUp) await this.once(cmd);
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await this.once(cmd));
    return samples;
  }

  /**
   * A warm-up run of each command, then `runs` rounds that run each once in turn. On a shared
   * machine a slow spell then falls on every tool of a round alike, not on whichever ran during
   * it, so the ratios between them stay steady.
   */
  async interleave(cmds: readonly Command[], runs: number): Promise<Sample[][]> {
    for (const cmd of cmds) await this.once(cmd);
    const samples: Sample[][] = cmds.map(() => []);
    for (let i = 0; i < runs; i++) for (let j = 0; j < cmds.length; j++) samples[j]!.push(await this.once(cmds[j]!));
    return samples;
  }

  private usage(): { rssMB: number; cpuSeconds: number } {
    if (!existsSync(this.usageFile)) return { rssMB: NaN, cpuSeconds: NaN };
    const rows = readFileSync(this.usageFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
    return { rssMB: Math.max(...rows.map((r) => r[1]!)) / 1024, cpuSeconds: rows.reduce((n, r) => n + r[2]!, 0) / 1e6 };
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
