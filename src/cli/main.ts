import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/load-config.js';
import { UsageError } from '../discover/discover.js';
import { packageVersion } from '../package-root.js';
import { lintCommand } from './lint-command.js';

export { favourMainThread } from '../helper-threads.js';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const HELP = `Usage: ragcheck <command> [options]

Commands:
  lint [paths…]        Check compose stacks and Dockerfiles (default command)
  resolve [-f FILE]…   Print the merged, interpolated stack like \`docker compose config\`
  fix [paths…]         Apply the safe fixes, then report what remains (also: lint --fix)
  rules [id]           List the rules, or print one rule's documentation
  budget <image-source>… [--dockerfile F] [--target T]
                       Measure an image's layers and check them against the config's
                       budgets: an OCI layout dir[:ref], a docker save tarball, docker
                       history JSON lines (- for stdin) or registry://host/name:tag
  init [template] [dir] [--<option> <value>…] [--force] [--dry-run]
                       List the reference stack templates, or render one into dir
  config import-hadolint [file] [--write]
                       Carry a .hadolint.yaml over: print (or write) .ragcheck.yaml settings

Lint options:
  -f, --format <name>      stylish (default), json, sarif, github, junit, codeclimate
                           or checkstyle
  -o, --output-file <file> Write the report to this file; stylish still goes to the terminal
  -c, --config <file>      Use this config file instead of .ragcheck.yaml
  -e, --environment <env>  Treat every stack as this environment (prod, dev, …)
      --env-file <file>    Variables for interpolation (repeatable)
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --baseline <file>    lint only: report just the findings not recorded in this file
      --baseline-write <file>
                           lint only: record today's findings in this file and exit 0
      --no-color           Plain output (also NO_COLOR=1)

Fix options (and the lint options above):
      --unsafe             Also apply fixes that may change what runs
      --dry-run            Print a unified diff instead of writing; exit 1 if anything would change
      --rule <id>          Only this rule's fixes (repeatable, or comma-separated)
      --pin-digests        Pin images to the digest their tag names now (name:tag@sha256:…),
                           looked up in each registry (credentials: ~/.docker/config.json)
      --insecure-registry <host[:port]>
                           Reach this registry over plain HTTP (loopback ones always are)
Budget options:
      --dockerfile <file>  Map layers to this Dockerfile's instructions
      --target <stage>     The stage the image was built for (default: the last)
      --service <name>     Use the budget of this compose service
      --platform <os/arch> Image picked from a multi-platform index (default linux/amd64)
  -f, --format <name>      table (default), json, sarif or github (needs --dockerfile)
  -c, --config <file>      Use this config file instead of .ragcheck.yaml
      --insecure-registry <host[:port]>

  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 clean, 1 findings, 2 usage, config or I/O error.
`;

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--help' || first === '-h' || first === 'help') return write(io.stdout, HELP, 0);
    if (first === '--version' || first === '-v') return write(io.stdout, `${packageVersion()}\n`, 0);
    // Commands other than lint are loaded when asked for: lint starts faster without them.
    if (first === 'resolve') return await (await import('./resolve-command.js')).resolveCommand(rest, io);
    if (first === 'rules') return (await import('./rules-command.js')).rulesCommand(rest, io);
    if (first === 'config') return (await import('./config-command.js')).configCommand(rest, io);
    if (first === 'budget') return await (await import('./budget-command.js')).budgetCommand(rest, io);
    if (first === 'init') return (await import('./init-command.js')).initCommand(rest, io);
    if (first === 'fix') return await (await import('./fix-command.js')).fixCommand(rest, io);
    // `lint --fix` is `fix`: the same options, and it reports what remains as lint does.
    if (argv.includes('--fix')) return await (await import('./fix-command.js')).fixCommand((first === 'lint' ? rest : argv).filter((a) => a !== '--fix'), io);
    if (first === 'lint') return await lintCommand(rest, io);
    if (first && !first.startsWith('-') && /^[a-z]+$/.test(first) && !looksLikePath(first, io.cwd)) {
      return write(io.stderr, `ragcheck: unknown command "${first}"\n\n${HELP}`, 2);
    }
    return await lintCommand(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || isParseArgsError(e)) return write(io.stderr, `ragcheck: ${(e as Error).message}\n`, 2);
    const err = e as NodeJS.ErrnoException;
    if (err?.code && typeof err.code === 'string' && err.syscall) return write(io.stderr, `ragcheck: ${err.message}\n`, 2);
    // A bug, not bad input: one line, and the stack only when asked for.
    write(io.stderr, `ragcheck: internal error: ${err?.message ?? String(e)}\n`, 2);
    if (io.env.RAGCHECK_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function looksLikePath(arg: string, cwd: string): boolean {
  try {
    readFileSync(join(cwd, arg));
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EISDIR';
  }
}

function write(out: (s: string) => void, text: string, code: number): number {
  out(text);
  return code;
}

/**
 * A reader that stops early (`ragcheck lint | head`) closes the pipe: stop quietly with the
 * status of a process ended by SIGPIPE, as other command-line tools do.
 */
function stdoutFailed(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE') process.exit(128 + 13);
  process.stderr.write(`ragcheck: cannot write the output: ${e.message}\n`);
  process.exit(2);
}


function processIo(): Io {
  process.stdout.on('error', stdoutFailed);
  return {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
