import type { SpotterDatabase } from './database.ts';

/**
 * A page's last computed answer, kept on the device so the next start shows it at once while
 * the page's queries run again (docs/DESIGN.md "Offline shell"). The coach's dashboard reads
 * about a thousand documents at every start, most of a cold start's time (bench/README.md);
 * its rows are a few kilobytes. Kept as a local document of the database, so it goes with the
 * database at sign-out and never outlives the person's data. A snapshot is only a first paint:
 * the live answer replaces it as soon as it comes.
 */
export interface Snapshots {
  /** The value saved under `key`, if `accept` takes it (a snapshot of another day, person or format is not). */
  load<T>(key: string, accept: (value: unknown) => value is T): Promise<T | null>;
  save(key: string, value: unknown): Promise<void>;
}

export function createSnapshots(db: () => SpotterDatabase): Snapshots {
  const id = (key: string) => `snapshot.${key}`;
  return {
    async load<T>(key: string, accept: (value: unknown) => value is T): Promise<T | null> {
      try {
        const doc = await db().getLocal<{ value: unknown }>(id(key));
        const value = doc?.toJSON().data.value;
        return value !== undefined && accept(value) ? value : null;
      } catch {
        return null; // a closed or wiped database: no first paint, the queries answer
      }
    },
    async save(key: string, value: unknown): Promise<void> {
      try {
        await db().upsertLocal(id(key), { value });
      } catch {
        // Closed or wiped meanwhile (sign-out): nothing to keep.
      }
    },
  };
}
