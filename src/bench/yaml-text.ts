/**
 * Helpers that write Compose YAML as people type it (comments, both environment forms, quoted
 * ports), rather than through a serializer: the benchmark should parse what real files look like.
 */
import { jsonArray } from '../dockerfile/exec-form.js';
import type { Rng } from './prng.js';

/** Looks like a YAML 1.1 bool/null/number (PyYAML reads `8080:80` as base 60): must be quoted. */
const AMBIGUOUS = /^(true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;
const PLAIN_START = /^[A-Za-z0-9_/$.]/;

/** The value as a plain scalar when that is safe, else double-quoted. */
export function scalar(value: string): string {
  const plain = value !== '' && PLAIN_START.test(value) && !AMBIGUOUS.test(value) && !/: |\s#|:$|["'\\]/.test(value);
  return plain ? value : JSON.stringify(value);
}

export const pad = (indent: number): string => ' '.repeat(indent);

/** Lines shifted right by `indent` spaces. */
export function indentLines(indent: number, lines: readonly string[]): string[] {
  const p = pad(indent);
  return lines.map((l) => (l === '' ? l : p + l));
}

export type EnvForm = 'list' | 'map';

/** `environment:` in list form (`- K=V`) or map form (`K: V`), as a key block at `indent`. */
export function envBlock(key: string, entries: ReadonlyArray<readonly [string, string]>, form: EnvForm): string[] {
  if (form === 'list') return [`${key}:`, ...entries.map(([k, v]) => `  - ${listItem(`${k}=${v}`)}`)];
  return [`${key}:`, ...entries.map(([k, v]) => `  ${k}: ${scalar(v)}`)];
}

function listItem(text: string): string {
  return /: |\s#|^[*&!%@`{[]/.test(text) ? JSON.stringify(text) : text;
}

/** A string list (`ports:`, `volumes:`), each item quoted when YAML would misread it. */
export function listBlock(key: string, items: readonly string[], comments: ReadonlyMap<number, string> = new Map()): string[] {
  return [`${key}:`, ...items.map((item, i) => `  - ${scalar(item)}${comments.has(i) ? `  # ${comments.get(i)}` : ''}`)];
}

export interface Healthcheck {
  test: readonly string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

/** The three ways people write `test:`: exec array, CMD-SHELL array, plain string. */
export function healthcheckBlock(rng: Rng, h: Healthcheck): string[] {
  const [kind, ...rest] = h.test;
  let test: string;
  if (kind === 'CMD-SHELL' && rng.chance(0.4)) test = `test: ${scalar(rest.join(' '))}`;
  else test = `test: ${jsonArray(h.test)}`;
  const lines = ['healthcheck:', `  ${test}`];
  if (h.interval) lines.push(`  interval: ${h.interval}`);
  if (h.timeout) lines.push(`  timeout: ${h.timeout}`);
  if (h.retries !== undefined) lines.push(`  retries: ${h.retries}`);
  if (h.startPeriod) lines.push(`  start_period: ${h.startPeriod}`);
  return lines;
}

export interface Dependency {
  name: string;
  healthy: boolean;
}

/** Short list form, or the long form with conditions (which `service_healthy` needs). */
export function dependsOnBlock(rng: Rng, deps: readonly Dependency[]): string[] {
  if (deps.length === 0) return [];
  if (deps.every((d) => !d.healthy) && rng.chance(0.7)) return listBlock('depends_on', deps.map((d) => d.name));
  if (rng.chance(0.25)) return listBlock('depends_on', deps.map((d) => d.name));
  const lines = ['depends_on:'];
  for (const d of deps) {
    lines.push(`  ${d.name}:`, `    condition: ${d.healthy ? 'service_healthy' : 'service_started'}`);
  }
  return lines;
}

export function limitsBlock(cpus: string, memory: string, reservation?: string): string[] {
  const lines = ['deploy:', '  resources:', '    limits:', `      cpus: ${JSON.stringify(cpus)}`, `      memory: ${memory}`];
  if (reservation) lines.push('    reservations:', `      memory: ${reservation}`);
  return lines;
}

/** A service: its key at two spaces, its body at four. */
export function serviceBlock(name: string, body: readonly string[], comment?: string): string[] {
  return [...(comment ? [`  # ${comment}`] : []), `  ${name}:`, ...indentLines(4, body)];
}
