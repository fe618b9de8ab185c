import { fingerprints } from '../baseline/fingerprint.js';
import type { Diagnostic, RuleMeta, Severity } from '../engine/types.js';
import { REPOSITORY_URL, ruleHelpUri, type FormatContext } from './format.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** The partialFingerprints key: versioned, so a change of fingerprint scheme is a new key, not a flood of "new" alerts. */
export const FINGERPRINT_KEY = 'ragcheckFingerprint/v1';

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; the rules that have results, sorted
 * by id, each with its summary and documentation link; each result with a region (1-based,
 * `endColumn` exclusive, UTF-16 columns like ours) in a file relative to `%SRCROOT%`, and the
 * baseline fingerprint so alerts follow findings when lines move.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const ids = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const fps = ctx.fingerprints ?? fingerprints(diagnostics, ctx.sources);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ragcheck', informationUri: REPOSITORY_URL, version: ctx.version, rules: ids.map((id) => sarifRule(id, ctx.rules.get(id))) } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId)!,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.span.file), uriBaseId: '%SRCROOT%' }, region: region(d) } }],
          partialFingerprints: { [FINGERPRINT_KEY]: fps.get(d) ?? '' },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A finding from outside the rule registry (a file that does not parse) is described by its id alone. */
function sarifRule(id: string, meta: RuleMeta | undefined) {
  if (!meta) return { id, shortDescription: { text: id } };
  return {
    id,
    shortDescription: { text: meta.summary },
    helpUri: ruleHelpUri(id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [meta.category] },
  };
}

function region(d: Diagnostic) {
  const s = d.span;
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
export function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
