/**
 * Whether a value as written is a hard-coded secret: a literal, or a `${VAR:-literal}`
 * default, as opposed to references that take the secret from the environment.
 */
export type SecretValueProblem = 'literal' | 'default';

/** Values that are settings, not secrets, whatever the key is called. */
const NOT_SECRET_VALUE = /^(true|false|yes|no|on|off|none|null|nil|disabled?|enabled?|~|-?\d{1,3})$/i;
/** A file path (`/run/secrets/db`, `./keys/jwt.pem`): the secret lives elsewhere. */
const PATH_VALUE = /^(\/|\.\.?\/|~\/)\S*$/;
/** `scheme://user:password@` — the password part. */
const URL_USERINFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/g;

interface Scan {
  /** Text outside references (`$$` read as `$`). */
  literal: string;
  /** Literal text found in `${V:-…}`, `${V-…}`, `${V:+…}`, `${V+…}` arguments. */
  defaults: string[];
  refs: number;
}

export interface ValueOptions {
  /**
   * The value reaches a shell after Compose interpolation (a `command:` word): `$$VAR` is
   * then a shell variable, not a literal `$`.
   */
  shell?: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPS = [':-', ':?', ':+', '-', '?', '+'] as const;

/** Reads Compose interpolation syntax; unbalanced `${` counts as literal text. */
function scan(written: string, opts: ValueOptions): Scan {
  // After Compose turns `$$` into `$`, the shell expands what follows.
  const text = opts.shell ? written.replaceAll('$$', '$') : written;
  const out: Scan = { literal: '', defaults: [], refs: 0 };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c !== '$') {
      out.literal += c;
      i++;
    } else if (next === '$') {
      out.literal += '$';
      i += 2;
    } else if (next === '{') {
      const close = closing(text, i + 1);
      if (close === -1) {
        out.literal += text.slice(i);
        break;
      }
      braced(text.slice(i + 2, close), out, opts);
      i = close + 1;
    } else {
      const m = NAME.exec(text.slice(i + 1));
      out.refs += m ? 1 : 0;
      if (!m) out.literal += c;
      i += 1 + (m?.[0].length ?? 0);
    }
  }
  return out;
}

/** `NAME`, `NAME:-default`, `NAME:?err`, … */
function braced(inner: string, out: Scan, opts: ValueOptions): void {
  out.refs++;
  const name = NAME.exec(inner)?.[0] ?? '';
  const rest = inner.slice(name.length);
  const op = OPS.find((o) => rest.startsWith(o));
  if (!op || op.includes('?')) return;
  const arg = scan(rest.slice(op.length), opts);
  const literal = [arg.literal, ...arg.defaults].join('');
  if (literal !== '') out.defaults.push(literal);
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const isSetting = (s: string): boolean => NOT_SECRET_VALUE.test(s.trim()) || PATH_VALUE.test(s.trim());

/**
 * Verdicts by value as written, plain and shell (`command:` words): the same values recur across
 * every stack, and several rules ask about each.
 */
const problems = [new Map<string, SecretValueProblem | null>(), new Map<string, SecretValueProblem | null>()] as const;
const urlPasswords = [new Map<string, boolean>(), new Map<string, boolean>()] as const;

/** The problem with a secret-named value as written, if any. */
export function secretValueProblem(raw: string, opts: ValueOptions = {}): SecretValueProblem | undefined {
  const memo = problems[opts.shell ? 1 : 0];
  let v = memo.get(raw);
  if (v === undefined) memo.set(raw, (v = judgeValue(raw, opts) ?? null));
  return v ?? undefined;
}

function judgeValue(raw: string, opts: ValueOptions): SecretValueProblem | undefined {
  if (raw.trim() === '') return undefined;
  const s = scan(raw, opts);
  if (s.defaults.some((d) => d.trim() !== '' && !isSetting(d))) return 'default';
  if (s.refs > 0) return undefined;
  return isSetting(s.literal) ? undefined : 'literal';
}

/** Whether a value embeds a URL whose userinfo holds a literal (or defaulted) password. */
export function hasUrlPassword(raw: string, opts: ValueOptions = {}): boolean {
  if (!raw.includes('://')) return false;
  const memo = urlPasswords[opts.shell ? 1 : 0];
  let v = memo.get(raw);
  if (v === undefined) memo.set(raw, (v = judgeUrl(raw, opts)));
  return v;
}

function judgeUrl(raw: string, opts: ValueOptions): boolean {
  for (const m of raw.matchAll(URL_USERINFO)) {
    const s = scan(m[1]!, opts);
    if (s.defaults.some((d) => d.trim() !== '') || (s.refs === 0 && s.literal !== '')) return true;
  }
  return false;
}
