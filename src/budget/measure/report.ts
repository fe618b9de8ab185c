import type { Diagnostic } from '../../engine/types.js';
import type { Instruction } from '../../dockerfile/types.js';
import type { SourceFile } from '../../source/source-file.js';
import { formatSize, type Limit, type ResolvedBudget } from '../budgets.js';
import type { MappedLayer } from '../map-history.js';

export const RULE_ID = 'layer-budget';

/** One table row: a layer, or the base image's layers together. */
export interface Row {
  size: number;
  /** Where the row's instruction is (the FROM for the base image). */
  instruction?: Instruction;
  label: string;
  /** The layers in the row over the layer budget, with their sizes. */
  over: number[];
  base?: boolean;
}

export interface BudgetReport {
  rows: Row[];
  total: number;
  layers: number;
  budget: ResolvedBudget;
  imageOver: boolean;
  /** The FROM of the target's first stage, where base-image and whole-image findings go. */
  from?: Instruction;
}

const LABEL_WIDTH = 60;
const BAR_WIDTH = 20;

function shorten(text: string, width: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= width ? one : `${one.slice(0, width - 1)}…`;
}

function instructionLabel(i: Instruction): string {
  const flags = i.flags.map((f) => `--${f.name}${f.value === undefined ? '' : `=${f.value}`} `).join('');
  return `${i.keyword} ${flags}${i.argsText}`;
}

/** The createdBy shown when no Dockerfile instruction is known: the shell wrapper and BuildKit's mark dropped. */
function stepLabel(createdBy: string): string {
  return createdBy.replace(/\s+# buildkit\s*$/, '').replace(/^\/bin\/(?:ba)?sh -c #\(nop\)\s*/, '') || '(no history)';
}

/**
 * Groups the layers into rows (empty layers are not shown: they add nothing), checks each
 * layer against the layer budget and the total against the image budget.
 */
export function budgetReport(layers: readonly MappedLayer[], budget: ResolvedBudget, from?: Instruction): BudgetReport {
  const real = layers.filter((l) => !l.emptyLayer);
  const overLayer = (size: number): boolean => budget.layer !== undefined && size > budget.layer.bytes;
  const rows: Row[] = [];
  const base = real.filter((l) => l.base);
  if (base.length) {
    const size = base.reduce((sum, l) => sum + l.size, 0);
    const what = from ? instructionLabel(from) : 'base image';
    rows.push({ size, base: true, ...(from && { instruction: from }), label: `${what} (base image, ${base.length} layer${base.length === 1 ? '' : 's'})`, over: base.map((l) => l.size).filter(overLayer) });
  }
  for (const l of real.filter((x) => !x.base)) {
    rows.push({ size: l.size, ...(l.instruction && { instruction: l.instruction }), label: l.instruction ? instructionLabel(l.instruction) : stepLabel(l.createdBy), over: overLayer(l.size) ? [l.size] : [] });
  }
  const total = real.reduce((sum, l) => sum + l.size, 0);
  return { rows, total, layers: real.length, budget, imageOver: budget.image !== undefined && total > budget.image.bytes, ...(from && { from }) };
}

function limitText(kind: 'layer' | 'image', limit: Limit): string {
  return `${kind} budget ${formatSize(limit.bytes)} (${limit.key})`;
}

/** The table people read: size, a bar proportional to the largest row, where, what, and ✖ for a broken budget. */
export function formatTable(title: string, report: BudgetReport, file: SourceFile | undefined): string {
  const largest = Math.max(1, ...report.rows.map((r) => r.size));
  const sizes = report.rows.map((r) => formatSize(r.size));
  const sizeWidth = Math.max(4, ...sizes.map((s) => s.length));
  const places = report.rows.map((r) => (file && r.instruction ? `${file.path}:${r.instruction.span.line}` : ''));
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  const lines = [title];
  report.rows.forEach((row, i) => {
    const bar = row.size ? '█'.repeat(Math.max(1, Math.round((row.size / largest) * BAR_WIDTH))) : '';
    const mark = row.over.length && report.budget.layer ? `  ✖ over ${limitText('layer', report.budget.layer)}` : '';
    const place = placeWidth ? `${places[i]!.padEnd(placeWidth)}  ` : '';
    lines.push(`  ${sizes[i]!.padStart(sizeWidth)}  ${bar.padEnd(BAR_WIDTH)}  ${place}${shorten(row.label, LABEL_WIDTH)}${mark}`.trimEnd());
  });
  const budget = report.budget.image ? `, ${limitText('image', report.budget.image)}` : '';
  const layerBudget = report.budget.layer ? `, ${limitText('layer', report.budget.layer)}` : '';
  const verdict = report.imageOver ? '  ✖ over the image budget' : '';
  lines.push(`  ${formatSize(report.total).padStart(sizeWidth)}  total in ${report.layers} layer${report.layers === 1 ? '' : 's'}${budget}${layerBudget}${verdict}`);
  return `${lines.join('\n')}\n`;
}

/** True when anything broke its budget. */
export function overBudget(report: BudgetReport): boolean {
  return report.imageOver || report.rows.some((r) => r.over.length > 0);
}

/**
 * Over-budget layers as findings on their Dockerfile instruction (base-image layers and the
 * whole image on the FROM), for the json, sarif and github formats.
 */
export function budgetDiagnostics(report: BudgetReport, file: SourceFile, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const span = (i: Instruction | undefined) => (i ?? report.from)?.span ?? file.span(0, 0);
  for (const row of report.rows) {
    for (const size of row.over) {
      const where = row.base ? 'A base-image layer' : 'This layer';
      out.push({
        ruleId: RULE_ID,
        severity: 'error',
        message: `${where} measures ${formatSize(size)} in ${source}, over the ${limitText('layer', report.budget.layer!)}`,
        span: span(row.instruction),
      });
    }
  }
  if (report.imageOver) {
    out.push({ ruleId: RULE_ID, severity: 'error', message: `The image measures ${formatSize(report.total)} in ${source}, over the ${limitText('image', report.budget.image!)}`, span: span(report.from) });
  }
  return out;
}
