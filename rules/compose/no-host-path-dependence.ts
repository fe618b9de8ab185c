import picomatch from 'picomatch';
import { hostPathRefs, isAbsoluteHostPath, isSystemPath } from '../../src/compose/host-paths.js';
import { defineRule, type Span } from '../../src/engine/types.js';
import { get, isScalar, type VarRef, type YScalar } from '../../src/compose/ynode.js';

export default defineRule({
  meta: {
    id: 'no-host-path-dependence',
    category: 'mounts',
    summary: 'Production stacks do not depend on where the project sits on the host',
    severity: 'error',
    environments: ['prod'],
    options: {
      type: 'object',
      properties: {
        allowVariables: { type: 'array', items: { type: 'string' } },
        allowPaths: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowVariables: [], allowPaths: [] },
  },
  check({ stack, options, report }) {
    const allowVar = new Set((options.allowVariables as string[] | undefined) ?? []);
    const allowPaths = (options.allowPaths as string[] | undefined) ?? [];
    // Compiled per stack: skip it for the usual empty list.
    const allowPath = allowPaths.length ? picomatch(allowPaths, { dot: true }) : () => false;
    const check = (what: string, written: string, value: string, refs: readonly VarRef[], span: Span, absoluteMatters = true) => {
      const vars = hostPathRefs(refs).filter((r) => !allowVar.has(r.name));
      if (vars.length) {
        report({ span, message: `${what} depends on \${${vars[0]!.name}}, a path on the host; use a named volume or a path inside the image` });
      } else if (absoluteMatters && (isAbsoluteHostPath(value) || value.startsWith('~')) && !isSystemPath(value) && !allowPath(value)) {
        report({ span, message: `${what} uses the host path ${written}; the stack then runs only on a machine laid out like this one` });
      }
    };
    const scalar = (what: string, node: YScalar, absoluteMatters = true) =>
      check(what, String(node.raw ?? node.value), String(node.value), node.refs ?? [], node.span, absoluteMatters);

    for (const service of stack.services) {
      for (const m of service.volumes) {
        if (m.type !== 'bind' || m.source === undefined) continue;
        check(`${service.name}'s bind mount`, m.rawSource ?? m.source, m.source, m.sourceRefs, m.sourceSpan);
      }
      // working_dir is a path in the container: only a host variable in it is a problem.
      if (service.workingDir) scalar(`${service.name}'s working_dir`, service.workingDir, false);
      for (const f of service.envFiles) scalar(`${service.name}'s env_file`, f);
      if (service.build?.context) scalar(`${service.name}'s build context`, service.build.context);
    }
    // A named volume can be a host bind in disguise: driver_opts { o: bind, device: /path }.
    for (const v of stack.volumes) {
      const device = get(get(v.node, 'driver_opts'), 'device');
      if (isScalar(device) && device.value !== null) scalar(`Volume "${v.name}"`, device);
    }
  },
});
