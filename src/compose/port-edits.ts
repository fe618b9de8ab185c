import type { Edit } from '../engine/types.js';
import type { SourceFile } from '../source/source-file.js';
import { appendPairEdit, replaceScalarEdit } from './map-edits.js';
import type { PortEntry } from './ports.js';
import { replaceAt, scalarMapper, scalarText } from './yaml-scalar.js';
import { getPair, isMap, isScalar } from './ynode.js';

const LOCALHOST = '127.0.0.1';

/**
 * An edit binding a published port to 127.0.0.1: a host IP written before a short entry
 * (see bindLocalhostEdit), or `host_ip: 127.0.0.1` added to a long one. With `replace`, a host
 * IP already written (`0.0.0.0:`, `host_ip: 0.0.0.0`) is replaced too: for ports that must not
 * face the network whatever was chosen.
 */
export function bindLocalhostAnyEdit(port: PortEntry, sources: ReadonlyMap<string, SourceFile>, replace = false): Edit | undefined {
  const node = port.node;
  const file = sources.get(node.span.file);
  if (!file) return undefined;
  if (port.hostIp === undefined || port.hostIp === '') {
    if (port.short) return bindLocalhostEdit(port, file);
    return isMap(node) && !getPair(node, 'host_ip') ? appendPairEdit(node, 'host_ip', LOCALHOST, file) : undefined;
  }
  if (!replace) return undefined;
  if (isMap(node)) {
    const ip = getPair(node, 'host_ip');
    return ip && isScalar(ip.value) ? replaceScalarEdit(ip.value, LOCALHOST, file) : undefined;
  }
  if (!isScalar(node) || node.raw !== undefined) return undefined;
  // The host IP leads the entry, bracketed when it is IPv6 (`[::]:6379:6379`).
  const text = scalarText(node);
  const written = text.startsWith('[') ? `[${port.hostIp}]` : port.hostIp;
  if (!text.startsWith(`${written}:`)) return undefined;
  return replaceAt(file, scalarMapper(node, file), 0, written, LOCALHOST);
}

/**
 * An edit that binds a short-syntax entry to 127.0.0.1 (`"8080:80"` → `"127.0.0.1:8080:80"`),
 * or undefined when the entry cannot be edited in place (variables, escapes).
 */
function bindLocalhostEdit(port: PortEntry, file: SourceFile): Edit | undefined {
  const node = port.node;
  // Only entries with no host IP; an empty one (`:8080:80`) is left as written.
  if (port.hostIp !== undefined || !isScalar(node) || node.raw !== undefined) return undefined;
  const text = String(node.value);
  const [at] = scalarMapper(node, file)(0, 0);
  if (file.text.slice(at, at + text.length) !== text) return undefined;
  return { file: file.path, start: at, end: at, text: port.published ? '127.0.0.1:' : '127.0.0.1::' };
}
