import type { PushRecord } from './device/tap.ts';

type Doc = Record<string, unknown>;

/** A pushed or answered state, short: the fields operations mark, their clocks, the refusal. */
export function shortState(d: Doc | null | undefined): string {
  if (!d) return 'null';
  const { title, notes, goals, body, status, updatedAt, fieldClocks, _deleted, _refusal } = d;
  return JSON.stringify({ title, notes, goals, body, status, updatedAt, fieldClocks, _deleted, _refusal });
}

/**
 * Every device's last pushes of each document, kept by the parent as the devices report them:
 * when a run ends with a field holding an older edit ("lost: …"), the failure names the
 * document, and these say which device pushed what over what (its assumed server state), and
 * what the server answered.
 */
export class PushJournal {
  readonly #byId = new Map<string, string[]>();

  record(dev: string, rec: PushRecord): void {
    const at = new Date().toISOString().slice(11, 23);
    for (const row of rec.rows) {
      const id = String(row.newDocumentState.id);
      const answer = rec.answer.find((d) => String(d.id) === id);
      const line = `${at} ${dev} ${rec.how} assumed ${shortState(row.assumedMasterState)} new ${shortState(row.newDocumentState)} answer ${answer ? shortState(answer) : 'accepted'}`;
      this.#byId.set(id, [...(this.#byId.get(id) ?? []), line].slice(-12));
    }
  }

  /** Diagnostic lines for the documents named by "lost: <collection>/<id>/…" failures. */
  lines(failures: readonly string[]): string[] {
    const ids = new Set<string>();
    for (const f of failures) {
      const m = /^lost: \w+\/([^/ ]+)\//.exec(f);
      if (m) ids.add(m[1]!);
    }
    return [...ids].slice(0, 5).flatMap((id) => (this.#byId.get(id) ?? ['never pushed']).map((l) => `diagnostic: push of ${id}: ${l}`));
  }
}
