import type { Service } from '../compose/model.js';
import { get, isMap, isSeq, str } from '../compose/ynode.js';
import type { Span } from '../engine/types.js';
import { memoized } from '../memo.js';

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

/** One `depends_on` entry of a service. */
export interface Dependency {
  service: string;
  /** As written, `service_started` when the entry does not say (the short form never does). */
  condition: string;
  /** The list item (short form) or the key (long form). */
  span: Span;
  short: boolean;
}

/**
 * `depends_on` in either form: a list of names, or a map of name → `{condition, …}`. Several
 * rules read every service's: read once per service, and shared.
 */
export const dependencies = memoized((service: Service): readonly Dependency[] => {
  const node = get(service.node, 'depends_on');
  // Loops, not flatMap/map with closures: every service of every stack is read.
  const out: Dependency[] = [];
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i]!;
      const name = str(item);
      if (name) out.push({ service: name, condition: 'service_started', span: item.span, short: true });
    }
  } else if (isMap(node)) {
    for (let i = 0; i < node.pairs.length; i++) {
      const p = node.pairs[i]!;
      out.push({ service: p.key, condition: str(get(p.value, 'condition')) ?? 'service_started', span: p.keySpan, short: false });
    }
  }
  return out;
});

/** Services some other service waits on to finish (`condition: service_completed_successfully`). */
export function awaitedToComplete(services: readonly Service[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < services.length; i++) {
    const deps = dependencies(services[i]!);
    for (let j = 0; j < deps.length; j++) if (deps[j]!.condition === 'service_completed_successfully') out.add(deps[j]!.service);
  }
  return out;
}
