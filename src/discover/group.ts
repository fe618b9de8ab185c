import path from 'node:path';
import type { ComposeRole, EnvironmentWords } from './patterns.js';
import { BASE_FOLDER_NAMES, CANONICAL_BASE_NAMES, baseRole, classifyComposeName } from './patterns.js';

/** A stack found by convention, before env files and the project folder are added. */
export interface ConventionStack {
  name: string;
  environment: string;
  files: string[];
}

interface Entry {
  abs: string;
  name: string;
  role: ComposeRole;
}

type BaseEntry = Entry & { role: Extract<ComposeRole, { kind: 'base' }> };
type OverlayEntry = Entry & { role: Extract<ComposeRole, { kind: 'overlay' }> };
const isBase = (e: Entry): e is BaseEntry => e.role.kind === 'base';
const isOverlay = (e: Entry): e is OverlayEntry => e.role.kind === 'overlay';

interface Group {
  /** What the stack name starts with: the base file, or the folder for a folder of bases. */
  label: string;
  files: string[];
  /** The environment of the base on its own. */
  env: string;
  overlays: Entry[];
}

/**
 * Groups Compose files into stacks by their names (DESIGN §1), folder by folder:
 * - a base (`compose.yaml`, or any file whose name is not an overlay) plus each overlay in the
 *   same folder: `compose.prod.yaml` → prod, `compose.dev.yaml` / `compose.override.yaml` → dev,
 *   `*.test.*` / `*.ci.*` → test, `*.staging.*` → staging. An overlay joins the base with the
 *   same prefix (`docker-compose.prod.yml` → `docker-compose.yml`), else the folder's canonical
 *   base (`compose.yaml`, … in `docker compose`'s order), else the folder's only base;
 * - a base on its own is also a stack, in the environment its name says (prod unless it says
 *   `dev`, …), unless an overlay already makes that environment (`compose.yaml` with
 *   `compose.prod.yaml` has no bare prod stack);
 * - files named after an environment (`dev.yaml`, `prod.yaml`) overlay the folder's canonical
 *   base, else all its other Compose files, else the files in its `base/` (or `common/`)
 *   subfolder — the `compose/{dev,prod}.yaml` + `compose/base/*.yaml` layout;
 * - `<name>.<word>.yaml` with an unknown word (`compose.gpu.yaml`) is a variant of the base
 *   `<name>.yaml` in the base's environment when it only patches services; when it defines
 *   whole ones, has overlays of its own, or has no such base, it is a base of its own;
 * - anything left over (an overlay with no base) is a stack on its own.
 * Stack names are `<base path>#<env>`; when two coincide, the overlay's name is added.
 */
