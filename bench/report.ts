/** One measured figure, as printed and written to bench/results.json. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 5000". */
  target: string;
  met: boolean | null;
  /** Extra context: samples, spread, or why the figure could not be measured. */
  note?: string;
}

/**
 * `kind` says which side of the target is good; 'info' is context without a target (e.g. the
 * two rates a ratio is made of). null value = not measured (the reason in note).
 */
export function figure(name: string, value: number | null, unit: string, kind: '<=' | '>=' | 'info', target: number, note?: string): Figure {
  const rounded = value === null ? null : round(value);
  if (kind === 'info') return { name, value: rounded, unit, target: '—', met: null, note };
  const met = value === null ? null : kind === '<=' ? value <= target : value >= target;
  return { name, value: rounded, unit, target: `${kind === '<=' ? '≤' : '≥'} ${target}`, met, note };
}

export const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p % of the samples at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [f.name, f.value === null ? '—' : String(f.value), f.unit, f.target, f.met === null ? 'n/a' : f.met ? 'yes' : 'NO']);
  const head = ['figure', 'value', 'unit', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const f of figures) if (f.note) console.log(`  · ${f.name}: ${f.note}`);
}
