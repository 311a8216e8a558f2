/** An instant as a person reads it in a list: "7 Dec, 08:05" (in their own time zone and language). */
export function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}
