/**
 * The repository's sides — sign-in, Web Push, accounts, the scheduler's jobs, media — are
 * stores of their own (auth-store.ts, push-store.ts, account-store.ts, job-store.ts,
 * media-store.ts), and each repository answers their methods by handing the call to its store
 * inside `around` (SQLite: after its lock; PostgreSQL: with its errors made neutral). Written
 * once here instead of one forwarding method per call in both repositories.
 */
export function delegate(target: object, store: object, methods: readonly string[], around: (call: () => unknown) => Promise<unknown>): void {
  for (const name of methods) {
    const method = (store as Record<string, unknown>)[name];
    if (typeof method !== 'function') throw new Error(`${store.constructor.name} has no method ${name}`);
    Object.defineProperty(target, name, { value: (...args: unknown[]) => around(() => method.apply(store, args)), writable: true, configurable: true });
  }
}

/**
 * The names of every method of S, which the compiler holds to all of them: a method added to a
 * store's interface and not listed here is a type error (`missing` names it), never a repository
 * that silently lacks it.
 */
export const methodsOf =
  <S>() =>
  <const N extends readonly (keyof S & string)[]>(names: N & ([Exclude<keyof S, N[number]>] extends [never] ? unknown : { missing: Exclude<keyof S, N[number]> })): N =>
    names;
