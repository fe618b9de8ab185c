/** A lookup failure whose message is the one-line reason shown to the user. */
export class RegistryError extends Error {
  override name = 'RegistryError';
}

/** Words for the system errors a lookup meets most; the code stays in the text for searching. */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not name this host',
};

/** The message of any thrown value, on one line; fetch's `cause` (e.g. `ECONNREFUSED`) is what says why. */
export function oneLine(err: unknown): string {
  if (err instanceof RegistryError) return err.message;
  const e = err as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const text = code ? (NETWORK_ERRORS[code] ? `${code}: ${NETWORK_ERRORS[code]}` : code) : String(e?.cause?.message ?? e?.message ?? err);
  return text.replace(/\s+/g, ' ').trim();
}
