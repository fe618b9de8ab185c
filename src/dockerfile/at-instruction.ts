/**
 * State at one instruction of a stage, for rules that judge an instruction by what was set
 * before it (the model keeps only each stage's final state).
 */
import { stageChain } from './chain.js';
import { expandWord } from './expand.js';
import type { DockerfileModel, Instruction, Stage } from './types.js';
import { parseJsonStrings } from './words.js';

/** The SHELL argv in effect at `at` along the stage chain; undefined for the default shell. */
export function shellAt(model: DockerfileModel, stage: Stage, at: Instruction): string[] | undefined {
  let shell: string[] | undefined;
  for (const s of stageChain(model, stage))
    for (const ins of s.instructions) {
      if (ins.span.start >= at.span.start) return shell;
      if (ins.keyword !== 'SHELL') continue;
      const json = parseJsonStrings(ins.argsText);
      if (json && json.values.length) shell = json.values;
    }
  return shell;
}

/**
 * `raw` with the ENV and ARG values known at `at` substituted, quotes removed; undefined when a
 * variable's value there is unknown (a build arg without default, an ENV set twice…).
 */
export function expandAt(model: DockerfileModel, stage: Stage, at: Instruction, raw: string): string | undefined {
  const e = expandWord(raw, (name) => valueAt(model, stage, at, name), model.directives.escape);
  return e.resolved ? e.value : undefined;
}

function valueAt(model: DockerfileModel, stage: Stage, at: Instruction, name: string): string | undefined {
  // ENV wins over ARG; the model keeps the last ENV per name, so one set after `at` hides any earlier one.
  const env = stage.effective.env.get(name);
  if (env) return env.resolved && env.instruction.span.start < at.span.start ? env.value : undefined;
  const decl = last(stage.args, (a) => a.name === name && a.span.start < at.span.start);
  if (!decl) return undefined;
  if (Object.hasOwn(model.buildArgs, name)) return model.buildArgs[name];
  const plain = (v: string | undefined) => (v !== undefined && !v.includes('$') ? v : undefined);
  if (decl.default !== undefined) return plain(decl.default);
  return plain(last(model.globalArgs, (a) => a.name === name)?.default);
}

function last<T>(items: readonly T[], test: (t: T) => boolean): T | undefined {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k]!)) return items[k];
  return undefined;
}
