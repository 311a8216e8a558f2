// With the u flag a surrogate pair is one code point; only a lone surrogate is in Cs.
const notText = /\p{Cs}|\u0000/u;
const wellFormed = (s: string) => !notText.test(s);

/**
 * Where in a parsed JSON body a string is not text a store keeps as sent, as a path like
 * `[0].newDocumentState.title`; null when all text is valid. A lone UTF-16 surrogate (JSON's
 * \u escapes allow one) would be stored as U+FFFD: not what was sent, yet answered as
 * accepted. A NUL character (U+0000) cannot be stored in PostgreSQL's text at all, while
 * SQLite would keep it: refused on both, so both stores answer alike. A 400 (errors.ts, app.ts).
 */
export function illFormedTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return wellFormed(value) ? null : path || '(the body)';
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = illFormedTextAt(value[i], `${path}[${i}]`);
      if (at) return at;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (!wellFormed(key)) return here;
    const at = illFormedTextAt(v, here);
    if (at) return at;
  }
  return null;
}
