import type { Diagnostic } from '../engine/types.js';

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  // Indexed: this runs once or twice a run, so mostly unoptimised, where for-of allocates a
  // result object per step (tens of thousands of findings).
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.infos++;
    if (d.fix) s.fixable++;
  }
  return s;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function problemCounts(s: Summary): string {
  return `${plural(s.errors + s.warnings + s.infos, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')})`;
}
