import { envExampleEdit } from '../../src/compose/env-example-edit.js';
import { envValueSpan, exactSpan } from '../../src/compose/env-spans.js';
import type { EnvEntry } from '../../src/compose/model.js';
import { locateRefs, type RefAt } from '../../src/compose/var-refs.js';
import { defineRule, type Edit, type Fix, type Report, type Span } from '../../src/engine/types.js';
import { hasUrlPassword, isSecretName, nameTokens, secretValueProblem } from '../../src/secrets/index.js';
import type { SourceFile } from '../../src/source/source-file.js';

/** Last name tokens of variables that say where to connect (`DATABASE_URL`, `REDIS_HOST`). */
const CONNECTION_LAST = new Set(['URL', 'URI', 'DSN', 'HOST', 'HOSTNAME', 'ENDPOINT', 'ADDR', 'ADDRESS', 'SERVER', 'CONNECTION', 'CONN', 'CONNSTRING']);

const connectionNames = new Map<string, boolean>();

/** Memoised: the same few names recur across every stack. */
function isConnectionName(name: string): boolean {
  let v = connectionNames.get(name);
  if (v === undefined) {
    const tokens = nameTokens(name);
    v = CONNECTION_LAST.has(tokens[tokens.length - 1]!) || name.toUpperCase().includes('CONNECTION_STRING');
    connectionNames.set(name, v);
  }
  return v;
}

/** no-hardcoded-secret reports literal secrets, literal defaults and URL passwords: not this rule's. */
const hardcoded = (entry: EnvEntry, raw: string): boolean => hasUrlPassword(raw) || (isSecretName(entry.name) && secretValueProblem(raw) !== undefined);

export default defineRule({
  meta: {
    id: 'required-var-guard',
    category: 'secrets',
    summary: 'Secrets and connection settings taken from variables are required with ${VAR:?message}, not left to fall back to empty',
    severity: 'warning',
    environments: ['prod'],
    fixable: 'unsafe',
  },
  check({ stack, report: emit }) {
    // Reported at the end: every fix carries the same .env.example edit, which needs them all.
    const found: { report: Report; guard?: Guard }[] = [];
    const report = (r: Report, guard: Guard | undefined) => found.push({ report: r, ...(guard && { guard }) });
    // Index loops: every environment entry of every stack, mostly before this is optimised,
    // where for…of allocates an iterator result per step.
    const { services } = stack;
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      for (let e = 0; e < service.environment.length; e++) {
        const entry = service.environment[e]!;
        const raw = entry.raw;
        if (raw === null || hardcoded(entry, raw)) continue;
        const secretEntry = isSecretName(entry.name);
        if (raw.trim() === '') {
          if (secretEntry) report({ span: entry.span, message: `${service.name} sets ${entry.name} to an empty value, so it starts without that secret; require it with \${${entry.name}:?${entry.name} is required}` }, emptyGuard(entry, stack.sources));
          continue;
        }
        for (const ref of locateRefs(raw)) {
          const secret = secretEntry || isSecretName(ref.name);
          if (!secret && !isConnectionName(ref.name) && !isConnectionName(entry.name)) continue;
          const problem = problemOf(ref, secret);
          if (!problem) continue;
          const text = raw.slice(ref.start, ref.end);
          const span = envValueSpan(entry, ref.start, ref.end, stack.sources);
          report({
            span,
            message: `${service.name} takes ${entry.name} from ${text}, which ${problem}; write \${${ref.name}:?${ref.name} is required} so Compose refuses to start without it`,
          }, refGuard(ref, exactSpan(span, text, stack.sources)));
        }
      }
    }
    const envEdit = envExampleEdit(stack, found.flatMap((f) => (f.guard ? [f.guard.name] : [])));
    for (const { report: r, guard } of found) {
      const fix: Fix | undefined = guard && { title: `Require ${guard.name}`, safe: false, edits: [guard.edit, ...(envEdit ? [envEdit] : [])] };
      emit(fix ? { ...r, fix } : r);
    }
  },
});

/** A compose edit requiring one variable. */
interface Guard {
  name: string;
  edit: Edit;
}

/** Why a reference lets the stack start without the value, if it does. */
function problemOf(ref: RefAt, secret: boolean): string | undefined {
  switch (ref.op) {
    case '':
      return 'becomes empty when the variable is unset';
    case '?':
      return 'still accepts an empty value';
    case '-':
    case ':-':
      if (ref.arg === undefined || ref.arg === '') return 'falls back to an empty value';
      if (ref.arg.includes('$')) return undefined; // the nested reference is judged on its own
      // A default of a connection setting is a working address; of a secret, a placeholder.
      return secret ? `falls back to "${ref.arg}"` : undefined;
    default:
      return undefined;
  }
}

/**
 * `${VAR}`, `${VAR-…}`, `${VAR:-}` or `${VAR?msg}` becomes `${VAR:?…}`, keeping a message the
 * reference had; the variable is documented in `.env.example` (see envExampleEdit), where
 * loading looks for required variables the environment will set.
 */
function refGuard(ref: RefAt, span: Span | undefined): Guard | undefined {
  const message = ref.op === '?' && ref.arg ? ref.arg : `${ref.name} is required`;
  return span && { name: ref.name, edit: { file: span.file, start: span.start, end: span.end, text: `\${${ref.name}:?${message}}` } };
}

/** An empty secret (`- KEY=`, `KEY: ""`) becomes `${KEY:?KEY is required}`. */
function emptyGuard(entry: EnvEntry, sources: ReadonlyMap<string, SourceFile>): Guard | undefined {
  const file = sources.get(entry.span.file);
  if (!file || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name)) return undefined;
  const text = `\${${entry.name}:?${entry.name} is required}`;
  const written = file.text.slice(entry.span.start, entry.span.end);
  const at = (start: number, end: number): Guard => ({ name: entry.name, edit: { file: file.path, start, end, text } });
  if (written === `${entry.name}=`) return at(entry.span.end, entry.span.end);
  if (written === `"${entry.name}="` || written === `'${entry.name}='`) return at(entry.span.end - 1, entry.span.end - 1);
  if (written === '""' || written === "''") return at(entry.span.start + 1, entry.span.end - 1);
  return undefined;
}
