import { appendItemEdit, appendPairEdit, replaceScalarEdit } from '../../src/compose/map-edits.js';
import type { ComposeStack, Service } from '../../src/compose/model.js';
import { get, isSeq, str, type YNode } from '../../src/compose/ynode.js';
import { defineRule, type Edit, type Fix } from '../../src/engine/types.js';

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
    fixable: 'unsafe',
  },
  check({ stack, report }) {
    for (const service of stack.services) {
      const found = setting(get(service.node, 'security_opt'));
      if (found?.on) continue;
      const fix = turnOn(stack, service, found);
      report({
        span: found ? found.node.span : service.keySpan,
        message: found
          ? `${service.name} turns no-new-privileges off, so a setuid binary can raise a process's privileges; set it to true`
          : `${service.name} does not set no-new-privileges, so a setuid binary can raise a process's privileges; add security_opt: ["no-new-privileges:true"]`,
        ...(fix && { fix }),
      });
    }
  },
});

/**
 * Sets the option to true where it is turned off, else adds it to `security_opt` (creating the
 * key). Unsafe: a process that relies on a setuid binary (su, ping on old images) stops working.
 */
function turnOn(stack: ComposeStack, service: Service, found: { node: YNode } | undefined): Fix | undefined {
  const securityOpt = get(service.node, 'security_opt');
  let edit: Edit | undefined;
  if (found) {
    const file = stack.sources.get(found.node.span.file);
    edit = file && found.node.kind === 'scalar' ? replaceScalarEdit(found.node, 'no-new-privileges:true', file) : undefined;
  } else {
    const file = stack.sources.get((isSeq(securityOpt) ? securityOpt : service.node).span.file);
    if (!file) return undefined;
    edit = isSeq(securityOpt) ? appendItemEdit(securityOpt, 'no-new-privileges:true', file) : securityOpt ? undefined : appendPairEdit(service.node, 'security_opt', ['no-new-privileges:true'], file);
  }
  return edit && { title: `Set no-new-privileges for ${service.name}`, safe: false, edits: [edit] };
}
