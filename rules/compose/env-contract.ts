import type { ComposeStack } from '../../src/compose/model.js';
import { requiresVar, varUses } from '../../src/compose/var-refs.js';
import { subSpan } from '../../src/compose/yaml-scalar.js';
import { defineRule, type Span } from '../../src/engine/types.js';

/** Variables Compose itself reads from `.env` (`COMPOSE_PROJECT_NAME`, `DOCKER_HOST`…): used without a `${…}`. */
const TOOL_VARIABLE = /^(COMPOSE|DOCKER|BUILDKIT)_/;

/** A `.env`-like env_file (`.env`, `.env.production`): every documented name reaches a container. */
const DOTENV_FILE = /(^|\/)\.env(\.[\w.-]+)?$/;

interface Usage {
  /** Every variable referenced, with or without a default. */
  used: Set<string>;
  /** Variables referenced without a default, at their first reference. */
  required: Map<string, Span>;
}

export default defineRule({
  meta: {
    id: 'env-contract',
    category: 'secrets',
    summary: "Every variable the stack needs is documented in its .env.example, and the .env.example documents nothing the stack doesn't use",
    severity: 'warning',
  },
  check({ stack, report }) {
    const example = stack.envExample;
    if (!example) return;
    const { used, required } = usage(stack);
    const documented = new Set(example.names.map((n) => n.name));
    for (const [name, span] of required) {
      if (documented.has(name)) continue;
      report({ span, message: `${name} has no default and .env.example does not document it; add a ${name}= line to ${example.file.path}` });
    }
    if (stack.services.some((s) => s.envFiles.some((f) => DOTENV_FILE.test(String(f.value))))) return;
    for (const service of stack.services) for (const e of service.environment) if (e.raw === null) used.add(e.name);
    for (const { name, span } of example.names) {
      if (used.has(name) || TOOL_VARIABLE.test(name)) continue;
      // Another stack of the same folder (a dev overlay) may use it: stale only if none does.
      report({ span, message: `.env.example documents ${name}, which no file of the stack uses; remove it, or use it`, everyStack: true });
    }
  },
});

function usage(stack: ComposeStack): Usage {
  const out: Usage = { used: new Set(), required: new Map() };
  for (const { node, ref, nested } of varUses(stack.root)) {
    out.used.add(ref.name);
    if (!nested && requiresVar(ref) && !out.required.has(ref.name)) out.required.set(ref.name, subSpan(node, stack.sources, ref.start, ref.end));
  }
  return out;
}
