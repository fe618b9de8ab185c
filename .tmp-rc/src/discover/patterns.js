/**
 * What file names mean to discovery: which files are Compose files or Dockerfiles, and which
 * environment a Compose file's name points to.
 */
/** Words in a Compose file name that name an environment (`compose.prod.yaml`, `dev.yaml`). */
export const ENVIRONMENT_WORDS = {
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
/** The built-in words plus the config's `environments:` (`{ qa: test }`), which win. */
export function environmentWords(extra) {
    if (!extra)
        return ENVIRONMENT_WORDS;
    const lowered = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k.toLowerCase(), v]));
    return { ...ENVIRONMENT_WORDS, ...lowered };
}
/** The names `docker compose` looks for, in its own order; an overlay with no same-prefix base joins the first present. */
export const CANONICAL_BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
/** Subfolders that hold the shared files of a folder of per-environment files (`compose/base/core.yaml` + `compose/dev.yaml`). */
export const BASE_FOLDER_NAMES = ['base', 'common'];
/** Folders never walked, whatever .gitignore says. */
export const ALWAYS_SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const COMPOSE_NAME = [/^(docker-)?compose([._-][^/]*)?\.ya?ml$/i, /^.+\.compose\.ya?ml$/i];
const YAML_NAME = /\.ya?ml$/i;
// `Containerfile` is the same format under Podman's name.
const DOCKERFILE_NAME = [/^(Dockerfile|Containerfile)(\.[^/]+)?$/, /^.+\.(Dockerfile|dockerfile|Containerfile)$/];
/** Files that share a Dockerfile's name but are something else (BuildKit's per-Dockerfile ignore file, docs). */
const NOT_DOCKERFILE = /\.(dockerignore|md|txt|orig|bak|swp)$/i;
export const isComposeName = (name) => COMPOSE_NAME.some((re) => re.test(name));
export const isYamlName = (name) => YAML_NAME.test(name);
export const isDockerfileName = (name) => DOCKERFILE_NAME.some((re) => re.test(name)) && !NOT_DOCKERFILE.test(name);
export function classifyComposeName(name, words = ENVIRONMENT_WORDS) {
    const stem = name.replace(YAML_NAME, '');
    const core = /.\.compose$/i.test(stem) ? stem.slice(0, -'.compose'.length) : stem;
    const segments = core.split('.');
    const lower = segments.map((s) => s.toLowerCase());
    for (let i = lower.length - 1; i >= 1; i--) {
        const env = words[lower[i]];
        if (env)
            return { kind: 'overlay', prefix: lower.slice(0, i).join('.'), env };
    }
    if (segments.length === 1 && words[lower[0]])
        return { kind: 'env-file', env: words[lower[0]] };
    if (segments.length > 1)
        return { kind: 'overlay', prefix: lower.slice(0, -1).join('.'), env: undefined };
    return baseRole(core, words);
}
export function baseRole(core, words) {
    const tokens = core.toLowerCase().split(/[-_.]/);
    let env = 'prod';
    for (const t of tokens)
        if (words[t] && t !== 'override')
            env = words[t];
    return { kind: 'base', core: core.toLowerCase(), env };
}
/** The environment a file's name implies when it stands alone (explicit stacks, lone files). */
export function environmentOfName(name, words = ENVIRONMENT_WORDS) {
    const role = classifyComposeName(name, words);
    return role.env ?? baseRole(name.replace(YAML_NAME, ''), words).env;
}
