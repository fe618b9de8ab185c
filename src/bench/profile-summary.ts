/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): where the time goes by function
 * (self time), by package or source folder, and which of our own functions hold the most
 * time including their callees.
 *
 * Usage: node dist/src/bench/profile-summary.js <file.cpuprofile> [top=25]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Summary {
  totalMs: number;
  self: Map<string, number>;
  byArea: Map<string, number>;
  inclusiveOwn: Map<string, number>;
}

/** `dist/src/compose/parse.js` → `compose/parse.js`; `node_modules/yaml/…` → `yaml`. */
function area(n: ProfileNode): string {
  const { functionName, url } = n.callFrame;
  // V8's pseudo-frames: waiting on I/O, collecting garbage, unattributed VM work.
  if (functionName.startsWith('(')) return functionName;
  if (url === '') return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/dist\/(.+)$/.exec(url);
  if (own) return own[1]!.replace(/\/[^/]+$/, '/');
  if (url.startsWith('node:')) return 'node:internal';
  return url;
}

function label(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${where}`;
}

export function summarise(p: Profile): Summary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));

  const s: Summary = { totalMs: 0, self: new Map(), byArea: new Map(), inclusiveOwn: new Map() };
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const ms = us / 1000;
    s.totalMs += ms;
    add(s.self, label(n), ms);
    add(s.byArea, area(n), ms);
    // Each of our functions on the stack gets the sample once, however deep the recursion.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur)!;
      if (!OWN_CODE.test(c.callFrame.url)) continue;
      const l = label(c);
      if (seen.has(l)) continue;
      seen.add(l);
      add(s.inclusiveOwn, l, ms);
    }
  }
  return s;
}

/** Our compiled sources: the pipeline and the rules. */
const OWN_CODE = /\/dist\/(src|rules)\//;

function table(title: string, m: Map<string, number>, total: number, top: number): string {
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [title, ...rows.map(([k, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`)].join('\n');
}

function main(file: string, top: number): void {
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const out = [
    `sampled ${s.totalMs.toFixed(0)} ms`,
    '',
    table('self time by function', s.self, s.totalMs, top),
    '',
    table('self time by package / source folder', s.byArea, s.totalMs, top),
    '',
    table('ragcheck functions, time including callees', s.inclusiveOwn, s.totalMs, top),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: profile-summary <file.cpuprofile> [top]\n');
    process.exitCode = 2;
  } else {
    main(file, Number(process.argv[3] ?? 25));
  }
}
