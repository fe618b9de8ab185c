import { describe, expect, it } from 'vitest';
import rule from '../../rules/compose/no-host-namespaces.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (compose: string) => lintFiles({ 'compose.yaml': compose }, { rules: [id] });

describe('no-host-namespaces', () => {
  it('reports each host namespace at its value (two findings)', async () => {
    const ds = await lint('services:\n  vllm:\n    image: vllm/vllm-openai:v0.6.4\n    network_mode: host\n    ipc: "host"\n');
    expect(ds.map(pos)).toEqual([
      { line: 4, column: 19, endLine: 4, endColumn: 23 },
      { line: 5, column: 10, endLine: 5, endColumn: 16 },
    ]);
    expect(ds.map((d) => d.message)).toEqual([
      "vllm sets network_mode: host and so shares the host's network: every port it opens is open on the host and it reaches services bound to the host's localhost; use a network and publish ports",
      "vllm sets ipc: host and so shares the host's shared memory and semaphores; set shm_size for torch or vLLM workers",
    ]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it('reports pid, uts, userns_mode and cgroup', async () => {
    const ds = await lint('services:\n  s:\n    image: acme/s:1\n    pid: host\n    uts: host\n    userns_mode: host\n    cgroup: host\n');
    expect(ds.map((d) => d.span.line)).toEqual([4, 5, 6, 7]);
    expect(ds[2]!.message).toBe("s sets userns_mode: host and so shares the host's users, opting out of user-namespace remapping so its root is the host's root; drop it");
  });

  it('leaves other modes alone', async () => {
    const compose = 'services:\n  a:\n    image: acme/a:1\n  b:\n    image: acme/b:1\n    network_mode: "service:a"\n    pid: "container:abc"\n    ipc: shareable\n  c:\n    image: acme/c:1\n    network_mode: none\n    cgroup: private\n';
    expect(await lint(compose)).toEqual([]);
  });
});
