import { parseSize } from '../budgets.js';
import type { MeasuredImage, MeasuredLayer } from './types.js';
import { parseJson, SourceError } from './types.js';

interface HistoryRow {
  CreatedBy?: unknown;
  Size?: unknown;
}

/**
 * A size as `docker history` prints it: human (`7.13GB`, `0B`, and Go's `1e+03kB` just
 * under a unit step) or, with `--human=false`, bytes.
 */
export function parseHistorySize(text: unknown): number | undefined {
  if (typeof text === 'number') return parseSize(text);
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const exp = /^(\d+(?:\.\d+)?e\+?\d+)\s*([a-z]*b)$/i.exec(t);
  return exp ? parseSize(`${Number(exp[1])}${exp[2]}`) : parseSize(t);
}

/**
 * The output of `docker history --no-trunc --format '{{json .}}'`: one JSON object per line,
 * newest first. Empty layers cannot be told from layers that add nothing, so a 0-byte step
 * counts as empty. Human sizes are rounded to three digits; `--human=false` gives bytes.
 */
export function parseDockerHistory(text: string, where: string): MeasuredImage {
  const rows: HistoryRow[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const row = parseJson(line, `${where}:${i + 1}: not a JSON line; produce it with docker history --no-trunc --format '{{json .}}'`);
    if (!row || typeof row !== 'object' || !('CreatedBy' in row) || !('Size' in row)) {
      throw new SourceError(`${where}:${i + 1}: not a docker history row (no CreatedBy or Size)`);
    }
    rows.push(row as HistoryRow);
  });
  if (!rows.length) throw new SourceError(`${where}: no docker history rows`);
  const layers = rows.reverse().map((row, i): MeasuredLayer => {
    const size = parseHistorySize(row.Size);
    if (size === undefined) throw new SourceError(`${where}:${rows.length - i}: unreadable size ${JSON.stringify(row.Size)}`);
    return { size, createdBy: typeof row.CreatedBy === 'string' ? row.CreatedBy : '', ...(size === 0 && { emptyLayer: true }) };
  });
  return { layers };
}
