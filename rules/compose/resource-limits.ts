import type { Service } from '../../src/compose/model.js';
import { at, get, getPair, isMap, isSeq, str, type YNode } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';
import type { ImageFacts } from '../../src/images/facts.js';

/** Keys that set a limit, per resource: service-level shorthands and their `deploy.resources.limits` names. */
const LIMITS = [
  { resource: 'memory', keys: ['mem_limit'], deploy: 'memory' },
  { resource: 'CPU', keys: ['cpus', 'cpu_quota'], deploy: 'cpus' },
] as const;

/** Service `devices:` entries that pass a GPU in: NVIDIA and AMD device nodes, CDI names. */
const GPU_DEVICE = /^\/dev\/(nvidia|kfd|dri)|^(nvidia|amd)\.com\/gpu/;

/** `deploy.resources.reservations.devices` with the gpu capability, `gpus:`, or GPU device nodes. */
function reservesGpu(service: Service): boolean {
  if (get(service.node, 'gpus') !== undefined) return true;
  const reserved = at(service.node, 'deploy', 'resources', 'reservations', 'devices');
  if (isSeq(reserved) && reserved.items.some((d) => hasItem(get(d, 'capabilities'), (c) => c === 'gpu'))) return true;
  return hasItem(get(service.node, 'devices'), (d) => GPU_DEVICE.test(d));
}

function hasItem(list: YNode | undefined, test: (s: string) => boolean): boolean {
  return isSeq(list) && list.items.some((i) => test(str(i) ?? str(get(i, 'source')) ?? ''));
}

const HOW_TO_PASS = {
  nvidia: 'add deploy.resources.reservations.devices [{driver: nvidia, count: 1, capabilities: [gpu]}] (or gpus: all)',
  amd: 'pass /dev/kfd and /dev/dri under devices',
} as const;

function gpuAdvice(facts: ImageFacts): string {
  const cpuTag = facts.gpuVariants.length > 0 && facts.image.facts.gpu === undefined;
  return `${HOW_TO_PASS[facts.gpu!]}${cpuTag ? ', or use its CPU tag' : ''}`;
}

export default defineRule({
  meta: {
    id: 'resource-limits',
    category: 'ops',
    summary: 'Production services have a memory limit, and GPU images a GPU reservation',
    severity: 'warning',
    environments: ['prod'],
    options: {
      type: 'object',
      properties: { requireCpu: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { requireCpu: false },
  },
  check({ stack, effective, options, report }) {
    const wanted = options.requireCpu === true ? LIMITS : LIMITS.slice(0, 1);
    for (const service of stack.services) {
      const limits = getPair(get(get(service.node, 'deploy'), 'resources'), 'limits');
      // Built only when something is missing: most prod services set their limits.
      let missing: (typeof wanted)[number][] | undefined;
      for (const l of wanted) {
        if (!l.keys.some((k) => get(service.node, k) !== undefined) && get(limits?.value, l.deploy) === undefined) (missing ??= []).push(l);
      }
      if (missing) {
        const what = missing.map((l) => l.resource).join(' or ');
        const where = missing.map((l) => `deploy.resources.limits.${l.deploy}`).join(' and ');
        report({
          span: limits && isMap(limits.value) ? limits.keySpan : service.keySpan,
          message: `${service.name} has no ${what} limit, so a leak or a large batch can starve every other service on the host; set ${where}`,
        });
      }
      const facts = effective.get(service.name)?.facts;
      if (!facts?.gpu || reservesGpu(service)) continue;
      report({
        span: service.image?.span ?? service.keySpan,
        message: `${service.name} runs ${facts.id}'s ${facts.gpu === 'amd' ? 'AMD' : 'NVIDIA'} GPU image without a GPU, so it falls back to the CPU without saying so; ${gpuAdvice(facts)}`,
      });
    }
  },
});
