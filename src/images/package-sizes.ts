import data from './package-sizes.json' with { type: 'json' };

/**
 * Sizes of heavy packages for the layer-budget estimate (package-sizes.json, validated by
 * schemas/package-sizes.schema.json). Every size is for one version on linux/amd64 and carries a
 * relative error margin and its source: an estimate, never a measurement.
 */

export type SizeManager = 'pip' | 'apt' | 'apk' | 'npm' | 'playwright';
export type Build = 'cuda' | 'cpu';

export interface PackageSize {
  manager: SizeManager;
  name: string;
  variant?: Build;
  version: string;
  /** How findings name it: `torch 2.4 (CUDA)`. */
  label: string;
  /** Bytes once installed. */
  installed: number;
  /** Bytes of the wheel or archive as downloaded; absent where nothing is kept. */
  download?: number;
  /** Relative error: 0.25 is ±25%. */
  margin: number;
  /** Names (same manager) that installing this also installs. */
  pulls: readonly string[];
  source: string;
}

export type CacheKind = 'apt-lists' | 'pip' | 'uv';

export interface CacheSize {
  kind: CacheKind;
  /** A fixed size left behind, in bytes. */
  bytes?: number;
  /** Or this share of the download size of what was installed. */
  factor?: number;
  margin: number;
  source: string;
}

interface RawPackage {
  manager: SizeManager;
  name: string;
  variant?: Build;
  version: string;
  label?: string;
  installedMB: number;
  downloadMB?: number;
  margin: number;
  pulls?: string[];
  source: string;
}

interface RawCache {
  kind: CacheKind;
  installedMB?: number;
  factor?: number;
  margin: number;
  source: string;
}

const MB = 1_000_000;

/** Python and npm versions say which release; a distribution's package version is noise in a message. */
const LABEL: Record<SizeManager, (name: string, version: string) => string> = {
  pip: (name, version) => `${name} ${version}`,
  npm: (name, version) => `${name} ${version}`,
  apt: (name) => name,
  apk: (name) => name,
  playwright: (name) => (name === 'deps' ? 'playwright system deps' : `playwright ${name}`),
};

/** pip names compare normalized (PEP 503): case and runs of `-`, `_`, `.` do not matter. */
function normalizeName(manager: SizeManager, name: string): string {
  return manager === 'pip' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name.toLowerCase();
}

function load(raw: RawPackage): PackageSize {
  const version = raw.version.split('.').slice(0, 2).join('.');
  return {
    manager: raw.manager,
    name: normalizeName(raw.manager, raw.name),
    ...(raw.variant && { variant: raw.variant }),
    version: raw.version,
    label: raw.label ?? LABEL[raw.manager](raw.name, version),
    installed: Math.round(raw.installedMB * MB),
    ...(raw.downloadMB !== undefined && { download: Math.round(raw.downloadMB * MB) }),
    margin: raw.margin,
    pulls: (raw.pulls ?? []).map((p) => normalizeName(raw.manager, p)),
    source: raw.source,
  };
}

export const PACKAGE_SIZES: readonly PackageSize[] = (data.packages as RawPackage[]).map(load);

export const CACHE_SIZES: readonly CacheSize[] = (data.caches as RawCache[]).map((c) => ({
  kind: c.kind,
  ...(c.installedMB !== undefined && { bytes: Math.round(c.installedMB * MB) }),
  ...(c.factor !== undefined && { factor: c.factor }),
  margin: c.margin,
  source: c.source,
}));

const byKey = new Map<string, PackageSize>();
for (const p of PACKAGE_SIZES) byKey.set(`${p.manager}\0${p.name}\0${p.variant ?? ''}`, p);

/**
 * The table's entry for a package, or undefined. A package with builds (torch) gives the one
 * asked for, else its first (`cuda` for torch: what PyPI serves on Linux).
 */
export function packageSize(manager: SizeManager, name: string, build?: Build): PackageSize | undefined {
  const n = normalizeName(manager, name);
  return (build && byKey.get(`${manager}\0${n}\0${build}`)) || byKey.get(`${manager}\0${n}\0`) || byKey.get(`${manager}\0${n}\0cuda`);
}

export function cacheSize(kind: CacheKind): CacheSize {
  return CACHE_SIZES.find((c) => c.kind === kind)!;
}
