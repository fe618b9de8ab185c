import type { Span } from '../engine/types.js';
import type { PackageOp } from '../shell/packages.js';
import type { SourceFile } from '../source/source-file.js';
import type { Instruction } from './types.js';

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

/** Where an instruction is reported: all of it when it is one line, else its keyword. */
export const instructionSpan = (ins: Instruction): Span => (ins.span.line === ins.span.endLine ? ins.span : ins.keywordSpan);
