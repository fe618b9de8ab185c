import type { ComposeStack, Service } from '../compose/model.js';
import { parseRange, servicePorts } from '../compose/ports.js';
import { get, isSeq, str } from '../compose/ynode.js';
import type { EffectiveImage } from './effective-image.js';

/** Ranges wider than this (`expose: ["30000-40000"]`) say nothing about a service's own ports. */
const MAX_RANGE = 100;

/**
 * The container ports a service listens on, as far as the stack tells: its known image's
 * ports, the EXPOSEs of the stage it builds, `expose:` and the targets of `ports:`.
 */
export function listeningPorts(service: Service, image: EffectiveImage | undefined, stack: ComposeStack): Set<number> {
  const out = new Set<number>(image?.facts?.ports ?? []);
  for (const e of image?.stage?.effective.expose ?? []) addRange(out, e.port.split('/')[0]!);
  const expose = get(service.node, 'expose');
  if (isSeq(expose)) for (const item of expose.items) addRange(out, (str(item) ?? '').split('/')[0]!);
  for (const p of servicePorts(service, stack.sources)) {
    if (p.target.end - p.target.start <= MAX_RANGE) for (let n = p.target.start; n <= p.target.end; n++) out.add(n);
  }
  return out;
}

/** Port → the services listening on it, in stack order. */
export function servicesByPort(stack: ComposeStack, effective: ReadonlyMap<string, EffectiveImage>): Map<number, Service[]> {
  const out = new Map<number, Service[]>();
  for (const service of stack.services) {
    for (const port of listeningPorts(service, effective.get(service.name), stack)) {
      const list = out.get(port);
      if (list) list.push(service);
      else out.set(port, [service]);
    }
  }
  return out;
}

function addRange(out: Set<number>, text: string): void {
  const r = parseRange(text);
  if (r && r.end - r.start <= MAX_RANGE) for (let n = r.start; n <= r.end; n++) out.add(n);
}
