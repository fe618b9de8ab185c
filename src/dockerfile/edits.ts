import type { Edit, Fix } from '../engine/types.js';
import type { PackageOp } from '../shell/packages.js';
import type { Word } from '../shell/types.js';
import { hasCommentLine, lineEnding, lineStartAt } from '../source/lines.js';
import type { SourceFile } from '../source/source-file.js';
import type { Instruction, RunInstruction } from './types.js';

/**
 * Text edits on a Dockerfile for fixes: small insertions at places the model locates, laid
 * out like the lines around them (indentation, continuation style, line ending), so comments
 * and formatting stay as they were.
 */

/** Whether a word stands in the file as written (no quotes or escapes): only then is an offset next to it a place in the command. */
export const isPlainWord = (file: SourceFile, w: Word): boolean => file.text.slice(w.start, w.end) === w.text;

/**
 * A fix that adds `flag` right after the operation's subcommand (`apt-get install
 * --no-install-recommends …`); none when the subcommand is not written plainly in the file
 * (inside quotes an offset could fall after the closing quote).
 */
export function addFlagFix(file: SourceFile, op: PackageOp, flag: string, safe: boolean): Fix | undefined {
  const word = op.subcommand.at(-1) ?? op.command.words[0]!;
  if (!isPlainWord(file, word)) return undefined;
  return { title: `Add ${flag}`, safe, edits: [{ file: file.path, start: word.end, end: word.end, text: ` ${flag}` }] };
}

/** A script's last line ending where another command cannot simply follow with `&&`. */
const OPEN_END = /(?:&&|\|\||[|&(!{\\`]|\b(?:then|do|else|in))$/;

/**
 * An edit that runs `command` at the end of a shell-form RUN, after what it does: a line at
 * the end of the heredoc body that holds `at` (an offset in the file), else `&& command` on
 * the RUN's last line or, when the RUN spans lines, on a new continuation line in the style of
 * the others. None when the end of the script is not plain (a shell comment on the last line,
 * a dangling operator, an interpreter heredoc, a heredoc `at` is not in).
 */
export function appendToRun(file: SourceFile, run: RunInstruction, escape: string, at: number, command: string): Edit | undefined {
  if (run.form !== 'shell' || run.shebang) return undefined;
  const eol = lineEnding(file);
  const text = file.text;
  if (run.heredocs.length) {
    const body = run.heredocs.find((h) => h.bodySpan.start <= at && at < h.bodySpan.end)?.bodySpan;
    if (!body) return undefined;
    const lastLine = text.slice(lineStartAt(text, body.end - 1), body.end);
    if (lastLine.trimEnd().endsWith('\\')) return undefined;
    return { file: file.path, start: body.end, end: body.end, text: `${indentOf(lastLine)}${command}${eol}` };
  }
  const { start, end } = run.instruction.argsSpan;
  const lines = text.slice(start, end).split(/\r?\n/);
  const last = lines.at(-1)!;
  const tail = last.trimEnd();
  // Docker joins continuation lines before the shell runs: a `#` here could comment out the addition.
  if (tail === '' || tail.includes('#') || OPEN_END.test(tail)) return undefined;
  const insertAt = end - (last.length - tail.length);
  const chained = tail.endsWith(';') ? ` ${command}` : ` && ${command}`;
  if (lines.length === 1) return { file: file.path, start: insertAt, end: insertAt, text: chained };
  const indent = indentOf(last);
  // Leading-operator style (`    && next \`) or trailing-operator style (`next && \`).
  const leading = /^[ \t]*(?:&&|\|\||;)/.test(last);
  const added = leading
    ? ` ${escape}${eol}${indent}${chained.trimStart()}`
    : `${tail.endsWith(';') ? '' : ' &&'} ${escape}${eol}${indent}${command}`;
  return { file: file.path, start: insertAt, end: insertAt, text: added };
}

const indentOf = (line: string): string => /^[ \t]*/.exec(line)![0];

/**
 * An edit that inserts whole lines before an instruction, above the comment lines directly
 * over it (they describe it, so they stay next to it).
 */
export function insertLinesBefore(file: SourceFile, ins: Instruction, lines: readonly string[]): Edit {
  const text = file.text;
  let at = lineStartAt(text, ins.span.start);
  while (at > 0) {
    const prev = lineStartAt(text, at - 1);
    if (!text.slice(prev, at).trimStart().startsWith('#')) break;
    at = prev;
  }
  const eol = lineEnding(file);
  return { file: file.path, start: at, end: at, text: lines.map((l) => `${l}${eol}`).join('') };
}

/** An edit that inserts whole lines after an instruction (and its heredoc bodies). */
export function insertLinesAfter(file: SourceFile, ins: Instruction, lines: readonly string[]): Edit {
  const eol = lineEnding(file);
  const nl = file.text.indexOf('\n', ins.span.end);
  if (nl === -1) return { file: file.path, start: file.text.length, end: file.text.length, text: lines.map((l) => `${eol}${l}`).join('') };
  return { file: file.path, start: nl + 1, end: nl + 1, text: lines.map((l) => `${l}${eol}`).join('') };
}

/**
 * An edit that replaces an instruction's arguments (flags kept) with `text`; none when they run
 * over lines with a comment line among them, which the replacement would drop.
 */
export function replaceArgs(file: SourceFile, ins: Instruction, text: string): Edit | undefined {
  const { start, end } = ins.argsSpan;
  if (hasCommentLine(file.text, start, end)) return undefined;
  return { file: file.path, start, end, text };
}
