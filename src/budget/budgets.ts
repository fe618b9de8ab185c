import bytes from 'bytes-iec';
import { ConfigError, type LoadedConfig } from '../config/load-config.js';
import { GlobSet } from '../discover/globs.js';

/** Limits in bytes; either may be absent. */
export interface Budget {
  image?: number;
  layer?: number;
}

/** What a budget is looked up for: the service (if any), the Dockerfile and the stage that runs. */
export interface BudgetTarget {
  service?: string;
  /** Absolute path. */
  dockerfile?: string;
  stage?: string;
}

/** A limit and the config key that set it, so a finding can say which budget it broke. */
export interface Limit {
  bytes: number;
  key: string;
}

export interface ResolvedBudget {
  image?: Limit;
  layer?: Limit;
}

interface Entry {
  key: string;
  /** Higher wins: a service's budget over a Dockerfile stage's over a stage name's over a Dockerfile's over the default. */
  rank: number;
  matches: (t: BudgetTarget) => boolean;
  budget: Budget;
}

/**
 * `budgets:` in the config, keyed by what they apply to:
 *   default                      every image
 *   dockerfiles.<glob>           images built from Dockerfiles matching the glob (config-relative)
 *   stages.<name>                images whose running stage has this name
 *   dockerfiles.<glob>#<stage>   that stage of those Dockerfiles
 *   services.<name>              the image a service runs
 * Sizes are human sizes (`800MB`, `2GB`: decimal as Docker shows them; `1GiB`: binary) or
 * bytes. For each of image and layer, the most specific budget that sets it applies.
 */
export class Budgets {
  private constructor(private readonly entries: readonly Entry[]) {}

  static fromConfig(loaded: LoadedConfig): Budgets {
    const raw = loaded.config.budgets ?? {};
    return new Budgets(Object.entries(raw).map(([key, value]) => entry(loaded, key, value)));
  }

  get empty(): boolean {
    return this.entries.length === 0;
  }

  for(target: BudgetTarget): ResolvedBudget {
    const out: ResolvedBudget = {};
    let imageRank = -1;
    let layerRank = -1;
    for (const e of this.entries) {
      if (!e.matches(target)) continue;
      if (e.budget.image !== undefined && e.rank > imageRank) [out.image, imageRank] = [{ bytes: e.budget.image, key: e.key }, e.rank];
      if (e.budget.layer !== undefined && e.rank > layerRank) [out.layer, layerRank] = [{ bytes: e.budget.layer, key: e.key }, e.rank];
    }
    return out;
  }
}

/** A size as people write it; undefined when it is not one. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+(\.\d+)?\s*([kmgt]i?)?b\s*$/i.test(value)) return undefined;
  const n = bytes.parse(value.trim());
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : undefined;
}

/** Sizes in reports: decimal units with three significant digits, as Docker prints them (`7.13 GB`). */
export function formatSize(n: number): string {
  if (n < 1000) return `${n} B`;
  return bytes.format(n, { decimalPlaces: 2 - (Math.floor(Math.log10(n)) % 3), fixedDecimals: true, unitSeparator: ' ' })!;
}

function entry(loaded: LoadedConfig, key: string, value: unknown): Entry {
  const budget: Budget = {};
  for (const field of ['image', 'layer'] as const) {
    const given = (value as Record<string, unknown>)[field];
    if (given === undefined) continue;
    const size = parseSize(given);
    if (size === undefined) throw ConfigError.at(loaded, ['budgets', key, field], 'value', `Budget ${key}.${field} must be a size such as 800MB or 2GB, or a number of bytes`);
    budget[field] = size;
  }
  const dot = key.indexOf('.');
  const [kind, name] = dot === -1 ? [key, ''] : [key.slice(0, dot), key.slice(dot + 1)];
  if (kind === 'default' && dot === -1) return { key, rank: 0, matches: () => true, budget };
  if (kind === 'services' && name) return { key, rank: 4, matches: (t) => t.service === name, budget };
  if (kind === 'stages' && name) return { key, rank: 2, matches: (t) => t.stage === name, budget };
  if (kind === 'dockerfiles' && name) {
    const hash = name.lastIndexOf('#');
    const [glob, stage] = hash === -1 ? [name, undefined] : [name.slice(0, hash), name.slice(hash + 1)];
    const files = new GlobSet([glob], loaded.dir);
    return { key, rank: stage ? 3 : 1, matches: (t) => !!t.dockerfile && files.matchesEntry(t.dockerfile) && (stage === undefined || t.stage === stage), budget };
  }
  throw ConfigError.at(loaded, ['budgets', key], 'key', `Budget key "${key}" must be default, services.<name>, stages.<name>, dockerfiles.<glob> or dockerfiles.<glob>#<stage>`);
}
