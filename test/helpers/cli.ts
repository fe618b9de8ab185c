import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';

/** Runs the CLI in-process, as a shell would in `cwd`, and collects what it prints. */
export async function runCli(argv: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/**
 * A maker of project folders with the given files, each removed after the test that made it.
 * Call it once at the top of a test file.
 */
export function tempProjects(parent: () => string = tmpdir): (files: Record<string, string | Buffer>) => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  return async (files) => {
    const dir = await mkdtemp(join(parent(), 'ragcheck-project-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  };
}
