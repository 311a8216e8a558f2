/**
 * How many exports one person may have streaming at once. An export reads everything the
 * person may see; a script asking for it in a loop of parallel requests would keep the store
 * busy for everyone else. One per server instance (no module state): `take` answers a
 * release function, or null when the person already has `perPerson` running.
 */
export class ExportSlots {
  readonly #running = new Map<string, number>();
  readonly #perPerson: number;

  constructor(perPerson = 2) {
    this.#perPerson = perPerson;
  }

  take(personId: string): (() => void) | null {
    const now = this.#running.get(personId) ?? 0;
    if (now >= this.#perPerson) return null;
    this.#running.set(personId, now + 1);
    let released = false;
    return () => {
      // A stream ends once, but close and error may both report it: release only once.
      if (released) return;
      released = true;
      const left = (this.#running.get(personId) ?? 1) - 1;
      if (left > 0) this.#running.set(personId, left);
      else this.#running.delete(personId);
    };
  }
}
