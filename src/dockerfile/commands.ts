import { memoized } from '../memo.js';
import { packageOps, type PackageOp } from '../shell/packages.js';
import { analyzeScript } from '../shell/script.js';
import type { SimpleCommand } from '../shell/types.js';
import type { RunInstruction } from './types.js';

/**
 * A RUN's commands and package operations, parsed once however many rules ask (hadolint
 * parses RUN bodies once too, before its rules run). Exec-form RUNs run no shell.
 */
export const runCommands = memoized((run: RunInstruction): readonly SimpleCommand[] => (run.form === 'shell' && run.script ? analyzeScript(run.script, run.toFile) : []));

export const runPackageOps = memoized((run: RunInstruction): readonly PackageOp[] => packageOps(runCommands(run)));
