/** The benchmark's table for people and its JSON for the README and for later comparison. */
import { median } from './measure.js';
import type { Sample } from './measure.js';

export interface Row {
  tool: string;
  /** What was linted: the whole corpus or a named subset. */
  input: string;
  files: number;
  runs: number;
  medianSeconds: number;
  medianCpuSeconds: number;
  filesPerSecond: number;
  peakRssMB: number;
  samples: number[];
}

export function toRow(tool: string, input: string, files: number, samples: readonly Sample[]): Row {
  const seconds = median(samples.map((s) => s.seconds));
  return {
    tool,
    input,
    files,
    runs: samples.length,
    medianSeconds: round(seconds, 3),
    medianCpuSeconds: round(median(samples.map((s) => s.cpuSeconds)), 3),
    filesPerSecond: round(files / seconds, 1),
    peakRssMB: round(Math.max(...samples.map((s) => s.rssMB)), 1),
    samples: samples.map((s) => round(s.seconds, 3)),
  };
}

export interface Ratio {
  name: string;
  value: number;
  /** Absent for figures measured for information only. */
  target?: string;
  met?: boolean;
  basis: string;
}

/**
 * How many times longer `slow` took than `fast`, round by round (the rows' samples come from
 * the same interleaved rounds): the median of those ratios. A slow spell of the machine that
 * spans a round lengthens both and cancels out; one that hits a single run is an outlier the
 * median drops.
 */
export function pairedRatio(slow: Row, fast: Row): number {
  return median(slow.samples.map((s, i) => s / fast.samples[i]!));
}

/** How many times slower `slow` is than `fast` per file, so different file counts compare fairly. */
export function perFileRatio(slow: Row, fast: Row): number {
  return slow.medianSeconds / slow.files / (fast.medianSeconds / fast.files);
}

export function formatTable(rows: readonly Row[], ratios: readonly Ratio[]): string {
  const head = ['tool', 'input', 'files', 'runs', 'median s', 'files/s', 'cpu s', 'peak RSS MB'];
  const body = rows.map((r) => [r.tool, r.input, String(r.files), String(r.runs), r.medianSeconds.toFixed(2), r.filesPerSecond.toFixed(1), r.medianCpuSeconds.toFixed(2), r.peakRssMB.toFixed(0)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), ''];
  for (const r of ratios) out.push(`${r.name}: ${r.value.toFixed(2)}x  (${r.target ? `target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : 'no target'}; ${r.basis})`);
  return out.join('\n');
}

export const round = (x: number, digits: number): number => Number(x.toFixed(digits));
