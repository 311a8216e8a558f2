import { changedPaths } from './merge.ts';

type Doc = Record<string, unknown>;

/**
 * A form's edit written over the document as stored now, not as the form last saw it: the
 * paths `edited` changed from `base` (what the form was filled from or last wrote) take the
 * edited values; every other path keeps the stored one. A coach's builder open on a phone and a
 * laptop: the phone is typing a title when the laptop's notes arrive; the phone does not refill
 * a form being typed in, and writing its whole form would put the notes back to what the phone
 * last saw (docs/DESIGN.md "The draft queue"). Paths are those of `changedPaths` (records down to
 * their keys, lists whole).
 */
export function applyEdits<T extends Doc>(stored: T, base: T, edited: T): T {
  const out = structuredClone(stored) as Doc;
  for (const path of changedPaths(base, edited)) {
    const keys = path.split('/');
    const last = keys.pop()!;
    let from: unknown = edited;
    let to = out;
    for (const key of keys) {
      from = (from as Doc)[key];
      if (typeof to[key] !== 'object' || to[key] === null || Array.isArray(to[key])) to[key] = {};
      to = to[key] as Doc;
    }
    const value = (from as Doc)[last];
    if (value === undefined) delete to[last];
    else to[last] = structuredClone(value);
  }
  return out as T;
}
