import type { Doc } from '../storage/mappers.ts';
import type { Stored } from '../storage/repository.ts';
import type { Decision } from './decision.ts';
import type { ViewerRelations } from './relations.ts';

/** Small builders for the deciders' table tests: no database, just documents. */
export const stored = (doc: object, deleted = false): Stored => ({ doc: doc as Doc, deleted, seq: 1 });

export const rel = (o: Partial<Record<Exclude<keyof ViewerRelations, 'stamp'>, string[]>> = {}): ViewerRelations => ({
  clientIds: new Set(o.clientIds ?? []),
  coachIds: new Set(o.coachIds ?? []),
  everClientIds: new Set(o.everClientIds ?? o.clientIds ?? []),
  everCoachIds: new Set(o.everCoachIds ?? o.coachIds ?? []),
  stamp: '',
});

/** A decision as one comparable value: the refusal's reason, or what is written. */
export function outcome(d: Decision): string {
  if (d.kind === 'refuse') return `refuse: ${d.refusal.message}`;
  const status = typeof d.doc.status === 'string' ? ` ${d.doc.status}` : '';
  return `write${status}${d.refusal ? ` (${d.refusal.message})` : ''}`;
}
