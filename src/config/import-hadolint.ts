import { parse } from 'yaml';
import type { RuleMeta, Severity } from '../engine/types.js';

/**
 * `.hadolint.yaml` → the `.ragcheck.yaml` settings that keep the same checks off, at the same
 * severities, with the same trusted registries. A ragcheck rule often covers several DL ids
 * (pinned-image-tag is DL3006 and DL3007): it is turned off only when hadolint ignores all of
 * them, so importing never silences more than the old config did; what cannot be carried over
 * is said in comments.
 */
export interface HadolintConfig {
  ignored: string[];
  trustedRegistries: string[];
  override: Partial<Record<HadolintLevel, string[]>>;
}

type HadolintLevel = 'error' | 'warning' | 'info' | 'style';

const LEVEL: Readonly<Record<HadolintLevel, Severity>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Parses and checks a `.hadolint.yaml`; throws an Error with a user-facing message. */
export function parseHadolintConfig(text: string): HadolintConfig {
  const doc: unknown = parse(text) ?? {};
  if (!isRecord(doc)) throw new Error('is not a mapping');
  const list = (v: unknown, key: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`"${key}" must be a list of strings`);
    return v;
  };
  const override: HadolintConfig['override'] = {};
  if (doc.override !== undefined && doc.override !== null) {
    if (!isRecord(doc.override)) throw new Error('"override" must be a mapping of levels to lists of rule ids');
    for (const [level, ids] of Object.entries(doc.override)) {
      if (!(level in LEVEL)) throw new Error(`"override" has an unknown level "${level}" (error, warning, info, style)`);
      override[level as HadolintLevel] = list(ids, `override.${level}`);
    }
  }
  return { ignored: list(doc.ignored, 'ignored'), trustedRegistries: list(doc.trustedRegistries, 'trustedRegistries'), override };
}

export function importHadolint(config: HadolintConfig, rules: readonly RuleMeta[], source: string): string {
  const covering = (dl: string) => rules.filter((r) => r.peers?.hadolint?.includes(dl.toUpperCase()));
  const lines: string[] = [];
  const notes: string[] = [];
  const uncovered = new Set<string>();

  const ignored = new Set(config.ignored.map((d) => d.toUpperCase()));
  const off = new Set<string>();
  for (const dl of ignored) {
    const rs = covering(dl);
    if (rs.length === 0) uncovered.add(dl);
    for (const r of rs) {
      const peers = r.peers!.hadolint!;
      if (peers.every((p) => ignored.has(p))) {
        if (!off.has(r.id)) lines.push(`  ${r.id}: off  # ignored: ${peers.join(', ')}`);
        off.add(r.id);
      } else {
        notes.push(`# ${dl} is ignored, but ${r.id} also covers ${peers.filter((p) => !ignored.has(p)).join(', ')}: it stays on (suppress it inline where needed)`);
      }
    }
  }

  const levels = new Map<string, Map<Severity, string[]>>();
  for (const [level, ids] of Object.entries(config.override) as [HadolintLevel, string[]][]) {
    for (const dl of ids) {
      const rs = covering(dl);
      if (rs.length === 0) uncovered.add(dl.toUpperCase());
      for (const r of rs) {
        if (off.has(r.id)) continue;
        const byLevel = levels.get(r.id) ?? new Map<Severity, string[]>();
        byLevel.set(LEVEL[level], [...(byLevel.get(LEVEL[level]) ?? []), dl.toUpperCase()]);
        levels.set(r.id, byLevel);
      }
    }
  }
  const registries = config.trustedRegistries;
  for (const [id, byLevel] of levels) {
    if (byLevel.size > 1) {
      notes.push(`# ${id} covers DL ids hadolint overrides to different levels (${[...byLevel].map(([s, ds]) => `${ds.join(', ')}: ${s}`).join('; ')}): left at its default`);
      continue;
    }
    const [[severity, dls]] = [...byLevel] as [[Severity, string[]]];
    if (id === 'allowed-registry' && registries.length) continue; // set below, with its options
    lines.push(`  ${id}: ${severity}  # override: ${dls.join(', ')}`);
  }
  if (registries.length && !off.has('allowed-registry')) {
    const severity = levels.get('allowed-registry')?.size === 1 ? [...levels.get('allowed-registry')!.keys()][0]! : 'error';
    lines.push(`  allowed-registry: [${severity}, { registries: [${registries.map((r) => JSON.stringify(r)).join(', ')}] }]  # trustedRegistries`);
  }
  if (uncovered.size) notes.push(`# No ragcheck rule covers ${[...uncovered].sort().join(', ')}`);

  const head = `# Imported from ${source} by \`ragcheck config import-hadolint\`.`;
  return [head, ...(lines.length ? ['rules:', ...lines] : ['rules: {}']), ...notes, ''].join('\n');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
