import type { VolumeMount } from '../../src/compose/model.js';
import { defineRule } from '../../src/engine/types.js';

/**
 * Sockets of a container engine's API, by file name: whoever can talk to one can start a
 * privileged container with the host's root file system mounted.
 */
const ENGINE_SOCKETS: ReadonlyMap<string, string> = new Map([
  ['docker.sock', 'the Docker socket'],
  // Docker Desktop's socket on macOS
  ['docker.sock.raw', 'the Docker socket'],
  ['podman.sock', 'the Podman socket'],
  // Docker on Windows: `//./pipe/docker_engine` as an npipe mount
  ['docker_engine', 'the Docker engine pipe'],
]);

/** Mount types that can carry a host socket or pipe. */
const HOST_TYPES = new Set(['bind', 'npipe']);

/** Host folders that hold the Docker socket: binding one binds the socket with it. */
const SOCKET_FOLDERS = new Set(['/var/run', '/run']);

const base = (path: string): string => path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';

/** The socket a path ends in; every name above has `.sock` or `docker_engine` in it, so most paths are passed over unsplit. */
const socketAt = (path: string): string | undefined =>
  path.includes('.sock') || path.includes('docker_engine') ? ENGINE_SOCKETS.get(base(path)) : undefined;

/** What engine socket a bind exposes, or undefined. */
function exposedSocket(mount: VolumeMount): string | undefined {
  const source = mount.source?.replace(/\/+$/, '') ?? '';
  if (SOCKET_FOLDERS.has(source)) return `${source} (the folder holding the Docker socket)`;
  // A source that interpolated to nothing still names the socket by its target.
  const socket = socketAt(source) ?? (source === '' ? socketAt(mount.target) : undefined);
  return socket && `${socket} (${mount.rawSource ?? source})`;
}

export default defineRule({
  meta: {
    id: 'no-docker-socket',
    category: 'mounts',
    summary: 'No service mounts the Docker socket, which gives root on the host',
    severity: 'error',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      for (const mount of service.volumes) {
        if (!HOST_TYPES.has(mount.type)) continue;
        const what = exposedSocket(mount);
        if (!what) continue;
        report({
          span: mount.sourceSpan,
          message: `${service.name} mounts ${what} at ${mount.target}, which gives it root on the host, read-only or not; drop the mount, or put a socket proxy that allows only the API calls it needs in between`,
        });
      }
    }
  },
});
