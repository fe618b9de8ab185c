import { appendPairEdit, appendPairsEdit, fillEmptyPairEdit, replaceScalarEdit, type BlockValue } from '../../src/compose/map-edits.js';
import type { ComposeStack, Service } from '../../src/compose/model.js';
import { get, getPair, isMap, isScalar, str, type YPair } from '../../src/compose/ynode.js';
import { defineRule, type Edit, type Fix } from '../../src/engine/types.js';

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

/** What the fix writes: the docs' recommendation. */
const ROTATION = { 'max-size': '"10m"', 'max-file': '"3"' } as const;

export default defineRule({
  meta: {
    id: 'log-rotation',
    category: 'ops',
    summary: 'Production services rotate their logs, so the json-file driver cannot fill the disk',
    severity: 'warning',
    environments: ['prod'],
    fixable: 'safe',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const logging = getPair(service.node, 'logging');
      const driver = str(get(logging?.value, 'driver')) ?? 'json-file';
      const bound = DISK_DRIVERS.get(driver);
      if (!bound) continue;
      const size = str(get(get(logging?.value, 'options'), bound));
      if (size !== undefined && !UNBOUNDED.has(size.trim())) continue;
      const fix = rotationFix(stack, service, logging);
      report({
        span: logging ? logging.keySpan : service.keySpan,
        message: logging
          ? `${service.name} logs with ${driver} and no ${bound}, so its log grows until the disk is full; set logging.options.${bound} (say "10m") and max-file`
          : `${service.name} keeps the default json-file log with no size limit, so it grows until the disk is full; set logging with options max-size (say "10m") and max-file`,
        ...(fix && { fix }),
      });
    }
  },
});

/**
 * Adds the rotation options where they are missing: a whole `logging:` block naming json-file
 * (options without a driver would go to the daemon's default driver, which may reject them),
 * an `options:` block, or the missing keys; an unbounded max-size becomes 10m. Only the
 * container's own log files change.
 */
function rotationFix(stack: ComposeStack, service: Service, logging: YPair | undefined): Fix | undefined {
  const edit = logging ? loggingEdit(stack, logging) : serviceEdit(stack, service);
  return edit && { title: `Rotate ${service.name}'s logs at 10m, 3 files`, safe: true, edits: [edit] };
}

function serviceEdit(stack: ComposeStack, service: Service): Edit | undefined {
  const file = stack.sources.get(service.node.span.file);
  return file && appendPairEdit(service.node, 'logging', { driver: 'json-file', options: ROTATION }, file);
}

function loggingEdit(stack: ComposeStack, logging: YPair): Edit | undefined {
  const map = logging.value;
  const file = stack.sources.get(map.span.file);
  if (!file) return undefined;
  if (!isMap(map)) return fillEmptyPairEdit(logging, { options: ROTATION }, file);
  const options = getPair(map, 'options');
  if (!options) return appendPairEdit(map, 'options', ROTATION, file);
  if (!isMap(options.value)) return fillEmptyPairEdit(options, ROTATION, file);
  const size = getPair(options.value, 'max-size');
  if (size && isScalar(size.value)) return replaceScalarEdit(size.value, '10m', file);
  const missing: Record<string, BlockValue> = { 'max-size': ROTATION['max-size'] };
  if (!getPair(options.value, 'max-file')) missing['max-file'] = ROTATION['max-file'];
  return appendPairsEdit(options.value, missing, file);
}
