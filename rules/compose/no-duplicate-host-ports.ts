import type { Service } from '../../src/compose/model.js';
import { formatRange, overlaps, servicePorts, type PortEntry, type PortRange } from '../../src/compose/ports.js';
import { get, isSeq, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

interface Published {
  service: Service;
  entry: PortEntry;
  range: PortRange;
  profiles: string[];
}

export default defineRule({
  meta: {
    id: 'no-duplicate-host-ports',
    category: 'network',
    summary: 'No two services (or entries) publish the same host port on the same interface',
    severity: 'error',
    peers: { dclint: ['no-duplicate-exported-ports'] },
  },
  check({ stack, report }) {
    const seen: Published[] = [];
    for (const service of stack.services) {
      const profiles = profilesOf(service);
      for (const entry of servicePorts(service, stack.sources)) {
        if (!entry.published) continue; // an ephemeral host port never clashes
        const mine: Published = { service, entry, range: entry.published, profiles };
        const clash = seen.find((other) => clashes(other, mine));
        seen.push(mine);
        if (!clash) continue;
        const port = `${formatRange(mine.range)}/${entry.protocol}`;
        const who = clash.service === service ? 'it' : clash.service.name;
        report({
          span: entry.publishedSpan,
          message: `${service.name} publishes host port ${port}, which ${who} already publishes (line ${clash.entry.span.line}); the second container would fail to start with "port is already allocated"`,
          related: [clash.entry.span],
        });
      }
    }
  },
});

function clashes(a: Published, b: Published): boolean {
  return a.entry.protocol === b.entry.protocol && overlaps(a.range, b.range) && ipsClash(a.entry.hostIp, b.entry.hostIp) && mayRunTogether(a.profiles, b.profiles);
}

/** Two host IPs clash when equal or when one listens on all addresses of the other's family. */
function ipsClash(a = '', b = ''): boolean {
  if (a === b || a === '' || b === '') return true;
  return wildcardFor(a, b) || wildcardFor(b, a);
}

function wildcardFor(wild: string, ip: string): boolean {
  return (wild === '0.0.0.0' && !ip.includes(':')) || (wild === '::' && ip.includes(':'));
}

/** Services in disjoint profiles (`cpu` / `gpu` variants of one server) never run together. */
function mayRunTogether(a: string[], b: string[]): boolean {
  return a.length === 0 || b.length === 0 || a.some((p) => b.includes(p));
}

function profilesOf(service: Service): string[] {
  const node = get(service.node, 'profiles');
  return isSeq(node) ? node.items.flatMap((i) => str(i) ?? []) : [];
}
