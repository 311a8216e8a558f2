import type { ChartConfiguration } from 'chart.js';

/**
 * Chart.js configurations built from plain numbers (type-only import: no chart.js code is
 * pulled in here). Animations are off: charts redraw whenever local data changes, and a
 * moving chart is harder to read on a phone in the gym.
 */
export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** Drawn against a second y axis on the right (e.g. 1RM next to tonnage, which is far larger). */
  right?: boolean;
}

/** Series colours are token references (tokens.css), resolved for the canvas by ChartCanvas. */
export const COLORS = [1, 2, 3, 4, 5].map((n) => `var(--color-chart-${n})`);

const base = { animation: false as const, responsive: true, maintainAspectRatio: false };

export function lineConfig(labels: string[], series: Series[], yTitle: string, y2Title?: string): ChartConfiguration<'line'> {
  const scales: Record<string, object> = { y: { beginAtZero: false, title: { display: true, text: yTitle } } };
  if (series.some((s) => s.right)) {
    scales.y1 = { position: 'right', beginAtZero: false, grid: { drawOnChartArea: false }, title: { display: true, text: y2Title ?? yTitle } };
  }
  return {
    type: 'line',
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, spanGaps: true, tension: 0.2, yAxisID: s.right ? 'y1' : 'y',
      })),
    },
    options: { ...base, scales },
  };
}

export function barConfig(labels: string[], series: Series[], yTitle: string, max?: number): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
    options: { ...base, scales: { y: { beginAtZero: true, max, title: { display: true, text: yTitle } } } },
  };
}

export function radarConfig(labels: string[], series: Series[]): ChartConfiguration<'radar'> {
  return {
    type: 'radar',
    data: {
      labels,
      datasets: series.map((s) => ({ label: s.label, data: s.values, borderColor: s.color, backgroundColor: `${s.color} / 0.2`, fill: true })),
    },
    options: { ...base, scales: { r: { beginAtZero: true } } },
  };
}
