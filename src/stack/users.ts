import type { DockerfileModel, Stage } from '../dockerfile/types.js';
import type { Span } from '../engine/types.js';
import { STEPS_DOWN } from '../images/privilege-drop.js';
import { stageImage } from './stage-image.js';

/** `root`, `0`, `root:group`, `0:0`: uid 0 whichever group follows. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0]!;
  return name === 'root' || name === '0';
}

/** A stage that runs as root, and the instruction that decides it. */
export interface RootStage {
  span: Span;
  /** `USER root` / `USER 0:0`, or the base image when no USER is set. */
  decidedBy: { kind: 'user'; value: string } | { kind: 'base'; image: string };
}

/**
 * Whether a stage runs as root: its effective USER along the `FROM <stage>` chain, else the
 * known default of the base image. An unresolved USER or an unknown base decides nothing, and
 * an image whose own entrypoint steps down to a service user counts as non-root while the
 * chain keeps that entrypoint.
 */
export function rootStage(dockerfile: DockerfileModel, stage: Stage): RootStage | undefined {
  const user = stage.effective.user;
  if (user) {
    if (!user.resolved || !isRootUser(user.value)) return undefined;
    return { span: user.instruction.span, decidedBy: { kind: 'user', value: user.value } };
  }
  const { facts, base } = stageImage(dockerfile, stage);
  if (!facts?.user || !base || !isRootUser(facts.user)) return undefined;
  if (STEPS_DOWN.has(facts.id) && !stage.effective.entrypoint) return undefined;
  return { span: stage.from.span, decidedBy: { kind: 'base', image: base } };
}
