/**
 * Images that declare no USER but whose entrypoint starts as root only to set up, then runs
 * the server as an unprivileged user (gosu / su-exec). Replacing the entrypoint loses that.
 * From each image's entrypoint script, as recorded in known-images.json `userNote`.
 */
export const STEPS_DOWN: ReadonlySet<string> = new Set([
  'postgres', // docker-entrypoint.sh: exec gosu postgres "$BASH_SOURCE" "$@"
  'redis', // docker-entrypoint.sh: exec gosu redis "$0" "$@"
  'valkey', // docker-entrypoint.sh: exec setpriv --reuid=valkey …
]);
