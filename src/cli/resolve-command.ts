import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { parseEnvFile } from '../compose/env-file.js';
import { FileCache } from '../compose/file-cache.js';
import { loadTree } from '../compose/load-stack.js';
import { resolveOutput } from '../compose/resolve-output.js';
import type { StackPlan } from '../discover/types.js';
import { SourceFile } from '../source/source-file.js';

export interface ResolveIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: ragcheck resolve [-f FILE]… [--env-file FILE]… [--format yaml|json] [--project-directory DIR]

Prints the merged, interpolated stack like \`docker compose config\`.
Variables come from --env-file files (later wins) or .env in the project directory,
never from the shell environment.
`;

/** Base file names Compose looks for, in its order; each with its override file. */
const DEFAULT_FILES: [string, string[]][] = [
  ['compose.yaml', ['compose.override.yaml', 'compose.override.yml']],
  ['compose.yml', ['compose.override.yml', 'compose.override.yaml']],
  ['docker-compose.yaml', ['docker-compose.override.yaml', 'docker-compose.override.yml']],
  ['docker-compose.yml', ['docker-compose.override.yml', 'docker-compose.override.yaml']],
];

/** `ragcheck resolve`: 0 printed, 1 the stack has errors (printed on stderr), 2 usage or I/O error. */
export async function resolveCommand(argv: string[], io: ResolveIo): Promise<number> {
  let values: { file?: string[]; 'env-file'?: string[]; format?: string; 'project-directory'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        file: { type: 'string', short: 'f', multiple: true },
        'env-file': { type: 'string', multiple: true },
        format: { type: 'string' },
        'project-directory': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    io.stderr(`ragcheck resolve: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = values.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    io.stderr(`ragcheck resolve: --format must be yaml or json, not "${format}"\n`);
    return 2;
  }
  const files = values.file?.length ? values.file.map((f) => path.resolve(io.cwd, f)) : defaultFiles(io.cwd);
  if (files.length === 0) {
    io.stderr(`ragcheck resolve: no compose file in ${io.cwd} (looked for ${DEFAULT_FILES.map(([f]) => f).join(', ')}); pass -f FILE\n`);
    return 2;
  }
  const missing = files.find((f) => !isFile(f));
  if (missing) {
    io.stderr(`ragcheck resolve: cannot read ${path.relative(io.cwd, missing) || missing}: no such file\n`);
    return 2;
  }
  const projectDir = values['project-directory'] ? path.resolve(io.cwd, values['project-directory']) : path.dirname(files[0]!);
  const plan: StackPlan = {
    name: path.basename(files[0]!),
    environment: 'prod',
    files,
    envFiles: (values['env-file'] ?? []).map((f) => path.resolve(io.cwd, f)),
    projectDir,
  };
  const tree = await loadTree(plan, { cwd: io.cwd, files: new FileCache(io.cwd) });
  const errors: string[] = tree.diagnostics.map((d) => `${d.span.file}:${d.span.line}:${d.span.column} ${d.message}`);
  let failed = tree.diagnostics.some((d) => d.severity === 'error');
  if (tree.root) {
    const out = resolveOutput(tree.root, {
      projectDir,
      env: tree.env,
      readEnvFile: (abs, env, required) => {
        if (!required && !existsSync(abs)) return undefined;
        const values = readEnvFile(abs, env, io.cwd, errors);
        if (!values) failed = true;
        return values;
      },
    });
    io.stdout(format === 'json' ? `${JSON.stringify(out, null, 2)}\n` : stringify(out, { lineWidth: 0 }));
  }
  for (const e of errors) io.stderr(`${e}\n`);
  return failed ? 1 : 0;
}

function defaultFiles(cwd: string): string[] {
  for (const [base, overrides] of DEFAULT_FILES) {
    if (!isFile(path.join(cwd, base))) continue;
    const override = overrides.find((o) => isFile(path.join(cwd, o)));
    return [path.join(cwd, base), ...(override ? [path.join(cwd, override)] : [])];
  }
  return [];
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readEnvFile(abs: string, env: Record<string, string>, cwd: string, errors: string[]): Record<string, string> | undefined {
  const rel = path.relative(cwd, abs).split(path.sep).join('/');
  if (!existsSync(abs)) {
    errors.push(`${rel}:1:1 env file not found`);
    return undefined;
  }
  try {
    const parsed = parseEnvFile(new SourceFile(rel, readFileSync(abs, 'utf8'), abs), env);
    for (const p of parsed.problems) errors.push(`${p.span.file}:${p.span.line}:${p.span.column} ${p.message}`);
    return parsed.values;
  } catch (e) {
    errors.push(`${rel}:1:1 cannot read env file: ${(e as Error).message}`);
    return undefined;
  }
}
