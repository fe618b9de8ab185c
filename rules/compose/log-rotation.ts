import { get, getPair, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

/**
 * Drivers that write to the host's disk, and the option that bounds them when they do not
 * rotate by default. `local` keeps at most 5 files of 20 MB unless told otherwise; other
 * drivers (journald, syslog, fluentd, none…) hand logs off the container's disk.
 */
const DISK_DRIVERS: ReadonlyMap<string, string | undefined> = new Map([
  ['json-file', 'max-size'],
  ['local', undefined],
]);

/** Values of max-size that mean no limit. */
const UNBOUNDED = new Set(['', '-1']);

export default defineRule({
  meta: {
    id: 'log-rotation',
    category: 'ops',
    summary: 'Production services rotate their logs, so the json-file driver cannot fill the disk',
    severity: 'warning',
    environments: ['prod'],
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const logging = getPair(service.node, 'logging');
      const driver = str(get(logging?.value, 'driver')) ?? 'json-file';
      const bound = DISK_DRIVERS.get(driver);
      if (!bound) continue;
      const size = str(get(get(logging?.value, 'options'), bound));
      if (size !== undefined && !UNBOUNDED.has(size.trim())) continue;
      report({
        span: logging ? logging.keySpan : service.keySpan,
        message: logging
          ? `${service.name} logs with ${driver} and no ${bound}, so its log grows until the disk is full; set logging.options.${bound} (say "10m") and max-file`
          : `${service.name} keeps the default json-file log with no size limit, so it grows until the disk is full; set logging with options max-size (say "10m") and max-file`,
      });
    }
  },
});
