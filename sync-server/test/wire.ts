/** Small protocol helpers for the server's own tests (pull everything, push rows). */
import { expect } from 'vitest';
import { addDaysTo, todayLocal, type ConflictDoc, type Exercise, type TrainingSession } from '@spotter/shared';
import { prescription, session } from '@spotter/shared/fixtures.ts';
import type { TestServer } from './helper.ts';

export type Wire<T = Record<string, any>> = T & { id: string; _deleted: boolean; _refusal?: string; _refusalCode?: string };

/** Pulls a collection from scratch (or from `since`) to the end, page by page. */
export async function pullAll<T = Record<string, any>>(s: TestServer, token: string, collection: string, since: { seq: number } | null = null, batchSize = 200) {
  const docs = new Map<string, Wire<T>>();
  let checkpoint = since;
  for (;;) {
    const res = await s.api(token, 'POST', `/api/sync/${collection}/pull`, { checkpoint, batchSize });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const d of res.body.documents) docs.set(d.id, d);
    checkpoint = res.body.checkpoint;
    if (res.body.documents.length < batchSize) return { docs: [...docs.values()], checkpoint };
  }
}

export const visible = <T>(docs: Wire<T>[]) => docs.filter((d) => !d._deleted);

/** Pushes documents (assumed master state null unless given); returns the conflicts. */
export async function push(s: TestServer, token: string, collection: string, rows: { doc: object; assumed?: object | null; deleted?: boolean }[]) {
  const body = rows.map((r) => ({ assumedMasterState: r.assumed ?? null, newDocumentState: { ...r.doc, _deleted: r.deleted ?? false } }));
  const res = await s.api<ConflictDoc[]>(token, 'POST', `/api/sync/${collection}/push`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Wire[];
}

export const now = () => new Date().toISOString();

/** A coach's draft for the client, due in three days, prescribing `exercise`: the sessions the push tests write. */
export const draftFor = (coach: { id: string }, client: { id: string }, exercise: Exercise, id: string, o: Partial<TrainingSession> = {}): TrainingSession =>
  session({ id, coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 3), status: 'draft', exercises: [prescription({ id: `${id}-rx`, exerciseId: exercise.id })], createdAt: now(), updatedAt: now(), ...o });

export type Who = { token: string; id: string };

/** The demo coach and their client client@demo.test signed in, and an exercise of the library. */
export async function coachAndClient(s: TestServer): Promise<{ coach: Who; client: Who; exercise: Exercise }> {
  const [c, m] = [await s.login('coach@demo.test'), await s.login('client@demo.test')];
  const coach = { token: c.accessToken, id: c.user.id };
  const exercise = visible((await pullAll<Exercise>(s, coach.token, 'exercises')).docs)[0]!;
  return { coach, client: { token: m.accessToken, id: m.user.id }, exercise };
}
