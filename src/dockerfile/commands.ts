import { packageOps, type PackageOp } from '../shell/packages.js';
import { analyzeScript } from '../shell/script.js';
import type { SimpleCommand } from '../shell/types.js';
import type { RunInstruction } from './types.js';

/**
 * A RUN's commands and package operations, parsed once however many rules ask (hadolint
 * parses RUN bodies once too, before its rules run). Exec-form RUNs run no shell.
 */
const commands = new WeakMap<RunInstruction, readonly SimpleCommand[]>();
const ops = new WeakMap<RunInstruction, readonly PackageOp[]>();

export function runCommands(run: RunInstruction): readonly SimpleCommand[] {
  let c = commands.get(run);
  if (!c) {
    c = run.form === 'shell' && run.script ? analyzeScript(run.script, run.toFile) : [];
    commands.set(run, c);
  }
  return c;
}

export function runPackageOps(run: RunInstruction): readonly PackageOp[] {
  let o = ops.get(run);
  if (!o) {
    o = packageOps(runCommands(run));
    ops.set(run, o);
  }
  return o;
}
