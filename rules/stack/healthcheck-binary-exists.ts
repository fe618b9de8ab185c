import { mapArray } from '../../src/arrays.js';
import type { Fix, Report } from '../../src/engine/types.js';
import { defineRule } from '../../src/engine/types.js';
import type { ImageFacts, Presence } from '../../src/images/facts.js';
import type { Binary } from '../../src/images/known-images.js';
import { composeFix, dockerfileFix, replacementProbe } from '../../src/stack/healthcheck-fix.js';
import { composeProbe, dockerfileProbe, execFormAdvice, missingCalls, PROBE_BINARIES, probeAdvice, type Probe } from '../../src/stack/healthcheck-probe.js';
import { stageImage, stageLabel } from '../../src/stack/stage-image.js';

interface Image {
  /** How the message names the image (computed only for a finding). */
  name: () => string;
  facts?: ImageFacts;
  binaries: Readonly<Record<Binary, Presence>>;
  built: boolean;
}

/**
 * Compose healthchecks are checked against the image the service runs; a Dockerfile
 * HEALTHCHECK against each stage that runs it. Only what the data says is absent counts.
 */
export default defineRule({
  meta: {
    id: 'healthcheck-binary-exists',
    category: 'health',
    summary: 'A healthcheck only calls tools its image has: curl, wget, nc, bash, and /bin/sh for CMD-SHELL',
    severity: 'error',
    fixable: 'unsafe',
  },
  check({ stack, effective, report }) {
    for (const service of stack.services) {
      const image = effective.get(service.name);
      // Most images lack nothing a probe could call: skip parsing their probes.
      if (!image || !lacksAny(image.binaries)) continue;
      const probe = composeProbe(service, stack.sources);
      if (!probe) continue;
      const name = () => {
        if (!image.dockerfile || !image.stage) return service.image?.text ?? service.name;
        const { base } = stageImage(image.dockerfile, image.stage);
        return `${stageLabel(image.dockerfile, image.stage)}${base ? ` (${base})` : ''}`;
      };
      const what = `${service.name}'s healthcheck`;
      const fix = (test: readonly string[]) => composeFix(service, probe, test);
      check(probe, { name, facts: image.facts, binaries: image.binaries, built: image.origin === 'build' }, what, false, report, fix);
    }
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    for (const stage of runtimeStages) {
      const hc = stage.effective.healthcheck;
      if (!hc) continue;
      const { facts, base, binaries } = stageImage(dockerfile, stage);
      const probe = lacksAny(binaries) ? dockerfileProbe(dockerfile, hc) : undefined;
      if (!probe) continue;
      const name = () => `${stageLabel(dockerfile, stage)}${base ? ` (${base})` : ''}`;
      const fix = (test: readonly string[]) => dockerfileFix(dockerfile, hc, test);
      check(probe, { name, facts, binaries, built: true }, 'HEALTHCHECK', true, report, fix);
    }
  },
});

/** An array, not a Set: asked for every service and stage, and iterating a Set allocates. */
const PROBED: readonly Binary[] = [...new Set<Binary>([...Object.values(PROBE_BINARIES), 'sh'])];

function lacksAny(binaries: Readonly<Record<Binary, Presence>>): boolean {
  for (let i = 0; i < PROBED.length; i++) if (binaries[PROBED[i]!] === 'no') return true;
  return false;
}

/** Writes a probe (compose `test` form) in place of the failing one; undefined when it cannot. */
type MakeFix = (test: readonly string[]) => Fix | undefined;

function check(probe: Probe, image: Image, what: string, dockerfile: boolean, report: (r: Report) => void, makeFix: MakeFix): void {
  const missing = mapArray(missingCalls(probe, image.binaries), (m) => m.command);
  const noShell = image.binaries.sh === 'no' ? probe.shell : undefined;
  // One fix for the whole probe, carried by each of its findings.
  const test = noShell || missing.length ? replacementProbe(missing, image.facts, image.binaries, noShell?.script, dockerfile) : undefined;
  const fix = test && makeFix(test);
  if (noShell) {
    const instead = execFormAdvice(image.facts, image.binaries, dockerfile);
    report({ span: noShell.span, message: `${what} runs through /bin/sh, which ${image.name()} does not have; ${instead}`, ...(fix && { fix }) });
    return;
  }
  for (const command of missing) {
    const word = command.words[0]!;
    const instead = probeAdvice(command, image.facts, image.binaries, image.built, dockerfile);
    report({ span: probe.file.span(word.start, word.end), message: `${what} calls ${command.name}, which ${image.name()} does not have; ${instead}`, ...(fix && { fix }) });
  }
}
