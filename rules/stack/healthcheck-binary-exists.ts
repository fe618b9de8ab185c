import { mapArray } from '../../src/arrays.js';
import type { Service } from '../../src/compose/model.js';
import { scalarText } from '../../src/compose/yaml-scalar.js';
import { get, isScalar, isSeq } from '../../src/compose/ynode.js';
import { replaceArgs } from '../../src/dockerfile/edits.js';
import { plainArgv } from '../../src/dockerfile/exec-form.js';
import type { DockerfileModel, HealthcheckState } from '../../src/dockerfile/types.js';
import type { Fix, Report } from '../../src/engine/types.js';
import { defineRule } from '../../src/engine/types.js';
import type { ImageFacts, Presence } from '../../src/images/facts.js';
import type { Binary } from '../../src/images/known-images.js';
import { composeProbe, dockerfileProbe, execFormAdvice, missingCalls, PROBE_BINARIES, probeAdvice, PROGRAMS, URL_PROBES, type Probe } from '../../src/stack/healthcheck-probe.js';
import { stageImage, stageLabel } from '../../src/stack/stage-image.js';
import type { SimpleCommand } from '../../src/shell/types.js';

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
      check(probe, { name, facts: image.facts, binaries: image.binaries, built: image.origin === 'build' }, what, false, report, fix, composeScript(service));
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
      check(probe, { name, facts, binaries, built: true }, 'HEALTHCHECK', true, report, fix, hc.kind === 'cmd' && hc.form === 'shell' ? hc.script : undefined);
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

function check(probe: Probe, image: Image, what: string, dockerfile: boolean, report: (r: Report) => void, makeFix: MakeFix, script: string | undefined): void {
  const missing = mapArray(missingCalls(probe, image.binaries), (m) => m.command);
  const noShell = !!probe.shell && image.binaries.sh === 'no';
  // One fix for the whole probe, carried by each of its findings.
  const test = noShell || missing.length ? replacementProbe(missing, image, noShell ? script : undefined, dockerfile) : undefined;
  const fix = test && makeFix(test);
  if (noShell) {
    const instead = execFormAdvice(image.facts, image.binaries, dockerfile);
    report({ span: probe.shell!, message: `${what} runs through /bin/sh, which ${image.name()} does not have; ${instead}`, ...(fix && { fix }) });
    return;
  }
  for (const command of missing) {
    const word = command.words[0]!;
    const instead = probeAdvice(command, image.facts, image.binaries, image.built, dockerfile);
    report({ span: probe.file.span(word.start, word.end), message: `${what} calls ${command.name}, which ${image.name()} does not have; ${instead}`, ...(fix && { fix }) });
  }
}

// ---------------------------------------------------------------------------------------------
// Fix: a probe the image can run

/** Known images whose tool is not on the PATH. */
const PROGRAM_PATHS: Readonly<Record<string, Partial<Record<Binary, string>>>> = { 'distroless-nodejs': { node: '/nodejs/bin/node' } };

/** A URL that fits in the probes' quotes. Exec form expands nothing: no `$` in a Dockerfile, no `$$` (a shell's `$`) in compose. */
const PLAIN_URL = /^https?:\/\/[^\s'"`\\]+$/;
/** `cmd || exit 1`: the exit status healthchecks want, which exec form gives as well for 0 and 1. */
const EXIT_1 = /\s*\|\|\s*exit\s+1\s*$/;

/**
 * What to probe with instead, best first: the URL the failing call fetched with a tool the image
 * has, the probe the known-images data gives for the image, or (when only the shell is missing)
 * the same plain command in exec form. Only tools the data says are there count.
 */
function replacementProbe(missing: readonly SimpleCommand[], image: Image, script: string | undefined, dockerfile: boolean): readonly string[] | undefined {
  const url = missing.flatMap((c) => mapArray(c.args, (a) => a.text)).find((t) => PLAIN_URL.test(t) && !t.includes(dockerfile ? '$' : '$$'));
  if (url) {
    const usable = URL_PROBES.find(([binary]) => image.binaries[binary] === 'yes');
    if (usable) return usable[1](url, PROGRAM_PATHS[image.facts?.id ?? '']?.[usable[0]] ?? PROGRAMS[usable[0]]);
  }
  const known = image.facts?.healthcheck?.test;
  if (known && runs(known, image.binaries)) return known;
  if (script === undefined || missing.length) return undefined;
  const argv = plainArgv(script.replace(EXIT_1, ''));
  return argv && runs(['CMD', ...argv], image.binaries) ? ['CMD', ...argv] : undefined;
}

/** Whether the image has what a probe (compose `test` form) calls first. */
function runs(test: readonly string[], binaries: Readonly<Record<Binary, Presence>>): boolean {
  if (test[0] === 'CMD-SHELL' && binaries.sh !== 'yes') return false;
  const first = test[0] === 'CMD' ? test[1] : test[1]?.trim().split(/\s+/)[0];
  if (!first) return false;
  const binary = PROBE_BINARIES[first.slice(first.lastIndexOf('/') + 1)];
  return binary === undefined || binaries[binary] !== 'no';
}

const flowList = (items: readonly string[]): string => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;

/** The CMD-SHELL string of a compose test, for rewriting it in exec form. */
function composeScript(service: Service): string | undefined {
  const test = get(get(service.node, 'healthcheck'), 'test');
  if (isScalar(test)) return scalarText(test);
  const first = isSeq(test) ? test.items[1] : undefined;
  return isSeq(test) && isScalar(test.items[0]) && scalarText(test.items[0]) === 'CMD-SHELL' && isScalar(first) ? scalarText(first) : undefined;
}

/** Replaces the whole `test:` value with a flow list, in the file it was written in. */
function composeFix(service: Service, probe: Probe, test: readonly string[]): Fix | undefined {
  const node = get(get(service.node, 'healthcheck'), 'test');
  if (!node || node.span.file !== probe.file.path) return undefined;
  const { start, end } = node.span;
  // A block list's comment lines would go with it.
  if (/\n[ \t]*#/.test(probe.file.text.slice(start, end))) return undefined;
  return { title: 'Probe with a tool the image has', safe: false, edits: [{ file: probe.file.path, start, end, text: flowList(test) }] };
}

/** Replaces `CMD …` of the HEALTHCHECK, its options kept. */
function dockerfileFix(dockerfile: DockerfileModel, hc: HealthcheckState, test: readonly string[]): Fix | undefined {
  // A compose test escapes `$` as `$$`; a Dockerfile does not.
  const text = test[0] === 'CMD-SHELL' ? `CMD ${(test[1] ?? '').replaceAll('$$', '$')}` : `CMD ${flowList(test.slice(1))}`;
  const edit = replaceArgs(dockerfile.file, hc.instruction, text);
  return edit && { title: 'Probe with a tool the image has', safe: false, edits: [edit] };
}
