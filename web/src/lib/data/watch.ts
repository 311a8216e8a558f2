import type { Observable } from 'rxjs';

/**
 * Several live queries behind one page (the feature data classes): each answer is handed to
 * its setter, and `onReady` runs once every query has answered once — an empty list before
 * that means "loading", not "none". The answers are already plain JSON copies (queries.ts);
 * the classes keep the lists in `$state.raw` fields: a year of history must not be wrapped in
 * deep proxies (bench/README.md).
 */
export interface Watched {
  query: Observable<unknown[]>;
  set: (docs: unknown[]) => void;
}

/** One query and where its answers go, typed by the document kind. */
export const watch = <T>(query: Observable<T[]>, set: (docs: T[]) => void): Watched => ({ query, set: set as (docs: unknown[]) => void });

/** Subscribes every query; returns the function that stops them all. */
export function watchAll(list: readonly Watched[], onReady: () => void): () => void {
  let answered = 0;
  if (list.length === 0) onReady();
  const subs = list.map(({ query, set }) => {
    let first = true;
    return query.subscribe((docs) => {
      set(docs);
      if (first) {
        first = false;
        if (++answered === list.length) onReady();
      }
    });
  });
  return () => {
    for (const s of subs) s.unsubscribe();
  };
}
