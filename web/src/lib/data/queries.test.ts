import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { sessionLogId } from '@spotter/shared';
import { assignment, exercise, message, note, person, plan, recommendation, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { LocalDatabase } from './local.ts';
import { createQueries, type Live } from './queries.ts';
import { openLocal } from './test-device.ts';

// The named queries on a real local database (RxDB on Dexie over fake-indexeddb), no server.
let local: LocalDatabase;
let q: ReturnType<typeof createQueries>;
const ids = async <T extends { id: string }>(list: Live<T>) => (await firstValueFrom(list)).map((d) => d.id).sort();

beforeAll(async () => {
  local = await openLocal();
  q = createQueries(() => local.db);
  const db = local.db;
  await db.people.bulkInsert([person({ id: 'c1' }), person({ id: 'c2', email: 'c2@demo.test' }), person({ id: 'k1', role: 'coach', email: 'k1@demo.test' })]);
  await db.assignments.bulkInsert([assignment({ id: 'a1', clientId: 'c1', coachId: 'k1' }), assignment({ id: 'a2', clientId: 'c2', coachId: 'k2' })]);
  await db.exercises.bulkInsert([exercise({ id: 'e1', name: 'Squat' }), exercise({ id: 'e2', name: 'Bench Press' })]);
  await db.sessions.bulkInsert([
    session({ id: 's1', clientId: 'c1', coachId: 'k1' }),
    session({ id: 's2', clientId: 'c1', coachId: 'k1', status: 'draft' }),
    session({ id: 's3', clientId: 'c1', coachId: 'k1', planId: 'p1' }),
    session({ id: 's4', clientId: 'c2', coachId: 'k2' }),
  ]);
  await db.logs.bulkInsert([sessionLog({ sessionId: 's1', clientId: 'c1' }), sessionLog({ sessionId: 's4', clientId: 'c2' })]);
  await db.messages.bulkInsert([message({ id: 'm1', clientId: 'c1' }), message({ id: 'm2', clientId: 'c2' })]);
  await db.notes.bulkInsert([note({ id: 'n1', clientId: 'c1' }), note({ id: 'n2', clientId: 'c2' })]);
  await db.recommendations.bulkInsert([recommendation({ id: 'r1', clientId: 'c1' }), recommendation({ id: 'r2', clientId: 'c2' })]);
  await db.plans.bulkInsert([plan({ id: 'p1', clientId: 'c1', coachId: 'k1' }), plan({ id: 'p2', clientId: 'c2', coachId: 'k2' })]);
});
afterAll(() => local?.close());

describe('the named queries', () => {
  it.each([
    ['people', () => q.people(), ['c1', 'c2', 'k1']],
    ['assignments', () => q.assignments(), ['a1', 'a2']],
    ['assignmentsOfCoach k1', () => q.assignmentsOfCoach('k1'), ['a1']],
    ['assignmentsOfClient c2', () => q.assignmentsOfClient('c2'), ['a2']],
    ['sessionsOfClient c1 (drafts included)', () => q.sessionsOfClient('c1'), ['s1', 's2', 's3']],
    ['publishedSessionsOfClient c1', () => q.publishedSessionsOfClient('c1'), ['s1', 's3']],
    ['planSessions of coach k1', () => q.planSessions({ coachId: 'k1' }), ['s3']],
    ['planSessions of client c2', () => q.planSessions({ clientId: 'c2' }), []],
    ['logs', () => q.logs(), [sessionLogId('s1'), sessionLogId('s4')].sort()],
    ['logsOfClient c2', () => q.logsOfClient('c2'), [sessionLogId('s4')]],
    ['messagesOfClient c1', () => q.messagesOfClient('c1'), ['m1']],
    ['notesOfClient c2', () => q.notesOfClient('c2'), ['n2']],
    ['recommendationsOfClient c1', () => q.recommendationsOfClient('c1'), ['r1']],
    ['plansOfClient c1', () => q.plansOfClient('c1'), ['p1']],
    ['plansOfCoach k2', () => q.plansOfCoach('k2'), ['p2']],
  ] as const)('%s', async (_name, query, expected) => {
    expect(await ids(query() as Live<{ id: string }>)).toEqual(expected);
  });

  it('gives the exercise library by name', async () => {
    expect((await firstValueFrom(q.exercises())).map((e) => e.name)).toEqual(['Bench Press', 'Squat']);
  });

  it('answers with plain copies: changing one never changes the database', async () => {
    const [first] = await firstValueFrom(q.sessionsOfClient('c2'));
    first!.title = 'Changed by a page';
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect((await firstValueFrom(q.sessionsOfClient('c2')))[0]!.title).toBe(session().title);
  });

  it('answers again when the device changes', async () => {
    const answers: string[][] = [];
    const live = q.messagesOfClient('c2');
    const sub = live.subscribe((list) => answers.push(list.map((m) => m.id).sort()));
    await firstValueFrom(live);
    await local.db.messages.insert(message({ id: 'm3', clientId: 'c2' }));
    await firstValueFrom(live.pipe(filter((list) => list.length === 2)));
    sub.unsubscribe();
    expect(answers[0]).toEqual(['m2']);
    expect(answers.at(-1)).toEqual(['m2', 'm3']);
  });
});
