/**
 * What file names mean to discovery: which files are Compose files or Dockerfiles, and which
 * environment a Compose file's name points to.
 */

/** Words in a Compose file name that name an environment (`compose.prod.yaml`, `dev.yaml`). */
export const ENVIRONMENT_WORDS: Readonly<Record<string, string>> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  dev: 'dev',
  development: 'dev',
  local: 'dev',
  // `docker compose` with no `-f` loads compose.yaml plus compose.override.yaml: the developer's machine.
  override: 'dev',
  test: 'test',
  testing: 'test',
  ci: 'test',
  staging: 'staging',
  stage: 'staging',
};

export type EnvironmentWords = Readonly<Record<string, string>>;

/** The built-in words plus the config's `environments:` (`{ qa: test }`), which win. */
export function environmentWords(extra: Record<string, string> | undefined): EnvironmentWords {
  if (!extra) return ENVIRONMENT_WORDS;
  const lowered = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.toLowerCase(), v]));
  return { ...ENVIRONMENT_WORDS, ...lowered };
}

/** The names `docker compose` looks for, in its own order; an overlay with no same-prefix base joins the first present. */
export const CANONICAL_BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;

/** Subfolders that hold the shared files of a folder of per-environment files (`compose/base/core.yaml` + `compose/dev.yaml`). */
export const BASE_FOLDER_NAMES = ['base', 'common'] as const;

/** Folders never walked, whatever .gitignore says. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

const COMPOSE_NAME = [/^(docker-)?compose([._-][^/]*)?\.ya?ml$/i, /^.+\.compose\.ya?ml$/i];
const YAML_NAME = /\.ya?ml$/i;
// `Containerfile` is the same format under Podman's name.
const DOCKERFILE_NAME = [/^(Dockerfile|Containerfile)(\.[^/]+)?$/, /^.+\.(Dockerfile|dockerfile|Containerfile)$/];
/** Files that share a Dockerfile's name but are something else (BuildKit's per-Dockerfile ignore file, docs). */
const NOT_DOCKERFILE = /\.(dockerignore|md|txt|orig|bak|swp)$/i;

export const isComposeName = (name: string): boolean => COMPOSE_NAME.some((re) => re.test(name));
export const isYamlName = (name: string): boolean => YAML_NAME.test(name);
export const isDockerfileName = (name: string): boolean => DOCKERFILE_NAME.some((re) => re.test(name)) && !NOT_DOCKERFILE.test(name);

/**
 * What a Compose file's name says about its place in a stack:
 * - `overlay`: `<prefix>.<word>.yaml` — `compose.prod.yaml`, `docker-compose.override.yml`.
 *   `env` is undefined for a word that names no environment (`compose.gpu.yaml`): a variant of
 *   its base, if a base with that prefix exists; otherwise the file is a base of its own.
 * - `env-file`: the whole name is an environment (`dev.yaml`, `prod.compose.yaml`).
 * - `base`: anything else; `env` from a word in its name (`docker-compose-dev.yml` → dev), else prod.
 */
export type ComposeRole =
  | { kind: 'base'; core: string; env: string }
  | { kind: 'overlay'; prefix: string; env: string | undefined }
  | { kind: 'env-file'; env: string };

export function classifyComposeName(name: string, words: EnvironmentWords = ENVIRONMENT_WORDS): ComposeRole {
  const stem = name.replace(YAML_NAME, '');
  const core = /.\.compose$/i.test(stem) ? stem.slice(0, -'.compose'.length) : stem;
  const segments = core.split('.');
  const lower = segments.map((s) => s.toLowerCase());
  for (let i = lower.length - 1; i >= 1; i--) {
    const env = words[lower[i]!];
    if (env) return { kind: 'overlay', prefix: lower.slice(0, i).join('.'), env };
  }
  if (segments.length === 1 && words[lower[0]!]) return { kind: 'env-file', env: words[lower[0]!]! };
  if (segments.length > 1) return { kind: 'overlay', prefix: lower.slice(0, -1).join('.'), env: undefined };
  return baseRole(core, words);
}

export function baseRole(core: string, words: EnvironmentWords): { kind: 'base'; core: string; env: string } {
  const tokens = core.toLowerCase().split(/[-_.]/);
  let env = 'prod';
  for (const t of tokens) if (words[t] && t !== 'override') env = words[t]!;
  return { kind: 'base', core: core.toLowerCase(), env };
}

/** The environment a file's name implies when it stands alone (explicit stacks, lone files). */
export function environmentOfName(name: string, words: EnvironmentWords = ENVIRONMENT_WORDS): string {
  const role = classifyComposeName(name, words);
  return role.env ?? baseRole(name.replace(YAML_NAME, ''), words).env;
}
