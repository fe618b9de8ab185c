import { mapArray } from '../arrays.js';
import type { MappedWord, OffsetMapper, SimpleCommand, Word } from './types.js';
import { mapCommand } from './offsets.js';

/** How deep `sh -c "sh -c '…'"` and `$(…)` bodies are followed. */
export const MAX_DEPTH = 4;

/** Analyses a nested body (`sh -c` argument) at a given depth, in the body's own offsets. */
export type Recurse = (text: string, depth: number) => readonly SimpleCommand[];

/** A command that runs another command given after its own options and operands. */
interface Wrapper {
  /** Options that take a separate value (`sudo -u app …`). */
  valueOptions?: readonly string[];
  /** Operands before the command (`gosu USER cmd`, `timeout 10 cmd`). */
  operands?: number;
  /** `NAME=value` words before the command are assignments (`env X=1 cmd`). */
  assignments?: boolean;
}

const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  exec: { valueOptions: ['-a'] },
  sudo: { valueOptions: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--close-from', '--command-timeout'] },
  doas: { valueOptions: ['-u', '-C'] },
  gosu: { operands: 1 },
  'su-exec': { operands: 1 },
  's6-setuidgid': { operands: 1 },
  tini: { valueOptions: ['-p', '-e'] },
  'dumb-init': { valueOptions: ['-r', '--rewrite'] },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir'], assignments: true },
  nohup: {},
  command: {},
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  busybox: {},
};

/** Shells whose `-c` option makes the first operand a command string. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
/** Shell options that take a separate value. */
const SHELL_VALUE_OPTIONS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);
/** `su` options that take a separate value; `-c` / `--command` carry the command string. */
const SU_VALUE_OPTIONS = new Set(['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment']);

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const isOption = (w: string): boolean => w.length > 1 && w.startsWith('-');
const plain = (w: MappedWord): Word => ({ text: w.text, start: w.start, end: w.end });

/**
 * Turns the words of one simple command into the command it runs (wrappers and assignments
 * stripped), followed by the commands of any `sh -c` body, mapped back to the words' offsets.
 */
export function fromWords(words: readonly MappedWord[], depth: number, recurse: Recurse): SimpleCommand[] {
  const { at, wrappers } = stripWrappers(words);
  const own = words.slice(at);
  if (own.length === 0) return [];
  const cmd: SimpleCommand = {
    name: basename(own[0]!.text),
    words: mapArray(own, plain),
    args: mapArray(own.slice(1), plain),
    start: own[0]!.start,
    end: own[own.length - 1]!.end,
    wrappers,
    depth,
  };
  const out = [cmd];
  const body = depth < MAX_DEPTH ? commandString(cmd.name, own) : undefined;
  if (body) for (const c of recurse(body.text, depth + 1)) out.push(mapCommand(c, body.map));
  return out;
}

/** Index of the word that names the command run, past assignments and wrappers. */
function stripWrappers(words: readonly Word[]): { at: number; wrappers: string[] } {
  let i = 0;
  while (i < words.length && ASSIGNMENT.test(words[i]!.text)) i++;
  const wrappers: string[] = [];
  for (let guard = 0; i < words.length && guard < 8; guard++) {
    const name = basename(words[i]!.text);
    const wrapper = WRAPPERS[name];
    if (!wrapper) break;
    wrappers.push(name);
    i = skipWrapper(words, i + 1, wrapper);
  }
  return { at: i, wrappers };
}

/**
 * Whether argv ends in a shell's `-c` with the command string still to come: an entrypoint
 * such as `["/bin/sh", "-c"]` or `["tini", "--", "bash", "-lc"]`, whose `command` is the body.
 */
export function awaitsCommandString(argv: readonly string[]): boolean {
  const words = mapArray(argv, (text) => ({ text, start: 0, end: 0 }));
  const { at } = stripWrappers(words);
  if (at >= words.length || !SHELLS.has(basename(argv[at]!))) return false;
  let hasC = false;
  for (let k = at + 1; k < argv.length; k++) {
    const t = argv[k]!;
    if (SHELL_VALUE_OPTIONS.has(t)) k++;
    else if (/^-[A-Za-z]+$/.test(t)) hasC ||= t.includes('c');
    else if (t !== '--' && !isOption(t) && !t.startsWith('+')) return false;
  }
  return hasC;
}

/**
 * Whether a command is a shell reading its script from standard input (`bash`, `sh -s -- a`,
 * `bash -eux`), so a heredoc fed to it is a script: not `sh -c …` nor `sh script.sh`.
 */
export function readsScriptFromStdin(command: SimpleCommand): boolean {
  if (!SHELLS.has(command.name)) return false;
  const args = command.args;
  let hasS = false;
  for (let k = 0; k < args.length; k++) {
    const t = args[k]!.text;
    if (t === '--') return hasS || k + 1 >= args.length;
    if (SHELL_VALUE_OPTIONS.has(t)) k++;
    else if (/^-[A-Za-z]+$/.test(t)) {
      if (t.includes('c')) return false;
      hasS ||= t.includes('s');
    } else if (!isOption(t) && !t.startsWith('+')) return hasS;
  }
  return true;
}

function skipWrapper(words: readonly Word[], i: number, w: Wrapper): number {
  while (i < words.length && isOption(words[i]!.text)) {
    const t = words[i]!.text;
    i += t !== '--' && w.valueOptions?.includes(t) ? 2 : 1;
    if (t === '--') break;
  }
  if (w.assignments) while (i < words.length && ASSIGNMENT.test(words[i]!.text)) i++;
  return i + (w.operands ?? 0);
}

/** The command string a shell (`sh -c BODY`, `bash -lc BODY`) or `su -c BODY` runs. */
function commandString(name: string, words: readonly MappedWord[]): { text: string; map: OffsetMapper } | undefined {
  if (SHELLS.has(name)) {
    let hasC = false;
    for (let k = 1; k < words.length; k++) {
      const t = words[k]!.text;
      if (t === '--') return hasC ? words[k + 1] : undefined;
      if (SHELL_VALUE_OPTIONS.has(t)) k++;
      else if (/^-[A-Za-z]+$/.test(t)) hasC ||= t.includes('c');
      else if (!isOption(t) && !t.startsWith('+')) return hasC ? words[k] : undefined;
    }
    return undefined;
  }
  if (name === 'su') {
    for (let k = 1; k < words.length; k++) {
      const w = words[k]!;
      if (w.text === '-c' || w.text === '--command') return words[k + 1];
      if (w.text.startsWith('--command=')) {
        const skip = '--command='.length;
        return { text: w.text.slice(skip), map: (s, e) => w.map(s + skip, e + skip) };
      }
      if (SU_VALUE_OPTIONS.has(w.text)) k++;
    }
  }
  return undefined;
}
