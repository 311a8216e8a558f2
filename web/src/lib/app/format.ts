/**
 * The one way the app says dates, times, durations, numbers and counts: Intl in the person's
 * locale (the browser's), so "1 exercise" / "2 exercises", "yesterday", "1 min 30 s" read the
 * same on every screen. Pure functions; the locale can be passed for tests.
 */
const defaultLocale = (): string => (typeof navigator !== 'undefined' && navigator.language) || 'en';

/**
 * Intl formatters are slow to build and cheap to use: one per locale and options, kept. A list
 * page formats hundreds of days, and building a formatter for each was the largest self time of
 * the client's page when a session arrived (bench/README.md).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();
function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(kind: string, locale: string, options: object, make: () => F): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) => kept('dt', locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => kept('nf', locale, options, () => new Intl.NumberFormat(locale, options));

/** A calendar day 'YYYY-MM-DD' as a date (no time zone shift: days are local days). */
const dayDate = (day: string) => new Date(`${day.slice(0, 10)}T12:00:00`);

/** "Sun, 6 Dec 2026" (en-GB), "Sun, Dec 6, 2026" (en-US): the locale orders the parts. */
export function formatDay(day: string, locale = defaultLocale()): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(dayDate(day));
}

/** "Sun, 6 Dec" — within a list of this year's days the year is noise. */
export function formatDayShort(day: string, locale = defaultLocale()): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(dayDate(day));
}

/** "Sunday 6 December 2026" for a page's heading. */
export function formatDayLong(day: string, locale = defaultLocale()): string {
  return dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayDate(day));
}

/** An instant with its time: "Sun, 6 Dec, 14:05". */
export function formatWhen(iso: string, locale = defaultLocale()): string {
  return dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A time of day: "14:05" / "2:05 PM". */
export function formatTime(iso: string | number, locale = defaultLocale()): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "yesterday", "3 days ago", "in 2 weeks", "just now". */
export function formatRelative(iso: string, now: Date = new Date(), locale = defaultLocale()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const rtf = kept('rtf', locale, { numeric: 'auto' }, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  return rtf.format(0, 'minute');
}

/** Seconds as "1 min 30 sec", "45 sec", "1 hr 5 min" (narrow units of the locale). */
export function formatDuration(totalSeconds: number, locale = defaultLocale()): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts: [string, number][] = [['hour', Math.floor(s / 3600)], ['minute', Math.floor((s % 3600) / 60)], ['second', s % 60]];
  const shown = parts.filter(([, n]) => n > 0);
  if (shown.length === 0) shown.push(['second', 0]);
  return shown.map(([unit, n]) => numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n)).join(' ');
}

export function formatNumber(n: number, locale = defaultLocale(), options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { maximumFractionDigits: 1, ...options }).format(n);
}

export function formatPercent(whole: number, locale = defaultLocale()): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(whole / 100);
}

/** "1 exercise", "2 exercises": the plural rule of the locale picks the form. */
export function formatCount(n: number, forms: { one: string; other: string }, locale = defaultLocale()): string {
  const rule = kept('pr', locale, {}, () => new Intl.PluralRules(locale)).select(n);
  return `${formatNumber(n, locale)} ${rule === 'one' ? forms.one : forms.other}`;
}

export type WeightUnit = 'kg' | 'lb';
const LB_PER_KG = 2.2046226218;

/** A load stored in `from` (as entered) shown in the person's unit, converted when they differ. */
export function formatWeight(value: number, from: WeightUnit, to: WeightUnit = from, locale = defaultLocale()): string {
  // As entered, a load keeps its quarter-kilo plates (31.25 kg); a converted one is rounded to a tenth.
  if (from === to) return `${formatNumber(value, locale, { maximumFractionDigits: 2 })} ${to}`;
  const v = from === 'kg' ? value * LB_PER_KG : value / LB_PER_KG;
  return `${formatNumber(v, locale)} ${to}`;
}

const LOAD_IN_TEXT = /(\d+(?:[.,]\d+)?)\s*(kgs?|kilos?|lbs?|pounds?)(?![a-z])/gi;

/**
 * Free text that names loads ("60 kg", a recommendation's "Increase Squat to 135 lb") with every
 * load in the person's unit: prescriptions and recommendations are stored as typed, so this
 * is the only place they can be converted. Text without a unit ("BW", "70% 1RM", a bare "60")
 * is left as written: a bare number means the writer's unit, which the reader cannot know.
 */
export function weightsInText(text: string, to: WeightUnit, locale = defaultLocale()): string {
  return text.replace(LOAD_IN_TEXT, (whole, num: string, word: string) => {
    const from: WeightUnit = word.toLowerCase().startsWith('k') ? 'kg' : 'lb';
    return from === to ? whole : formatWeight(Number(num.replace(',', '.')), from, to, locale);
  });
}
