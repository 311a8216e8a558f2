import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Both themes meet WCAG AA: every text colour role against every surface it is drawn on, read
// from the tokens file itself, so a changed token that breaks contrast fails here.
const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
const tokens = new Map<string, { light: string; dark: string }>();
for (const m of css.matchAll(/--color-([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) tokens.set(m[1]!, { light: m[2]!, dark: m[3]! });

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const surfaces = ['bg', 'surface', 'surface-2'];
// [text, background, minimum ratio]: 4.5 for text, 3 for focus rings and control borders.
const pairs: [string, string, number][] = [
  ...['on-surface', 'muted', 'primary', 'danger', 'warning', 'success', 'info'].flatMap((fg) => surfaces.map((bg): [string, string, number] => [fg, bg, 4.5])),
  ['on-primary', 'primary', 4.5],
  ['on-danger', 'danger', 4.5],
  ['on-primary-surface', 'primary-surface', 4.5],
  ['primary', 'primary-surface', 4.5],
  ['on-danger-surface', 'danger-surface', 4.5],
  ['danger', 'danger-surface', 4.5],
  ['on-warning-surface', 'warning-surface', 4.5],
  ['warning', 'warning-surface', 4.5],
  ['on-success-surface', 'success-surface', 4.5],
  ['success', 'success-surface', 4.5],
  ['on-info-surface', 'info-surface', 4.5],
  ['info', 'info-surface', 4.5],
  ['muted', 'primary-surface', 4.5],
  ['on-surface', 'primary-surface', 4.5],
  ...surfaces.map((bg): [string, string, number] => ['focus', bg, 3]),
  ...surfaces.map((bg): [string, string, number] => ['outline-strong', bg, 3]),
  ...[1, 2, 3, 4, 5].map((n): [string, string, number] => [`chart-${n}`, 'surface', 3]),
];

describe('design tokens', () => {
  it('defines every role in both themes', () => {
    for (const [fg, bg] of pairs) {
      expect(tokens.has(fg), fg).toBe(true);
      expect(tokens.has(bg), bg).toBe(true);
    }
  });
  it.each(pairs.flatMap(([fg, bg, min]) => (['light', 'dark'] as const).map((theme) => ({ fg, bg, min, theme }))))(
    '$fg on $bg in $theme reaches $min:1',
    ({ fg, bg, min, theme }) => {
      expect(contrast(tokens.get(fg)![theme], tokens.get(bg)![theme])).toBeGreaterThanOrEqual(min);
    },
  );
  it('computes the WCAG ratio (black on white is 21:1, equal colours 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});
