import type { ChartConfiguration } from 'chart.js';

/**
 * A canvas cannot read CSS custom properties, so the token references in a chart's config
 * (`var(--color-chart-1)`, optionally `/ 0.2` for a translucent fill) become the colours the
 * current theme computes, and the axes and legend take the theme's text and outline colours.
 */
export function resolveColors(cfg: ChartConfiguration, style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): ChartConfiguration {
  const token = (name: string) => style.getPropertyValue(name).trim();
  const resolve = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const m = value.match(/^var\((--[\w-]+)\)(?:\s*\/\s*([\d.]+))?$/);
    if (!m) return value;
    const color = token(m[1]!);
    if (!m[2]) return color;
    const rgb = color.match(/\d+(\.\d+)?/g);
    return rgb && rgb.length >= 3 ? `rgba(${rgb.slice(0, 3).join(', ')}, ${m[2]})` : color;
  };
  const datasets = cfg.data.datasets.map((d) => {
    const out: Record<string, unknown> = { ...d };
    for (const key of ['borderColor', 'backgroundColor', 'pointBackgroundColor']) if (key in out) out[key] = resolve(out[key]);
    return out;
  });
  const text = token('--color-muted');
  const grid = token('--color-outline');
  const scales: Record<string, object> = {};
  for (const [id, scale] of Object.entries((cfg.options?.scales ?? {}) as Record<string, Record<string, unknown>>)) {
    scales[id] = { ...scale, ticks: { color: text }, grid: { ...(scale.grid as object), color: grid }, ...(id === 'r' ? { angleLines: { color: grid }, pointLabels: { color: text } } : {}) };
    if (scale.title) scales[id] = { ...scales[id], title: { ...(scale.title as object), color: text } };
  }
  return {
    ...cfg,
    data: { ...cfg.data, datasets },
    options: { ...cfg.options, scales, plugins: { ...cfg.options?.plugins, legend: { labels: { color: text } } } },
  } as unknown as ChartConfiguration;
}
