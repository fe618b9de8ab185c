import { get, isSeq, str, type YNode } from '../../src/compose/ynode.js';
import { defineRule } from '../../src/engine/types.js';

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=true` (any case); captures the value. */
const OPTION = /^no-new-privileges(?:[:=](\w+))?$/i;

/** The `security_opt` item that sets no-new-privileges, and whether it turns it on. */
function setting(securityOpt: YNode | undefined): { on: boolean; node: YNode } | undefined {
  if (!isSeq(securityOpt)) return undefined;
  let found: { on: boolean; node: YNode } | undefined;
  for (const item of securityOpt.items) {
    const m = OPTION.exec(str(item)?.trim() ?? '');
    // Docker reads the options in order: the last one wins.
    if (m) found = { on: m[1] === undefined || m[1].toLowerCase() === 'true', node: item };
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'no-new-privileges',
    category: 'users',
    summary: 'Production services set no-new-privileges, so setuid binaries cannot raise privileges',
    severity: 'warning',
    environments: ['prod'],
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const found = setting(get(service.node, 'security_opt'));
      if (found?.on) continue;
      report({
        span: found ? found.node.span : service.keySpan,
        message: found
          ? `${service.name} turns no-new-privileges off, so a setuid binary can raise a process's privileges; set it to true`
          : `${service.name} does not set no-new-privileges, so a setuid binary can raise a process's privileges; add security_opt: ["no-new-privileges:true"]`,
      });
    }
  },
});
