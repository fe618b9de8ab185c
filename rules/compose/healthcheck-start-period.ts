import { parseDuration } from '../../src/compose/duration.js';
import { appendPairEdit, replaceScalarEdit } from '../../src/compose/map-edits.js';
import { getPair, isMap, isScalar, str } from '../../src/compose/ynode.js';
import { defineRule, type Fix, type Span } from '../../src/engine/types.js';
import { healthcheckDisabled } from '../../src/stack/health.js';

const DURATION = '^\\s*(0|(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+)\\s*$';

export default defineRule({
  meta: {
    id: 'healthcheck-start-period',
    category: 'health',
    summary: 'Healthchecks of slow starters (model servers, Milvus, Elasticsearch) give them a start_period',
    severity: 'warning',
    fixable: 'safe',
    options: {
      type: 'object',
      properties: { minimum: { type: 'string', pattern: DURATION, description: 'Shortest acceptable start_period' } },
      additionalProperties: false,
    },
    defaultOptions: { minimum: '30s' },
  },
  check({ stack, effective, options, report }) {
    const minimumText = String(options.minimum ?? '30s').trim();
    const minimum = parseDuration(minimumText) ?? 30_000;
    for (const service of stack.services) {
      const image = effective.get(service.name);
      if (!image?.facts?.slowStart || healthcheckDisabled(image)) continue;
      const what = `${service.name} (${image.facts.id}) starts slowly`;
      const hcPair = getPair(service.node, 'healthcheck');
      const hc = isMap(hcPair?.value) ? hcPair.value : undefined;
      const file = stack.sources.get(hc?.span.file ?? '');
      const start = getPair(hc, 'start_period');
      if (start) {
        const ms = parseDuration(str(start.value) ?? '');
        if (ms === undefined || ms >= minimum) continue;
        const edit = file && isScalar(start.value) ? replaceScalarEdit(start.value, minimumText, file) : undefined;
        const fix: Fix | undefined = edit && { title: `Set start_period to ${minimumText}`, safe: true, edits: [edit] };
        report({ span: start.value.span, message: `${what}, and a start_period of ${str(start.value)} is shorter than ${minimumText}: failed probes will mark it unhealthy while it loads`, ...(fix && { fix }) });
        continue;
      }
      // Compose leaves unset timing to the image's HEALTHCHECK.
      const df = image.stage?.effective.healthcheck;
      const dfStart = df?.kind === 'cmd' ? df.options['start-period'] : undefined;
      if (dfStart !== undefined && (parseDuration(dfStart) ?? minimum) >= minimum) continue;
      let span: Span;
      if (hcPair) span = hcPair.keySpan;
      else if (df?.kind === 'cmd') span = df.instruction.keywordSpan;
      else continue; // only the image's own healthcheck, whose timing is not known here
      const edit = hc && file ? appendPairEdit(hc, 'start_period', minimumText, file) : undefined;
      const was = dfStart !== undefined ? `its HEALTHCHECK --start-period=${dfStart} is shorter than ${minimumText}` : 'its healthcheck has no start_period';
      report({
        span,
        message: `${what}, and ${was}: failed probes will mark it unhealthy while it loads; set start_period: ${minimumText} or more`,
        ...(edit && { fix: { title: `Set start_period to ${minimumText}`, safe: true, edits: [edit] } }),
      });
    }
  },
});
