import { mapArray } from '../arrays.js';
import { appendPairEdit, type BlockValue } from '../compose/map-edits.js';
import type { ComposeStack, Service } from '../compose/model.js';
import { get, getPair } from '../compose/ynode.js';
import { replaceArgs } from '../dockerfile/edits.js';
import { jsonArray, plainArgv } from '../dockerfile/exec-form.js';
import type { DockerfileModel, HealthcheckState } from '../dockerfile/types.js';
import type { Fix } from '../engine/types.js';
import type { ImageFacts, Presence } from '../images/facts.js';
import type { Binary } from '../images/known-images.js';
import type { SimpleCommand } from '../shell/types.js';
import { hasCommentLine } from '../source/lines.js';
import type { EffectiveImage } from './effective-image.js';
import { probeText, PROGRAMS, URL_PROBES, usesMissing, type Probe } from './healthcheck-probe.js';

/** Timing written with a known probe; slow starters also get the grace healthcheck-start-period asks for by default. */
const TIMING = { interval: '30s', timeout: '5s', retries: '3' } as const;
const SLOW_START = '30s';

/**
 * Adds the known image's probe as the service's healthcheck, when the image is known to have
 * one and the service neither has nor disables one. Unsafe: the probe runs in the container,
 * and services that wait for this one to be healthy start only once it passes.
 */
export function knownHealthcheckFix(stack: ComposeStack, service: Service, image: EffectiveImage | undefined): Fix | undefined {
  const test = image?.facts?.healthcheck?.test;
  // A healthcheck key that is there but disabled or odd is the user's call.
  if (!test || test.length === 0 || getPair(service.node, 'healthcheck')) return undefined;
  const file = stack.sources.get(service.node.span.file);
  if (!file) return undefined;
  const block: Record<string, BlockValue> = { test: jsonArray(test), ...TIMING };
  if (image.facts!.slowStart) block.start_period = SLOW_START;
  const edit = appendPairEdit(service.node, 'healthcheck', block, file);
  return edit && { title: `Add ${image.facts!.id}'s healthcheck to ${service.name}`, safe: false, edits: [edit] };
}

/** Known images whose tool is not on the PATH. */
const PROGRAM_PATHS: Readonly<Record<string, Partial<Record<Binary, string>>>> = { 'distroless-nodejs': { node: '/nodejs/bin/node' } };

/** A URL that fits in the probes' quotes. Exec form expands nothing: no `$` in a Dockerfile, no `$$` (a shell's `$`) in compose. */
const PLAIN_URL = /^https?:\/\/[^\s'"`\\]+$/;
/** `cmd || exit 1`: the exit status healthchecks want, which exec form gives as well for 0 and 1. */
const EXIT_1 = /\s*\|\|\s*exit\s+1\s*$/;

/**
 * What to probe with instead (compose `test` form), best first: the URL the failing call
 * fetched with a tool the image has, the probe the known-images data gives for the image, or
 * (when only the shell is missing, `script` being what it ran) the same plain command in exec
 * form. Only tools the data says are there count.
 */
export function replacementProbe(missing: readonly SimpleCommand[], facts: ImageFacts | undefined, binaries: Readonly<Record<Binary, Presence>>, script: string | undefined, dockerfile: boolean): readonly string[] | undefined {
  const url = missing.flatMap((c) => mapArray(c.args, (a) => a.text)).find((t) => PLAIN_URL.test(t) && !t.includes(dockerfile ? '$' : '$$'));
  if (url) {
    const usable = URL_PROBES.find(([binary]) => binaries[binary] === 'yes');
    if (usable) return usable[1](url, PROGRAM_PATHS[facts?.id ?? '']?.[usable[0]] ?? PROGRAMS[usable[0]]);
  }
  const known = facts?.healthcheck?.test;
  if (known && !usesMissing(known, binaries, true)) return known;
  if (script === undefined || missing.length) return undefined;
  const argv = plainArgv(script.replace(EXIT_1, ''));
  return argv && !usesMissing(['CMD', ...argv], binaries, true) ? ['CMD', ...argv] : undefined;
}

const TITLE = 'Probe with a tool the image has';

/** Replaces the whole `test:` value with a flow list, in the file it was written in. */
export function composeFix(service: Service, probe: Probe, test: readonly string[]): Fix | undefined {
  const node = get(get(service.node, 'healthcheck'), 'test');
  if (!node || node.span.file !== probe.file.path) return undefined;
  const { start, end } = node.span;
  // A block list's comment lines would go with it.
  if (hasCommentLine(probe.file.text, start, end)) return undefined;
  return { title: TITLE, safe: false, edits: [{ file: probe.file.path, start, end, text: probeText(test, false) }] };
}

/** Replaces `CMD …` of the HEALTHCHECK, its options kept. */
export function dockerfileFix(dockerfile: DockerfileModel, hc: HealthcheckState, test: readonly string[]): Fix | undefined {
  const edit = replaceArgs(dockerfile.file, hc.instruction, probeText(test, true));
  return edit && { title: TITLE, safe: false, edits: [edit] };
}
