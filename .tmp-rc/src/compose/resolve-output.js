import path from 'node:path';
import { parsePortShort, splitVolume, toMap } from './merge.js';
import { splitWords } from './words.js';
import { get, isMap, isScalar, isSeq, str, toJS } from './ynode.js';
/**
 * Turns a merged, interpolated stack into the plain object `docker compose config` (Compose v2)
 * prints: long-form ports, volumes and depends_on, environment as a map with env files read in,
 * absolute build contexts and bind sources, the project `name`, default network and resource
 * names, and `$` written back as `$$`.
 */
export function resolveOutput(root, opts) {
    const name = projectName(root, opts.projectDir);
    const out = { name };
    const services = {};
    let usesDefault = false;
    const svcNode = get(root, 'services');
    if (isMap(svcNode)) {
        for (const p of [...svcNode.pairs].sort((a, b) => cmp(a.key, b.key))) {
            if (!isMap(p.value))
                continue;
            const s = service(p.value, opts);
            if (s.networks && typeof s.networks === 'object' && 'default' in s.networks)
                usesDefault = true;
            services[p.key] = s;
        }
    }
    out.services = services;
    const networks = declared(get(root, 'networks'), name, opts);
    if (usesDefault && !('default' in networks))
        networks.default = { name: `${name}_default` };
    if (Object.keys(networks).length)
        out.networks = sortKeys(networks);
    for (const key of ['volumes', 'secrets', 'configs']) {
        const d = declared(get(root, key), name, opts, key === 'volumes');
        if (Object.keys(d).length)
            out[key] = sortKeys(d);
    }
    for (const p of root.pairs)
        if (p.key.startsWith('x-'))
            out[p.key] = toJS(p.value);
    return escapeDollars(out);
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function sortKeys(o) {
    return Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));
}
/** `name:` or the project folder's name, lower-cased, keeping `[a-z0-9_-]`, as Compose does. */
export function projectName(root, projectDir) {
    const explicit = str(get(root, 'name'));
    if (explicit)
        return explicit;
    return path.basename(projectDir).toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
}
const abs = (p, dir) => {
    if (p.startsWith('~'))
        return p;
    return path.resolve(dir, p);
};
const isRemote = (s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@');
function declared(node, project, opts, named = true) {
    const out = {};
    if (!isMap(node))
        return out;
    for (const p of node.pairs) {
        const v = isMap(p.value) ? ({ ...toJS(p.value) }) : {};
        const ext = v.external;
        if (ext === true || (ext && typeof ext === 'object')) {
            if (!v.name)
                v.name = ext.name ?? p.key;
            v.external = true;
        }
        else if (named && !v.name)
            v.name = `${project}_${p.key}`;
        if (typeof v.file === 'string')
            v.file = abs(v.file, opts.projectDir);
        out[p.key] = v;
    }
    return out;
}
/** Per-key normalisers for a service; keys not listed pass through as written. */
const SERVICE_KEYS = {
    build: (n, o) => build(n, o),
    command: (n) => commandList(n),
    entrypoint: (n) => commandList(n),
    ports: (n) => (isSeq(n) ? n.items.flatMap(port) : toJS(n)),
    expose: (n) => (isSeq(n) ? n.items.map((i) => String(toJS(i))) : toJS(n)),
    volumes: (n, o) => (isSeq(n) ? n.items.map((i) => volume(i, o)) : toJS(n)),
    depends_on: (n) => dependsOn(n),
    labels: (n) => stringMap(n),
    annotations: (n) => stringMap(n),
    sysctls: (n) => stringMap(n),
    extra_hosts: (n) => extraHosts(n),
    healthcheck: (n) => healthcheck(n),
    networks: (n) => (isSeq(n) ? Object.fromEntries(n.items.map((i) => [str(i), null])) : toJS(n)),
    secrets: (n) => (isSeq(n) ? n.items.map(mountRef) : toJS(n)),
    configs: (n) => (isSeq(n) ? n.items.map(mountRef) : toJS(n)),
    dns: (n) => list(n),
    dns_search: (n) => list(n),
    tmpfs: (n) => list(n),
};
function service(node, opts) {
    const out = {};
    for (const p of node.pairs) {
        if (p.key === 'env_file' || p.key === 'environment')
            continue;
        const f = SERVICE_KEYS[p.key];
        out[p.key] = f ? f(p.value, opts) : toJS(p.value);
    }
    const env = environment(node, opts);
    if (env)
        out.environment = env;
    if (out.networks === undefined && out.network_mode === undefined)
        out.networks = { default: null };
    return sortKeys(out);
}
/** env_file values first, then `environment` over them; values are strings or null. */
function environment(node, opts) {
    const envFile = get(node, 'env_file');
    const envNode = get(node, 'environment');
    if (!envFile && !envNode)
        return undefined;
    const out = {};
    for (const item of envFile ? list(envFile) : []) {
        const spec = item && typeof item === 'object' ? item : { path: item };
        const file = abs(String(spec.path), opts.projectDir);
        const values = opts.readEnvFile?.(file, opts.env, spec.required !== false);
        if (values)
            Object.assign(out, values);
    }
    Object.assign(out, stringMap(envNode, null) ?? {});
    return sortKeys(out);
}
/** A list or map of `KEY=VALUE` as a map of strings; `KEY` alone gets `missing` (null for environment). */
function stringMap(n, missing = '') {
    if (!n)
        return undefined;
    const m = toMap(n);
    if (!m)
        return toJS(n);
    const out = {};
    for (const p of m.pairs) {
        const v = isScalar(p.value) ? p.value.value : toJS(p.value);
        out[p.key] = v === null ? missing : typeof v === 'object' ? v : String(v);
    }
    return out;
}
function list(n) {
    return isSeq(n) ? n.items.map(toJS) : isScalar(n) && n.value === null ? [] : [toJS(n)];
}
function commandList(n) {
    if (isScalar(n) && typeof n.value === 'string')
        return splitWords(n.value);
    return toJS(n);
}
function build(n, opts) {
    const b = isScalar(n) ? { context: str(n) } : { ...toJS(n) };
    const context = typeof b.context === 'string' ? b.context : '.';
    b.context = isRemote(context) ? context : abs(context, opts.projectDir);
    if (b.dockerfile === undefined && b.dockerfile_inline === undefined)
        b.dockerfile = 'Dockerfile';
    const args = isMap(n) ? get(n, 'args') : undefined;
    if (args)
        b.args = stringMap(args, null);
    const labels = isMap(n) ? get(n, 'labels') : undefined;
    if (labels)
        b.labels = stringMap(labels);
    return sortKeys(b);
}
/** Ports in long form; a short range (`8000-8001:80-81`) becomes one entry per port. */
function port(n) {
    if (isMap(n)) {
        const p = toJS(n);
        const out = { mode: p.mode ?? 'ingress', target: Number(p.target) };
        if (p.host_ip !== undefined)
            out.host_ip = p.host_ip;
        if (p.published !== undefined && p.published !== null)
            out.published = String(p.published);
        out.protocol = p.protocol ?? 'tcp';
        if (p.app_protocol !== undefined)
            out.app_protocol = p.app_protocol;
        if (p.name !== undefined)
            out.name = p.name;
        return [out];
    }
    const s = str(n);
    const parsed = s === undefined ? undefined : parsePortShort(s);
    if (!parsed)
        return [toJS(n)];
    const targets = range(parsed.target);
    const published = parsed.published === undefined ? undefined : range(parsed.published);
    return targets.map((t, i) => {
        const out = { mode: 'ingress' };
        if (parsed.hostIp)
            out.host_ip = parsed.hostIp;
        out.target = t;
        if (published)
            out.published = String(published.length === targets.length ? published[i] : parsed.published);
        out.protocol = parsed.protocol;
        return out;
    });
}
function range(s) {
    const m = /^(\d+)-(\d+)$/.exec(s);
    if (!m)
        return [Number(s)];
    const out = [];
    for (let i = Number(m[1]); i <= Number(m[2]) && out.length < 65536; i++)
        out.push(i);
    return out;
}
function volume(n, opts) {
    if (isMap(n)) {
        const v = { ...toJS(n) };
        if (v.type === 'bind' && typeof v.source === 'string') {
            v.source = abs(v.source, opts.projectDir);
            v.bind = { create_host_path: true, ...(v.bind ?? {}) };
        }
        if (v.type === 'volume' && v.volume === undefined)
            v.volume = {};
        return v;
    }
    const s = str(n) ?? '';
    const parts = splitVolume(s);
    if (parts.length === 1)
        return { type: 'volume', target: parts[0], volume: {} };
    const [source, target, mode = ''] = parts;
    const modes = mode.split(',').filter(Boolean);
    const isPath = /^[./~]/.test(source) || /^[A-Za-z]:[\\/]/.test(source);
    const out = { type: isPath ? 'bind' : 'volume', source: isPath ? abs(source, opts.projectDir) : source, target };
    if (modes.includes('ro'))
        out.read_only = true;
    if (isPath) {
        const bind = { create_host_path: true };
        const selinux = modes.find((m) => m === 'z' || m === 'Z');
        if (selinux)
            bind.selinux = selinux;
        const propagation = modes.find((m) => /^r?(shared|slave|private)$/.test(m));
        if (propagation)
            bind.propagation = propagation;
        out.bind = bind;
    }
    else
        out.volume = modes.includes('nocopy') ? { nocopy: true } : {};
    return out;
}
function dependsOn(n) {
    const defaults = { condition: 'service_started', required: true };
    if (isSeq(n))
        return Object.fromEntries(n.items.map((i) => [str(i), { ...defaults }]));
    if (!isMap(n))
        return toJS(n);
    return Object.fromEntries(n.pairs.map((p) => [p.key, { ...defaults, ...(isMap(p.value) ? toJS(p.value) : {}) }]));
}
function extraHosts(n) {
    if (isMap(n)) {
        return n.pairs.flatMap((p) => (isSeq(p.value) ? p.value.items.map((i) => `${p.key}=${str(i)}`) : [`${p.key}=${str(p.value)}`]));
    }
    const m = toMap(n, (s) => {
        const eq = s.indexOf('=');
        const sep = eq !== -1 ? eq : s.indexOf(':');
        return sep === -1 ? [s, undefined] : [s.slice(0, sep), s.slice(sep + 1)];
    });
    return m ? m.pairs.map((p) => `${p.key}=${str(p.value) ?? ''}`) : toJS(n);
}
function healthcheck(n) {
    const h = toJS(n);
    if (!h || typeof h !== 'object' || Array.isArray(h))
        return h;
    const o = { ...h };
    if (typeof o.test === 'string')
        o.test = ['CMD-SHELL', o.test];
    return o;
}
function mountRef(n) {
    return isScalar(n) ? { source: str(n) } : toJS(n);
}
/** Compose prints `$` as `$$` so the output can be fed back to it unchanged. */
function escapeDollars(v) {
    if (typeof v === 'string')
        return v.includes('$') ? v.replaceAll('$', '$$$$') : v;
    if (Array.isArray(v))
        return v.map(escapeDollars);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeDollars(x)]));
    return v;
}
