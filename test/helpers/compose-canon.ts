import { parsePortShort, splitVolume } from '../../src/compose/merge.js';
import { splitWords } from '../../src/compose/words.js';

/**
 * The canonical form `ragcheck resolve --format json` and Debian's docker-compose 1.29.2 are
 * compared in (test/resolve-oracle.test.ts, test/init/templates.test.ts): v2's and v1's shapes
 * of the same thing made one, nothing else.
 */
type Obj = Record<string, unknown>;

const SET_LIKE = ['cap_add', 'cap_drop', 'dns', 'dns_search', 'expose', 'external_links', 'profiles', 'security_opt', 'tmpfs'];

function portString(p: unknown): string {
  if (typeof p === 'string' || typeof p === 'number') {
    const s = parsePortShort(String(p))!;
    return `${s.hostIp ?? ''}:${s.published ?? ''}:${s.target}/${s.protocol}`;
  }
  const o = p as Obj;
  return `${o.host_ip ?? ''}:${o.published ?? ''}:${o.target}/${o.protocol ?? 'tcp'}${o.mode === 'host' ? ' host' : ''}`;
}

function volumeCanon(v: unknown): Obj {
  if (typeof v === 'string') {
    const parts = splitVolume(v);
    if (parts.length === 1) return { type: 'volume', target: parts[0], read_only: false };
    const isPath = /^[./~]/.test(parts[0]!);
    return { type: isPath ? 'bind' : 'volume', source: parts[0], target: parts[1], read_only: (parts[2] ?? '').split(',').includes('ro') };
  }
  const o = v as Obj;
  return { type: o.type, ...(o.source !== undefined && { source: o.source }), target: o.target, read_only: o.read_only === true };
}

function canonService(s: Obj): Obj {
  const o: Obj = { ...s };
  if (o.ports) o.ports = (o.ports as unknown[]).map(portString).sort();
  if (o.volumes) o.volumes = (o.volumes as unknown[]).map(volumeCanon).sort((a, b) => String(a.target).localeCompare(String(b.target)));
  for (const k of ['command', 'entrypoint']) if (typeof o[k] === 'string') o[k] = splitWords(o[k] as string);
  if (o.healthcheck && typeof (o.healthcheck as Obj).test === 'string') o.healthcheck = { ...(o.healthcheck as Obj), test: ['CMD-SHELL', (o.healthcheck as Obj).test] };
  if (o.depends_on) o.depends_on = Object.fromEntries(Object.entries(o.depends_on as Obj).map(([k, v]) => [k, { ...(v as Obj), required: undefined }]));
  if (o.build && (o.build as Obj).dockerfile === 'Dockerfile') o.build = { ...(o.build as Obj), dockerfile: undefined };
  const buildArgs = (o.build as Obj | undefined)?.args as Obj | undefined;
  if (buildArgs) o.build = { ...(o.build as Obj), args: Object.fromEntries(Object.entries(buildArgs).map(([k, v]) => [k, v ?? ''])) };
  if (o.extra_hosts) {
    const eh = o.extra_hosts;
    const list = Array.isArray(eh) ? (eh as string[]) : Object.entries(eh as Obj).map(([k, v]) => `${k}=${v}`);
    o.extra_hosts = list.map((h) => (h.includes('=') ? h : h.replace(':', '='))).sort();
  }
  for (const k of SET_LIKE) if (o[k] !== undefined) o[k] = ([] as unknown[]).concat(o[k]).map(String).sort();
  if (o.networks) {
    const n = { ...(o.networks as Obj) };
    delete n.default;
    o.networks = Object.keys(n).length ? n : undefined;
  }
  return JSON.parse(JSON.stringify(o)) as Obj;
}

export function canon(out: Obj): Obj {
  const services = Object.fromEntries(Object.entries((out.services as Obj) ?? {}).map(([k, v]) => [k, canonService(v as Obj)]));
  const res: Obj = { services };
  const project = out.name as string | undefined;
  for (const key of ['volumes', 'networks', 'secrets', 'configs']) {
    const decl = { ...((out[key] as Obj) ?? {}) };
    if (key === 'networks') delete decl.default;
    for (const [k, v] of Object.entries(decl)) {
      const d = { ...((v as Obj) ?? {}) };
      if (project && d.name === `${project}_${k}`) delete d.name;
      decl[k] = d;
    }
    if (Object.keys(decl).length) res[key] = decl;
  }
  return res;
}
