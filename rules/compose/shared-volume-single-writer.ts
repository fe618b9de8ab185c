import { appendPairEdit } from '../../src/compose/map-edits.js';
import type { Service, VolumeMount } from '../../src/compose/model.js';
import { longMount, shortMount } from '../../src/compose/mount-edits.js';
import { insertAt, replaceAt } from '../../src/compose/yaml-scalar.js';
import { getPair } from '../../src/compose/ynode.js';
import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule, type Edit } from '../../src/engine/types.js';
import type { SourceFile } from '../../src/source/source-file.js';
import { oneShotJobs } from '../../src/stack/one-shot.js';

export default defineRule({
  meta: {
    id: 'shared-volume-single-writer',
    category: 'mounts',
    summary: 'A named volume shared by several services has one writer; the others mount it read-only',
    severity: 'info',
    fixable: 'safe',
    ...allowOption,
  },
  check({ stack, options, report }) {
    const allowed = allowMatcher(options);
    /** Volume name → the first service that mounts it read-write, and where. */
    const writers = new Map<string, { service: Service; mount: VolumeMount }>();
    // Index loops: every mount of every stack, mostly before this is optimised, where for…of
    // allocates an iterator result per step.
    const { services } = stack;
    // A one-shot job (a migration, a chown of fresh volumes) has exited before the services
    // that await it start: it never writes at the same time as they do.
    const jobs = oneShotJobs(services);
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      if (jobs.has(service.name)) continue;
      for (let m = 0; m < service.volumes.length; m++) {
        const mount = service.volumes[m]!;
        if (mount.type !== 'volume' || !mount.source || mount.readOnly || allowed(mount.source)) continue;
        const first = writers.get(mount.source);
        if (!first) {
          writers.set(mount.source, { service, mount });
          continue;
        }
        if (first.service === service) continue;
        const edit = readOnlyEdit(mount, stack.sources);
        report({
          span: mount.span,
          message: `${service.name} mounts volume ${mount.source} read-write, and ${first.service.name} already writes to it; mount it read-only here unless both must write`,
          related: [first.mount.span],
          ...(edit && { fix: { title: `Mount ${mount.source} read-only in ${service.name}`, safe: true, edits: [edit] } }),
        });
      }
    }
  },
});

/** `:ro` on a short mount (`rw` becomes `ro`, other modes gain `,ro`), `read_only: true` on a long one. */
function readOnlyEdit(mount: VolumeMount, sources: ReadonlyMap<string, SourceFile>): Edit | undefined {
  const short = shortMount(mount, sources);
  if (short) {
    const { file, written, parts, map } = short;
    if (parts.length === 2) return insertAt(file, map(written.length, written.length), ':ro');
    if (parts.length !== 3) return undefined;
    const modeAt = written.length - parts[2]!.length;
    const rw = parts[2]!.split(',').indexOf('rw');
    if (rw === -1) return insertAt(file, map(written.length, written.length), ',ro');
    const from = modeAt + parts[2]!.split(',').slice(0, rw).reduce((n, o) => n + o.length + 1, 0);
    return replaceAt(file, map, from, 'rw', 'ro');
  }
  const long = longMount(mount, sources);
  if (!long) return undefined;
  const { file, node } = long;
  const ro = getPair(node, 'read_only');
  if (ro) return { file: file.path, start: ro.value.span.start, end: ro.value.span.end, text: 'true' };
  return appendPairEdit(node, 'read_only', 'true', file);
}
