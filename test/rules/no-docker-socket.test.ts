import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-docker-socket.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string, files: Record<string, string> = {}) => lintFiles({ 'compose.yaml': compose, ...files }, { rules: [id] });

describe('no-docker-socket', () => {
  it('reports short-syntax socket binds at the host path, read-only or not (two findings)', async () => {
    const ds = await lint('services:\n  agent:\n    image: acme/agent:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - /run/docker.sock:/docker.sock\n');
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 9, endLine: 5, endColumn: 29 },
      { line: 6, column: 9, endLine: 6, endColumn: 25 },
    ]);
    expect(ds[0]!.message).toBe(
      'agent mounts the Docker socket (/var/run/docker.sock) at /var/run/docker.sock, which gives it root on the host, read-only or not; drop the mount, or put a socket proxy that allows only the API calls it needs in between',
    );
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports long syntax, rootless and Desktop sockets, Podman, and the /var/run folder', async () => {
    const compose = [
      'services:',
      '  a:',
      '    image: acme/a:1',
      '    volumes:',
      '      - type: bind',
      '        source: /run/user/1000/docker.sock',
      '        target: /var/run/docker.sock',
      '      - /Users/me/.docker/run/docker.sock.raw:/var/run/docker.sock',
      '      - /run/podman/podman.sock:/run/podman/podman.sock',
      '      - /var/run/:/host/run',
      '',
    ].join('\n');
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([
      { line: 6, column: 17, endLine: 6, endColumn: 43 },
      { line: 8, column: 9, endLine: 8, endColumn: 46 },
      { line: 9, column: 9, endLine: 9, endColumn: 32 },
      { line: 10, column: 9, endLine: 10, endColumn: 18 },
    ]);
    expect(ds[2]!.message).toContain('mounts the Podman socket (/run/podman/podman.sock) at /run/podman/podman.sock');
    expect(ds[3]!.message).toContain('mounts /var/run (the folder holding the Docker socket) at /host/run');
  });

  it('reports the Windows engine pipe', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    volumes:\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([{ line: 6, column: 17, endLine: 6, endColumn: 39 }]);
    expect(ds[0]!.message).toContain('mounts the Docker engine pipe');
  });

  it('reads host paths after interpolation and shows them as written', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n      - ${SOCK_DIR}/docker.sock:/d.sock\n';
    const ds = await lint(compose, { '.env': 'SOCK_DIR=/run/user/1000\n' });
    expect(ds.map(pos)).toEqual([
      { line: 5, column: 9, endLine: 5, endColumn: 45 },
      { line: 6, column: 9, endLine: 6, endColumn: 32 },
    ]);
    expect(ds[0]!.message).toContain('the Docker socket (${DOCKER_SOCK:-/var/run/docker.sock})');
  });

  it('names the socket by its target when the host path interpolates to nothing', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n    volumes:\n      - type: bind\n        source: ${DOCKER_SOCK}\n        target: /var/run/docker.sock\n';
    const ds = await lint(compose);
    expect(ds.map(pos)).toEqual([{ line: 6, column: 17, endLine: 6, endColumn: 31 }]);
    expect(ds[0]!.message).toContain('mounts the Docker socket (${DOCKER_SOCK}) at /var/run/docker.sock');
  });

  it('leaves other binds, named volumes and tmpfs alone', async () => {
    const compose = [
      'services:',
      '  a:',
      '    image: acme/a:1',
      '    volumes:',
      '      - docker.sock:/var/run/docker.sock',
      '      - /etc/localtime:/etc/localtime:ro',
      '      - /var/run/app:/run/app',
      '      - ./docker.socket.md:/docs/socket.md:ro',
      '      - type: tmpfs',
      '        target: /run',
      'volumes:',
      '  docker.sock:',
      '',
    ].join('\n');
    expect(await lint(compose)).toEqual([]);
  });

  it('applies in dev stacks too', async () => {
    const ds = await lintFiles({ 'compose.dev.yaml': 'services:\n  a:\n    image: acme/a:1\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' }, { rules: [id] });
    expect(ds.map(pos)).toEqual([{ line: 4, column: 16, endLine: 4, endColumn: 36 }]);
  });
});
