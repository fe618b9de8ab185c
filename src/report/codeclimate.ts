import { createHash } from 'node:crypto';
import { fingerprints } from '../baseline/fingerprint.js';
import type { Diagnostic, RuleCategory, Severity } from '../engine/types.js';
import type { FormatContext } from './format.js';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/** Code Climate's fixed category names, for viewers other than GitLab that read them. */
const CATEGORY: Record<RuleCategory, string> = {
  images: 'Bug Risk',
  mounts: 'Bug Risk',
  users: 'Security',
  health: 'Bug Risk',
  runtime: 'Bug Risk',
  size: 'Performance',
  network: 'Security',
  secrets: 'Security',
  ops: 'Bug Risk',
  schema: 'Compatibility',
};

/**
 * GitLab Code Quality (a Code Climate issue array). The fingerprint is the md5 of the baseline
 * fingerprint, so GitLab's "new in this merge request" comparison survives line shifts as the
 * baseline does.
 */
export function formatCodeclimate(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const fps = ctx.fingerprints ?? fingerprints(diagnostics, ctx.sources);
  const issues = diagnostics.map((d) => {
    const category = ctx.rules.get(d.ruleId)?.category;
    return {
      type: 'issue',
      check_name: d.ruleId,
      description: d.message,
      categories: [category ? CATEGORY[category] : 'Bug Risk'],
      severity: SEVERITY[d.severity],
      fingerprint: createHash('md5').update(fps.get(d) ?? '').digest('hex'),
      location: { path: d.span.file, lines: { begin: d.span.line, end: d.span.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
