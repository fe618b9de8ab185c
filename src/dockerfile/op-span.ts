import type { Fix, Span } from '../engine/types.js';
import type { PackageOp } from '../shell/packages.js';
import type { SourceFile } from '../source/source-file.js';

/**
 * Where a package operation is reported: from the tool to its subcommand (`apt-get install`,
 * `python -m pip install`), one line even when the package list runs over several.
 */
export function opSpan(file: SourceFile, op: PackageOp): Span {
  const last = op.subcommand.at(-1) ?? op.command.words[0]!;
  return file.span(op.command.start, last.end);
}

/** The whole command of an operation, packages included. */
export const commandSpan = (file: SourceFile, op: PackageOp): Span => file.span(op.command.start, op.command.end);

/** A fix that adds `flag` right after the operation's subcommand (`apt-get install --no-install-recommends …`). */
export function addFlagFix(file: SourceFile, op: PackageOp, flag: string, safe: boolean): Fix {
  const at = (op.subcommand.at(-1) ?? op.command.words[0]!).end;
  return { title: `Add ${flag}`, safe, edits: [{ file: file.path, start: at, end: at, text: ` ${flag}` }] };
}
