import type { EnvEntry } from '../../src/compose/model.js';
import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule } from '../../src/engine/types.js';
import { findSecretFlags, SECRET_FLAG_PREFILTER } from '../../src/secrets/flags.js';
import { isSecretName } from '../../src/secrets/names.js';
import { hasUrlPassword, secretValueProblem } from '../../src/secrets/values.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';

type Problem = 'literal' | 'default' | 'url';

/** Messages name the key, never the value. */
const MESSAGES: Readonly<Record<Problem, (who: string, key: string) => string>> = {
  literal: (who, key) => `${who} sets ${key} to a literal secret; pass it in with \${${key}} or a Compose secret`,
  default: (who, key) => `${who} falls back to a literal default for ${key}; require it with \${${key}:?} or use a Compose secret`,
  url: (who, key) => `${who} embeds a literal password in the ${key} URL; build it from variables or use a Compose secret`,
};

function problemOf(entry: EnvEntry): Problem | undefined {
  if (entry.raw === null) return undefined;
  if (hasUrlPassword(entry.raw)) return 'url';
  return isSecretName(entry.name) ? secretValueProblem(entry.raw) : undefined;
}

export default defineRule({
  meta: {
    id: 'no-hardcoded-secret',
    category: 'secrets',
    summary: 'Passwords, tokens and keys come from the environment or secrets, never literal values or defaults in the Compose file',
    severity: 'error',
    ...allowOption,
  },
  check({ stack, options, report }) {
    const allowed = allowMatcher(options, { nocase: true });
    // Index loops: this runs over every environment entry of every stack, mostly before the
    // function is optimised, where for…of allocates an iterator result per step.
    const { services } = stack;
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      const env = service.environment;
      for (let e = 0; e < env.length; e++) {
        const entry = env[e]!;
        const problem = allowed(entry.name) ? undefined : problemOf(entry);
        if (problem) report({ span: entry.valueSpan, message: MESSAGES[problem](service.name, entry.name) });
      }
      const args = service.build?.args ?? [];
      for (let a = 0; a < args.length; a++) {
        const entry = args[a]!;
        const problem = allowed(entry.name) ? undefined : problemOf(entry);
        if (problem) report({ span: entry.valueSpan, message: MESSAGES[problem](`${service.name}'s build arg`, entry.name) });
      }
      for (const site of serviceCommandSites(service, stack.sources, SECRET_FLAG_PREFILTER)) {
        for (const f of findSecretFlags(site.commands, allowed)) {
          const message =
            f.problem === 'default'
              ? `${service.name} falls back to a literal default for ${f.flag}; require the variable or use a Compose secret`
              : `${service.name} passes a literal secret to ${f.flag}; use a variable ($$VAR in Compose) or a Compose secret`;
          report({ span: site.span(f.at.start, f.at.end), message });
        }
      }
    }
  },
});
