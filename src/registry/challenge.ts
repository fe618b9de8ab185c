/** One challenge from a `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/** RFC 7235 challenges; several may share one header, so each `scheme` starts a new one. */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let rest = header.trim();
  while (rest) {
    rest = rest.replace(/^[\s,]+/, '');
    const word = TOKEN.exec(rest)?.[0];
    if (!word) break;
    const after = rest.slice(word.length);
    if (/^\s*=/.test(after) && out.length) {
      // A parameter of the current challenge.
      rest = after.replace(/^\s*=\s*/, '');
      let value: string;
      if (rest.startsWith('"')) {
        const m = /^"((?:[^"\\]|\\.)*)"?/.exec(rest)!;
        value = m[1]!.replace(/\\(.)/g, '$1');
        rest = rest.slice(m[0].length);
      } else {
        // Lenient like Docker: an unquoted value runs to the next comma or space.
        value = /^[^\s,]*/.exec(rest)![0];
        rest = rest.slice(value.length);
      }
      out[out.length - 1]!.params[word.toLowerCase()] = value;
    } else {
      out.push({ scheme: word.toLowerCase(), params: {} });
      rest = after;
    }
  }
  return out;
}
