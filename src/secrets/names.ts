/**
 * Which names (environment keys, build args, command-line options) hold secrets. Names are
 * split into upper-case tokens (`webuiSecretKey`, `WEBUI_SECRET_KEY`, `--secret-key` alike)
 * and matched against the tables below.
 */

/** Tokens that make a name secret-looking wherever they stand. */
const SECRET_TOKENS = new Set([
  'PASS', 'PWD', 'PW', 'SECRET', 'SECRETS', 'TOKEN', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY', 'SECRETKEY',
  'ACCESSKEY', 'PRIVATEKEY', 'AUTHTOKEN', 'ACCESSTOKEN', 'REQUIREPASS', 'MASTERAUTH', 'DBPASS',
]);
/** Token shapes that do the same (`PGPASSWORD`, `CLIENTSECRET`, `HFTOKEN`). */
const SECRET_TOKEN_PATTERNS: readonly RegExp[] = [/PASSWORD/, /PASSWD/, /PASSPHRASE/, /SECRET$/, /TOKEN$/, /APIKEY$/];
/** `KEY` is secret only after one of these (`API_KEY`, `MASTER_KEY`; not `SSH_KEY_PATH`…). */
const KEY_QUALIFIERS = new Set([
  'API', 'ACCESS', 'PRIVATE', 'SECRET', 'ENCRYPTION', 'ENCRYPT', 'CRYPT', 'SIGNING', 'SIGN', 'MASTER', 'AUTH',
  'LICENSE', 'SERVICE', 'ADMIN', 'SESSION', 'CLIENT', 'APP', 'JWT', 'WEBHOOK', 'HMAC',
]);
/** A final `AUTH` holds credentials (`NEO4J_AUTH=neo4j/pass`, `BASIC_AUTH`). */
const SECRET_LAST = new Set(['AUTH']);
/**
 * A last token saying the value is about the secret, not the secret itself: where it lives,
 * who provides it, how long it lasts, whether it is on.
 */
const NOT_SECRET_LAST = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'LOCATION', 'PROVIDER', 'BACKEND', 'STORE', 'STORAGE', 'CLASS', 'MODULE', 'STRATEGY',
  'URL', 'URI', 'ENDPOINT', 'HOST', 'HOSTNAME', 'PORT', 'USER', 'USERNAME', 'NAME', 'ID', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES', 'REGION',
  'TYPE', 'MODE', 'METHOD', 'ALGORITHM', 'ALG', 'FORMAT', 'VERSION', 'POLICY', 'PREFIX', 'HEADER', 'FIELD', 'PARAM', 'ENV', 'VAR',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'ALLOWED',
  'LENGTH', 'LEN', 'MIN', 'MAX', 'SIZE', 'COUNT', 'LIMIT', 'BUDGET', 'THRESHOLD', 'ROUNDS', 'WINDOW',
  'EXPIRY', 'EXPIRE', 'EXPIRES', 'EXPIRATION', 'TTL', 'TIMEOUT', 'LIFETIME', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'MS',
]);
/** A first token saying the name is a setting about secrets (`MAX_TOKEN`, `ENABLE_PASSWORD_AUTH`). */
const NOT_SECRET_FIRST = new Set(['MAX', 'MIN', 'NUM', 'ENABLE', 'DISABLE', 'USE', 'ALLOW']);

/** `webuiSecretKey` / `WEBUI__SECRET-KEY` / `--secret-key` → `['WEBUI', 'SECRET', 'KEY']`. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toUpperCase());
}

const verdicts = new Map<string, boolean>();

/** Whether a key or option name looks like it holds a secret value (memoised: names repeat). */
export function isSecretName(name: string): boolean {
  let v = verdicts.get(name);
  if (v === undefined) {
    v = judgeName(name);
    verdicts.set(name, v);
  }
  return v;
}

function judgeName(name: string): boolean {
  const tokens = nameTokens(name);
  const last = tokens[tokens.length - 1];
  if (!last || NOT_SECRET_LAST.has(last) || NOT_SECRET_FIRST.has(tokens[0]!)) return false;
  if (SECRET_LAST.has(last)) return true;
  return tokens.some(
    (t, i) =>
      SECRET_TOKENS.has(t) ||
      SECRET_TOKEN_PATTERNS.some((p) => p.test(t)) ||
      ((t === 'KEY' || t === 'KEYS') && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1]!)),
  );
}
