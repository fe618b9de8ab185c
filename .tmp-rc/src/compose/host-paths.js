import picomatch from 'picomatch';
/**
 * What a host path in a Compose file depends on. Shared by the mount and host-path rules so
 * both read paths the same way.
 */
/** Variables that name a place on the developer's or server's machine. */
const HOST_VARIABLES = new Set(['HOME', 'PWD', 'OLDPWD', 'USERPROFILE', 'TMPDIR', 'HOMEPATH', 'APPDATA', 'LOCALAPPDATA']);
const HOST_VARIABLE_SUFFIX = /(^|_)(PATH|DIR|DIRECTORY|ROOT|HOME|FOLDER|LOCATION|WORKSPACE|CHECKOUT)$/;
export function isHostPathVariable(name) {
    return HOST_VARIABLES.has(name) || name.startsWith('XDG_') || HOST_VARIABLE_SUFFIX.test(name);
}
/** Host-path variables a path written as `raw` starts from or contains. */
export function hostPathRefs(refs) {
    return refs.filter((r) => isHostPathVariable(r.name));
}
/**
 * Absolute host paths that are not about where a project lives: sockets, devices, kernel
 * interfaces and host time zone. Other rules judge those.
 */
const SYSTEM_PATHS = picomatch([
    '/var/run/docker.sock',
    '/run/docker.sock',
    '/run/podman/podman.sock',
    '/dev/**',
    '/dev',
    '/proc/**',
    '/sys/**',
    '/etc/localtime',
    '/etc/timezone',
    '/usr/share/zoneinfo/**',
    '/var/run/**',
    '/run/**',
    '/lib/modules/**',
    '/lib/modules',
]);
export function isSystemPath(path) {
    return SYSTEM_PATHS(path.replace(/\/+$/, '') || '/');
}
export function isAbsoluteHostPath(path) {
    return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
/** The last segment looks like a file (`nginx.conf`, `init.sql`), not a folder (`./backend`, `.`). */
export function looksLikeFile(path) {
    const base = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
    if (base === '' || base === '.' || base === '..' || path.endsWith('/'))
        return false;
    return /^[^.].*\.[A-Za-z0-9]{1,12}$/.test(base) || FILE_NAMES.has(base);
}
/** Extension-less names that are files by convention. */
const FILE_NAMES = new Set(['htpasswd', '.htpasswd', 'Caddyfile', 'Dockerfile', 'Makefile', '.env', 'passwd', 'group', 'hosts', 'known_hosts', 'authorized_keys', 'id_rsa', 'id_ed25519', 'config']);
/** Extensions of program source: a bind of one such file is still code. */
const CODE_FILE = /\.(py|pyw|js|mjs|cjs|jsx|ts|tsx|svelte|vue|go|rb|php|java|kt|rs|sh|pl|lua|ex|exs|cs)$/i;
export function isCodeFile(path) {
    return CODE_FILE.test(path);
}
