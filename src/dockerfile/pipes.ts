import { memoized } from '../memo.js';
import { analyzeCommands } from '../shell/analyze.js';
import type { SimpleCommand } from '../shell/types.js';
import type { RunInstruction } from './types.js';

/** A `|` between two commands of a RUN: file offsets of the pipe and of the commands it joins. */
export interface Pipe {
  /** The `|` (or `|&`). */
  start: number;
  end: number;
  /** From the first command's word to the end of the second command. */
  from: number;
  to: number;
}

/** Shells whose `-c` body runs with its own options: a pipe in there is not the RUN shell's. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/**
 * The pipes of a shell-form RUN, found between consecutive commands of the same nesting (the
 * commands of a `$(…)` pair among themselves), so `||`, heredoc bodies, quoted `|` and
 * `case` patterns are not taken for pipes.
 */
export const runPipes = memoized((run: RunInstruction): readonly Pipe[] => (run.form === 'shell' && run.script?.includes('|') ? findPipes(run) : []));

function findPipes(run: RunInstruction): Pipe[] {
  const script = run.script!;
  const out: Pipe[] = [];
  const open: SimpleCommand[] = [];
  const previous = new Map<SimpleCommand | undefined, SimpleCommand>();
  for (const c of analyzeCommands(script)) {
    while (open.length && open[open.length - 1]!.end <= c.start) open.pop();
    const parent = open[open.length - 1];
    open.push(c);
    const prev = previous.get(parent);
    previous.set(parent, c);
    if (!prev || prev.end > c.start || (parent && SHELLS.has(parent.name))) continue;
    const at = pipeBetween(script, prev.end, c.start);
    if (at < 0) continue;
    const width = script[at + 1] === '&' ? 2 : 1;
    const [start, end] = run.toFileRange(at, at + width);
    const [from] = run.toFileRange(prev.start, prev.end);
    const [, to] = run.toFileRange(c.start, c.end);
    out.push({ start, end, from, to });
  }
  return out;
}

/** Redirections and closers that may stand between a command's last word and its pipe. */
const BEFORE = /(?:[ \t\r]|\\\n|[)}"'`]|\b(?:done|fi|esac)\b|\d*(?:&>>?|>>|<<-?|<>|>\||[<>]&?)[ \t]*(?:"[^"]*"|'[^']*'|[^\s|&;()<>]+))*/y;

/** Offset of a lone `|` in `script[from, to)` when that text is only a pipe and its surroundings, else -1. */
function pipeBetween(script: string, from: number, to: number): number {
  BEFORE.lastIndex = from;
  BEFORE.test(script);
  const at = Math.max(from, BEFORE.lastIndex);
  if (at >= to || script[at] !== '|' || script[at + 1] === '|') return -1;
  // After the pipe, up to the next command word: openers, keywords, assignments, wrappers.
  const rest = script.slice(at + 1, to).replace(/^&/, '');
  return /[;&|]/.test(rest) ? -1 : at;
}
