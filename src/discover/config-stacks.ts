import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/load-config.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { StackPlan } from './types.js';
import type { EnvironmentWords } from './patterns.js';
import { environmentOfName } from './patterns.js';

/**
 * The config's `stacks:`, with paths resolved against the config's folder. A file, env file or
 * project folder that does not exist is a config error at the entry that names it.
 */
export async function configStacks(loaded: LoadedConfig, words: EnvironmentWords): Promise<StackPlan[]> {
  const dir = loaded.dir;
  const plans: StackPlan[] = [];
  for (const [name, stack] of Object.entries(loaded.config.stacks ?? {})) {
    const files = stack.files.map((f) => path.resolve(dir, f));
    await Promise.all(
      files.map(async (abs, i) => {
        if (!(await isFile(abs))) throw ConfigError.at(loaded, ['stacks', name, 'files', i], 'value', `Compose file ${stack.files[i]} of stack "${name}" does not exist`);
      }),
    );

    const envList = stack.envFile === undefined ? [] : Array.isArray(stack.envFile) ? stack.envFile : [stack.envFile];
    const envFiles = envList.map((f) => path.resolve(dir, f));
    await Promise.all(
      envFiles.map(async (abs, i) => {
        const where = Array.isArray(stack.envFile) ? ['stacks', name, 'envFile', i] : ['stacks', name, 'envFile'];
        if (!(await isFile(abs))) throw ConfigError.at(loaded, where, 'value', `Env file ${envList[i]} of stack "${name}" does not exist`);
      }),
    );

    let projectDir = path.dirname(files[0]!);
    if (stack.projectDirectory !== undefined) {
      projectDir = path.resolve(dir, stack.projectDirectory);
      const isDir = await fs.stat(projectDir).then((s) => s.isDirectory(), () => false);
      if (!isDir) throw ConfigError.at(loaded, ['stacks', name, 'projectDirectory'], 'value', `Project directory ${stack.projectDirectory} of stack "${name}" is not a folder`);
    }

    // Without an explicit environment, the last file's name decides: [compose.yaml, compose.prod.yaml] is prod.
    const environment = stack.environment ?? environmentOfName(path.basename(files[files.length - 1]!), words);
    plans.push({ name, environment, files, envFiles, projectDir });
  }
  return plans;
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}
