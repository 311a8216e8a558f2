// With the u flag a surrogate pair is one code point; only a lone surrogate is in Cs.
const loneSurrogate = /\p{Cs}/u;
const wellFormed = (s: string) => !loneSurrogate.test(s);

/**
 * Where in a parsed JSON body a string is not well-formed Unicode (a lone UTF-16 surrogate,
 * which JSON's \u escapes allow), as a path like `[0].newDocumentState.title`; null when all
 * text is valid. SQLite would store such a string as U+FFFD: not what was sent, yet answered
 * as accepted. So it is refused with a 400 instead (errors.ts, app.ts).
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
