import { envExampleEdit } from '../../src/compose/env-example-edit.js';
import type { ComposeStack, EnvEntry } from '../../src/compose/model.js';
import { locateRefs } from '../../src/compose/var-refs.js';
import { allowMatcher, allowOption } from '../../src/engine/allow-option.js';
import { defineRule, type Edit, type Report, type Span } from '../../src/engine/types.js';
import { findSecretFlags, SECRET_FLAG_PREFILTER, type SecretFlag } from '../../src/secrets/flags.js';
import { isSecretName } from '../../src/secrets/names.js';
import { hasUrlPassword, secretValueProblem } from '../../src/secrets/values.js';
import { serviceCommandSites } from '../../src/shell/compose-command.js';
import type { SourceFile } from '../../src/source/source-file.js';

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

/** What a finding's fix writes into the Compose file, and the variables it then needs. */
interface Rewrite {
  edit: Edit;
  vars: string[];
}

export default defineRule({
  meta: {
    id: 'no-hardcoded-secret',
    category: 'secrets',
    summary: 'Passwords, tokens and keys come from the environment or secrets, never literal values or defaults in the Compose file',
    severity: 'error',
    ...allowOption,
    fixable: 'unsafe',
  },
  check({ stack, options, report: emit }) {
    const allowed = allowMatcher(options, { nocase: true });
    // Reported at the end: every fix carries the same .env.example edit, which needs them all.
    const found: { report: Report; rewrite?: Rewrite }[] = [];
    const report = (r: Report, rewrite: Rewrite | undefined) => found.push({ report: r, ...(rewrite && { rewrite }) });
    // Index loops: this runs over every environment entry of every stack, mostly before the
    // function is optimised, where for…of allocates an iterator result per step.
    const checkEntries = (entries: readonly EnvEntry[], who: string) => {
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e]!;
        const problem = allowed(entry.name) ? undefined : problemOf(entry);
        if (problem) report({ span: entry.valueSpan, message: MESSAGES[problem](who, entry.name) }, entryRewrite(stack, entry, problem));
      }
    };
    const { services } = stack;
    for (let s = 0; s < services.length; s++) {
      const service = services[s]!;
      checkEntries(service.environment, service.name);
      if (service.build) checkEntries(service.build.args, `${service.name}'s build arg`);
      for (const site of serviceCommandSites(service, stack.sources, SECRET_FLAG_PREFILTER)) {
        for (const f of findSecretFlags(site.commands, allowed)) {
          const message =
            f.problem === 'default'
              ? `${service.name} falls back to a literal default for ${f.flag}; require the variable or use a Compose secret`
              : `${service.name} passes a literal secret to ${f.flag}; use a variable ($$VAR in Compose) or a Compose secret`;
          const span = site.span(f.at.start, f.at.end);
          report({ span, message }, flagRewrite(stack, span, f, `${service.name}_${f.flag.replace(/^-+/, '')}`));
        }
      }
    }
    const envEdit = envExampleEdit(stack, found.flatMap((f) => f.rewrite?.vars ?? []));
    for (const { report: r, rewrite } of found) {
      emit(rewrite ? { ...r, fix: { title: `Take ${rewrite.vars.join(', ')} from the environment`, safe: false, edits: [rewrite.edit, ...(envEdit ? [envEdit] : [])] } } : r);
    }
  },
});

/** `NAME`, made a variable name: `litellm_--api-key` is `LITELLM_API_KEY`. */
const varName = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9_]+/g, '_').replace(/^(\d)/, '_$1');

const required = (name: string): string => `\${${name}:?${name} is required}`;

const requireVar = (name: string): { text: string; vars: string[] } => ({ text: required(name), vars: [name] });

/** Suffixes of URL-valued keys, replaced by `_PASSWORD` to name the password's variable. */
const URL_KEY = /_(URL|URI|DSN|CONNECTION_STRING|CONN)$/;
/** `scheme://user:password@`: the password part. */
const URL_USERINFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/g;

/**
 * The value rewritten to take the secret from the environment: a literal becomes
 * `${KEY:?KEY is required}`, a literal default `${VAR:-x}` becomes `${VAR:?…}`, a URL's
 * literal password `${KEY_PASSWORD:?…}`. Undefined when the value cannot be rewritten exactly.
 */
function rewriteValue(raw: string, key: string, problem: Problem): { text: string; vars: string[] } | undefined {
  if (problem === 'default') return requireDefaults(raw);
  if (problem === 'literal') return raw.includes('$') ? undefined : requireVar(varName(key));
  const matches = [...raw.matchAll(URL_USERINFO)];
  if (matches.length !== 1) return undefined;
  const m = matches[0]!;
  const pw = m[1]!;
  const at = m.index + m[0].length - 1 - pw.length;
  const inner = pw.includes('$') ? requireDefaults(pw) : requireVar(`${varName(key).replace(URL_KEY, '')}_PASSWORD`);
  return inner && { text: raw.slice(0, at) + inner.text + raw.slice(at + pw.length), vars: inner.vars };
}

/** Each top-level `${VAR:-literal}` / `${VAR-literal}` becomes `${VAR:?VAR is required}`. */
function requireDefaults(raw: string): { text: string; vars: string[] } | undefined {
  let text = '';
  let from = 0;
  const vars: string[] = [];
  for (const ref of locateRefs(raw)) {
    if (ref.start < from || (ref.op !== '-' && ref.op !== ':-')) continue;
    text += raw.slice(from, ref.start) + required(ref.name);
    from = ref.end;
    vars.push(ref.name);
  }
  return vars.length ? { text: text + raw.slice(from), vars } : undefined;
}

function entryRewrite(stack: ComposeStack, entry: EnvEntry, problem: Problem): Rewrite | undefined {
  const file = stack.sources.get(entry.valueSpan.file);
  const value = entry.raw !== null && rewriteValue(entry.raw, entry.name, problem);
  if (!file || !value) return undefined;
  const edit = rawEdit(file, entry.valueSpan, entry.raw!, value.text);
  return edit && { edit, vars: value.vars };
}

/** A flag's value, or the value after `=` in `--flag=value`, rewritten as an entry's would be. */
function flagRewrite(stack: ComposeStack, span: Span, f: SecretFlag, name: string): Rewrite | undefined {
  const file = stack.sources.get(span.file);
  if (!file || f.at.text.includes('$$')) return undefined;
  const eq = f.at.text.startsWith('--') ? f.at.text.indexOf('=') + 1 : 0;
  const raw = f.at.text.slice(eq);
  const value = rewriteValue(raw, name, f.problem);
  if (!value) return undefined;
  const edit = rawEdit(file, span, f.at.text, f.at.text.slice(0, eq) + value.text);
  return edit && { edit, vars: value.vars };
}

/**
 * Replaces `raw` where `span` shows it, as written or inside the quotes of a scalar; the
 * replacement holds no quote or backslash, so it reads the same in any style.
 */
function rawEdit(file: SourceFile, span: Span, raw: string, text: string): Edit | undefined {
  const written = file.text.slice(span.start, span.end);
  if (written === raw) return { file: file.path, start: span.start, end: span.end, text };
  const q = written[0];
  if ((q === '"' || q === "'") && written.endsWith(q) && written.slice(1, -1) === raw) return { file: file.path, start: span.start + 1, end: span.end - 1, text };
  return undefined;
}
