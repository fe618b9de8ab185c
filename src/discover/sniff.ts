import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Cheap looks at a file's first bytes, so discovery can tell a Compose file from a GitHub
 * workflow or a Kubernetes manifest without a YAML parse. Top-level keys sit at column 0 in
 * block YAML; that is all these functions rely on.
 */

/** How much of a file is read. Compose files put `services:` / `include:` near the top. */
export const HEAD_BYTES = 16 * 1024;

const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

export interface Head {
  /** The text read, BOM included; cut at the last line break when the file goes on. */
  text: string;
  /** The whole file was read: `text` is its full content. */
  complete: boolean;
}

/**
 * The file's first HEAD_BYTES, or undefined when it is binary or unreadable. Synchronous on
 * purpose: on a warm page cache (a fresh checkout) a sync open/read/close is about five times
 * faster than the promise API, which pays a thread-pool hop and a FileHandle per file.
 */
export function readHead(abs: string): Head | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const bytesRead = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
    const bytes = headBuffer.subarray(0, bytesRead);
    if (bytes.includes(0)) return undefined; // binary
    const complete = bytesRead < HEAD_BYTES;
    const text = bytes.toString('utf8');
    // A cut-off last line could look like a shorter key; drop it when the file goes on.
    return { text: complete ? text : text.slice(0, text.lastIndexOf('\n') + 1), complete };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface TopLevelKey {
  key: string;
  /** The rest of the line after the colon, comment removed, trimmed. */
  value: string;
  /** Index of the key's line in `lines`. */
  line: number;
}

const KEY_LINE = /^("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_$][^:#]*?)\s*:(?:\s+(.*))?$/;

function topLevelKeys(lines: string[]): TopLevelKey[] {
  if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1);
  const keys: TopLevelKey[] = [];
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('---') || line.startsWith('...')) {
      if (started) break; // a second document is not this file's top level
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m) continue;
    started = true;
    keys.push({ key: unquote(m[1]!), value: stripComment(m[2] ?? ''), line: i });
  }
  return keys;
}

/** Top-level keys that mark YAML as something other than Compose: Kubernetes, GitHub Actions. */
const FOREIGN_KEYS = new Set(['apiVersion', 'kind', 'jobs', 'on']);

/** A `services:` mapping at the top level, and none of the keys other formats are known by. */
export function looksLikeCompose(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const keys = topLevelKeys(lines);
  if (keys.some((k) => FOREIGN_KEYS.has(k.key))) return false;
  const services = keys.find((k) => k.key === 'services');
  return services !== undefined && isMappingValue(services, lines);
}

function isMappingValue(k: TopLevelKey, lines: string[]): boolean {
  const inline = k.value.replace(/^&\S+\s*/, '');
  if (inline !== '') return inline.startsWith('{');
  for (let i = k.line + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    // Indented and not a list item: the block mapping of services.
    return /^\s/.test(line) && !trimmed.startsWith('-');
  }
  return false;
}

/** Dockerfile content under another name: the first instruction is FROM, or ARGs then FROM. */
export function looksLikeDockerfile(text: string): boolean {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/^FROM\s/i.test(line)) return true;
    if (!/^ARG\s/i.test(line)) return false;
  }
  return false;
}

/**
 * Local files a Compose file pulls in through top-level `include:` (short form `- path`, long
 * form `- path: x` or `path: [a, b]`), as written. Remote (`git@`, `https://`, `oci://`) and
 * interpolated paths are left out: they cannot be matched to files found on disk.
 */
export function includeTargets(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const include = topLevelKeys(lines).find((k) => k.key === 'include');
  if (!include) return [];
  const found: string[] = [];
  if (include.value.startsWith('[')) found.push(...flowItems(include.value));
  let itemIndent = -1; // column of the include list's `-`
  let pathColumn = -1; // column of a `path:` key whose block list is being read
  for (let i = include.line + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0 && !trimmed.startsWith('-')) break;
    const item = /^-\s+(.*)$/.exec(trimmed);
    if (pathColumn !== -1) {
      if (item && indent >= pathColumn && !isKeyLine(item[1]!)) {
        found.push(unquote(stripComment(item[1]!)));
        continue;
      }
      pathColumn = -1;
    }
    if (item && itemIndent === -1) itemIndent = indent;
    const body = item ? item[1]! : trimmed;
    const pathKey = /^path\s*:(?:\s+(.*))?$/.exec(body);
    if (pathKey) {
      const value = stripComment(pathKey[1] ?? '');
      if (value.startsWith('[')) found.push(...flowItems(value));
      else if (value !== '') found.push(unquote(value));
      else pathColumn = item ? indent + (trimmed.length - body.length) : indent;
      continue;
    }
    if (item && indent === itemIndent && !isKeyLine(body)) found.push(unquote(stripComment(body)));
  }
  return found.filter((p) => p !== '' && !p.includes('$') && !/^[a-z][\w+.-]*:\/\/|^git@/i.test(p));
}

const isKeyLine = (s: string): boolean => /^[\w-]+\s*:(\s|$)/.test(s);

function flowItems(value: string): string[] {
  const inner = stripComment(value).replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(',')
    .map((s) => unquote(s.trim()))
    .filter((s) => s !== '');
}

function stripComment(s: string): string {
  // A comment starts at ` #` outside quotes; good enough for keys and paths.
  const quoted = /^(["'])/.exec(s);
  if (quoted) {
    const close = s.indexOf(quoted[1]!, 1);
    if (close !== -1) return s.slice(0, close + 1);
  }
  const hash = s.search(/(^|\s)#/);
  return (hash === -1 ? s : s.slice(0, hash)).trim();
}

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}