export function groupByConvention(
  files: readonly string[],
  words: EnvironmentWords,
  display: (abs: string) => string,
  /** Whether a file defines whole services (some `image:` / `build:`), rather than patching them. */
  definesServices: (abs: string) => boolean = () => false,
): ConventionStack[] {
  const byDir = new Map<string, Entry[]>();
  for (const abs of [...files].sort()) {
    const dir = path.dirname(abs);
    const name = path.basename(abs);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push({ abs, name, role: classifyComposeName(name, words) });
  }
  // `<name>.<word>.yaml` patches its base only if there is one, it has no overlays of its own
  // and it defines no whole services: `docker-compose.next.yaml` beside `docker-compose.yaml`
  // is a second stack, `compose.gpu.yaml` that only adds GPU reservations is a variant.
  for (const entries of byDir.values()) {
    const cores = new Set(entries.flatMap((e) => (e.role.kind === 'base' ? [e.role.core] : [])));
    const prefixes = new Set(entries.flatMap((e) => (e.role.kind === 'overlay' ? [e.role.prefix] : [])));
    for (const e of entries) {
      if (e.role.kind !== 'overlay' || e.role.env !== undefined) continue;
      const core = e.name.replace(/\.ya?ml$/i, '').toLowerCase();
      if (!cores.has(e.role.prefix) || prefixes.has(core) || definesServices(e.abs)) e.role = baseRole(core, words);
    }
  }

  const groups: Group[] = [];
  const lone: Entry[] = [];
  const claimedByParent = new Set<string>();

  // Folders of per-environment files whose shared files live in a `base/` subfolder.
  const baseFolderOf = new Map<string, Entry[]>();
  for (const [dir, entries] of byDir) {
    if (!entries.some((e) => e.role.kind === 'env-file') || entries.some((e) => e.role.kind === 'base')) continue;
    for (const sub of BASE_FOLDER_NAMES) {
      const bases = (byDir.get(path.join(dir, sub)) ?? []).filter(isBase);
      if (bases.length === 0) continue;
      baseFolderOf.set(dir, bases);
      for (const b of bases) claimedByParent.add(b.abs);
      break;
    }
  }

  for (const [dir, all] of byDir) {
    const entries = all.filter((e) => !claimedByParent.has(e.abs));
    const bases = entries.filter(isBase);
    const canonical = CANONICAL_BASE_NAMES.map((n) => bases.find((b) => b.name.toLowerCase() === n)).find((b) => b);
    const single = new Map<Entry, Group>();
    const groupOf = (b: BaseEntry): Group => {
      let g = single.get(b);
      if (!g) single.set(b, (g = { label: display(b.abs), files: [b.abs], env: b.role.env, overlays: [] }));
      return g;
    };

    for (const o of entries.filter(isOverlay)) {
      const target = bases.find((b) => b.role.core === o.role.prefix) ?? canonical ?? (bases.length === 1 ? bases[0] : undefined);
      if (target) groupOf(target).overlays.push(o);
      else lone.push(o);
    }

    const envFiles = entries.filter((e) => e.role.kind === 'env-file');
    let folderGroup: Group | undefined;
    if (envFiles.length > 0) {
      if (canonical) groupOf(canonical).overlays.push(...envFiles);
      else if (bases.length === 1) groupOf(bases[0]!).overlays.push(...envFiles);
      else {
        const shared = bases.length > 0 ? bases : baseFolderOf.get(dir);
        if (shared) folderGroup = { label: display(dir), files: shared.map((b) => b.abs), env: 'prod', overlays: envFiles };
        else lone.push(...envFiles);
      }
    }

    if (folderGroup) {
      groups.push(folderGroup);
      // The folder's bases are already in its group; only those with overlays of their own stand alone.
      for (const g of single.values()) groups.push(g);
    } else {
      for (const b of bases) groups.push(groupOf(b));
    }
  }

  const stacks: Array<ConventionStack & { overlay?: string }> = [];
  for (const g of groups) {
    for (const o of g.overlays) {
      stacks.push({ name: `${g.label}#${o.role.env ?? g.env}`, environment: o.role.env ?? g.env, files: [...g.files, o.abs], overlay: o.name });
    }
    const ownEnvCovered = g.overlays.some((o) => o.role.env === g.env);
    if (!ownEnvCovered) stacks.push({ name: `${g.label}#${g.env}`, environment: g.env, files: [...g.files] });
  }
  for (const e of lone) {
    const env = e.role.env ?? 'prod';
    stacks.push({ name: `${display(e.abs)}#${env}`, environment: env, files: [e.abs] });
  }
  return disambiguate(stacks);
}

/** Keeps names unique: an overlay stack whose name is taken gets the overlay's file name. */
function disambiguate(stacks: Array<ConventionStack & { overlay?: string }>): ConventionStack[] {
  const count = new Map<string, number>();
  for (const s of stacks) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const out = stacks.map(({ overlay, ...s }) => {
    if ((count.get(s.name) ?? 0) < 2 || !overlay) return s;
    const [label, env] = splitName(s.name);
    return { ...s, name: `${label}+${overlay}#${env}` };
  });
  return uniqueNames(out);
}

function splitName(name: string): [string, string] {
  const i = name.lastIndexOf('#');
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Last resort for names that still collide: `name~2`, `name~3`. */
export function uniqueNames<T extends { name: string }>(stacks: T[]): T[] {
  const seen = new Map<string, number>();
  return stacks.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return n === 1 ? s : { ...s, name: `${s.name}~${n}` };
  });
}
