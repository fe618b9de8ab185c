import { appendPairEdit, type BlockValue } from '../compose/map-edits.js';
import type { ComposeStack, Service } from '../compose/model.js';
import { getPair } from '../compose/ynode.js';
import type { Fix } from '../engine/types.js';
import type { EffectiveImage } from './effective-image.js';

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
  const block: Record<string, BlockValue> = { test: `[${test.map((t) => JSON.stringify(t)).join(', ')}]`, ...TIMING };
  if (image.facts!.slowStart) block.start_period = SLOW_START;
  const edit = appendPairEdit(service.node, 'healthcheck', block, file);
  return edit && { title: `Add ${image.facts!.id}'s healthcheck to ${service.name}`, safe: false, edits: [edit] };
}
