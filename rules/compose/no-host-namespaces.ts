import { get, str } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

/** Service keys that can join a host namespace, what sharing it exposes, and what to do instead. */
const NAMESPACES: ReadonlyArray<{ key: string; shares: string; instead: string }> = [
  { key: 'network_mode', shares: "the host's network: every port it opens is open on the host and it reaches services bound to the host's localhost", instead: 'use a network and publish ports' },
  { key: 'pid', shares: "the host's processes, which it can see, trace and signal", instead: 'drop it' },
  { key: 'ipc', shares: "the host's shared memory and semaphores", instead: 'set shm_size for torch or vLLM workers' },
  { key: 'uts', shares: "the host's hostname and domain name", instead: 'set hostname' },
  { key: 'userns_mode', shares: "the host's users, opting out of user-namespace remapping so its root is the host's root", instead: 'drop it' },
  { key: 'cgroup', shares: "the host's cgroup tree", instead: 'drop it' },
];

export default defineRule({
  meta: {
    id: 'no-host-namespaces',
    category: 'runtime',
    summary: "No service joins the host's network, PID, IPC, UTS, user or cgroup namespace",
    severity: 'error',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      for (const ns of NAMESPACES) {
        const node = get(service.node, ns.key);
        if (str(node) !== 'host') continue;
        report({ span: node!.span, message: `${service.name} sets ${ns.key}: host and so shares ${ns.shares}; ${ns.instead}` });
      }
    }
  },
});
