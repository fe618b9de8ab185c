import { stageChain } from '../dockerfile/chain.js';
import type { DockerfileModel, Instruction, Stage } from '../dockerfile/types.js';
import type { MeasuredLayer } from './measure/types.js';

/** A history step read back as the instruction that made it. */
export interface ParsedStep {
  keyword: string;
  /** The arguments, shell wrapper and build-arg prefix removed, whitespace collapsed. */
  text: string;
}

export interface MappedLayer extends MeasuredLayer {
  /** Made by the base image (before the Dockerfile's own steps). */
  base: boolean;
  /** The Dockerfile instruction that made it, when the history could be matched. */
  instruction?: Instruction;
  stage?: Stage;
}

const KEYWORDS = 'RUN|COPY|ADD|ENV|LABEL|WORKDIR|USER|EXPOSE|VOLUME|CMD|ENTRYPOINT|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|ARG|MAINTAINER';
/** `|2 PIP_INDEX=… VERSION=1 /bin/sh -c …`: a RUN with build args in scope. */
const BUILD_ARGS = /^\|\d+\s+(?:\S+=\S*\s+)*/;
const SHELL = /^\/bin\/(?:ba)?sh -c\s+/;

/** How each builder writes `created_by`, most specific first. */
const FORMS: { pattern: RegExp; keyword?: string }[] = [
  // Classic builder, metadata and COPY/ADD: `/bin/sh -c #(nop)  ENV A=b`, `/bin/sh -c #(nop) COPY file:… in /app `.
  { pattern: new RegExp(`^/bin/(?:ba)?sh -c #\\(nop\\)\\s*(${KEYWORDS})\\b\\s*(.*)$`, 's') },
  // BuildKit: `RUN /bin/sh -c pip install … # buildkit`, `COPY /wheels /wheels # buildkit`, `ENV A=b`.
  { pattern: new RegExp(`^(${KEYWORDS})\\b\\s*(.*)$`, 's') },
  // Classic builder RUN: `/bin/sh -c apt-get …`, with build args `|1 A=b /bin/sh -c …`.
  { pattern: /^((?:\|\d+\s+(?:\S+=\S*\s+)*)?\/bin\/(?:ba)?sh -c\s+.*)$/s, keyword: 'RUN' },
];

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function parseCreatedBy(createdBy: string): ParsedStep | undefined {
  const text = createdBy.replace(/\s+# buildkit\s*$/, '');
  for (const form of FORMS) {
    const m = form.pattern.exec(text.trim());
    if (!m) continue;
    const keyword = form.keyword ?? m[1]!;
    let args = form.keyword ? m[1]! : m[2]!;
    if (keyword === 'RUN') args = args.replace(BUILD_ARGS, '').replace(SHELL, '');
    return { keyword, text: collapse(args) };
  }
  return undefined;
}

function tokens(s: string): Set<string> {
  return new Set(s.split(/[\s"'[\],=]+/).filter(Boolean));
}

/** 1 for the same text, else the share of words in common (ARG values expanded in history differ a little). */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

/** What not finding a step costs: ARG steps are recorded by some builders only. */
const SKIP_INSTRUCTION: Record<string, number> = { ARG: 0.1, ONBUILD: 0.5 };
const SKIP_OWN_STEP = 1;
const MATCH = 2;

/**
 * Maps each history step to the instruction of the target's stage chain that made it: an
 * alignment of the two sequences in order (keywords must agree; the text breaks ties), where
 * the steps before the first matched one are the base image's. With no step matched at all,
 * nothing is marked as base.
 */
export function mapHistory(layers: readonly MeasuredLayer[], model: DockerfileModel, target: Stage): MappedLayer[] {
  const chain = stageChain(model, target);
  const own = chain.flatMap((stage) => stage.instructions.map((instruction) => ({ instruction, stage, text: collapse(instruction.argsText) })));
  const steps = layers.map((l) => parseCreatedBy(l.createdBy));
  const n = steps.length;
  const m = own.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  score[0]![0] = 0;
  const matchScore = (i: number, j: number): number | undefined => {
    const step = steps[i];
    const { instruction, text } = own[j]!;
    if (!step || step.keyword !== instruction.keyword) return undefined;
    return MATCH + similarity(step.text, text);
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let how = 0;
      // 1: a step no instruction made (free while still in the base image).
      if (i > 0) {
        const s = score[i - 1]![j]! - (j === 0 ? 0 : SKIP_OWN_STEP);
        if (s > best) [best, how] = [s, 1];
      }
      // 2: an instruction without a step.
      if (j > 0) {
        const s = score[i]![j - 1]! - (SKIP_INSTRUCTION[own[j - 1]!.instruction.keyword] ?? 1);
        if (s > best) [best, how] = [s, 2];
      }
      // 3: the step made by the instruction.
      if (i > 0 && j > 0) {
        const gain = matchScore(i - 1, j - 1);
        if (gain !== undefined && score[i - 1]![j - 1]! + gain > best) [best, how] = [score[i - 1]![j - 1]! + gain, 3];
      }
      score[i]![j] = best;
      move[i]![j] = how;
    }
  }
  const pairs = new Map<number, number>();
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const how = move[i]![j]!;
    if (how === 3) pairs.set(--i, --j);
    else if (how === 1) i--;
    else j--;
  }
  const firstOwn = pairs.size ? Math.min(...pairs.keys()) : n;
  return layers.map((layer, i) => {
    const j = pairs.get(i);
    const entry = j === undefined ? undefined : own[j]!;
    return { ...layer, base: pairs.size > 0 && i < firstOwn, ...(entry && { instruction: entry.instruction, stage: entry.stage }) };
  });
}
