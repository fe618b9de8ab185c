/** Compose / Go durations: `90s`, `1m30s`, `1.5m`, `500ms`, `1h`. */
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') return 0;
  if (t === '') return undefined;
  PART.lastIndex = 0;
  let ms = 0;
  let read = 0;
  for (let m = PART.exec(t); m; m = PART.exec(t)) {
    ms += Number(m[1]) * UNIT_MS[m[2]!]!;
    read = PART.lastIndex;
  }
  return read === t.length ? ms : undefined;
}
