import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { BehaviorSubject, firstValueFrom, Subject, filter } from 'rxjs';
import { addDaysTo, collectionNames, type Message, type SessionLog, type TrainingSession } from '@spotter/shared';
import { assignment, logEntry, message, person, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { Echoes } from './echoes.ts';
import { openDatabase, type SpotterDatabase } from './database.ts';
import { coalesceWhile, dashboardInput, dashboardQueries, HISTORY_DAYS, type DashboardInput, type FirstSync } from './dashboard-queries.ts';
import { clientRows } from '../coach/dashboard/rows.ts';

// The real local database (RxDB on Dexie over fake-indexeddb) holding a year of history: the
// dashboard's bounded queries must give exactly the rows that the whole history gives.

const TODAY = '2026-03-31';
const COACH = 'coach-1';
const at = (day: string, time = '18:00') => `${day}T${time}:00.000Z`;

function history() {
  const sessions: TrainingSession[] = [];
  const logs: SessionLog[] = [];
  const messages: Message[] = [];
  // "active": a session every other day for a year and two weeks ahead; most done, some missed,
  // some only logged. "idle": trained until December, nothing since.
  for (const [clientId, last] of [['active', addDaysTo(TODAY, 14)], ['idle', '2025-12-01']] as const) {
    for (let day = '2025-03-01', n = 0; day <= last; day = addDaysTo(day, 2), n++) {
      const id = `${clientId}-${day}`;
      sessions.push(session({ id, clientId, dueDate: day }));
      if (day >= TODAY || n % 7 === 3) continue; // upcoming, or missed
      const entries = { 'rx-1': logEntry({ loggedAt: at(day, '17:30') }) };
      logs.push(sessionLog({ sessionId: id, clientId, entries, completedAt: n % 5 === 1 ? null : at(n % 9 === 2 ? addDaysTo(day, 1) : day) }));
    }
    for (let day = '2025-03-02', n = 0; day <= (clientId === 'idle' ? '2025-12-01' : TODAY); day = addDaysTo(day, 3), n++) {
      const fromClient = n % 2 === 0;
      messages.push(message({ id: `m-${clientId}-${day}`, clientId, authorId: fromClient ? clientId : COACH, authorRole: fromClient ? 'client' : 'coach', createdAt: at(day, '09:00'), updatedAt: at(day, '09:00') }));
    }
  }
  sessions.push(
    session({ id: 'old-draft', clientId: 'active', dueDate: '2025-10-01', status: 'draft' }),
    session({ id: 'waiting', clientId: 'idle', dueDate: addDaysTo(TODAY, 3), status: 'submitted' }),
    session({ id: 'far-ahead', clientId: 'idle', dueDate: '2026-09-01' }),
  );
  const people = ['active', 'idle', 'never', 'former'].map((id) => person({ id, email: `${id}@demo.test`, firstName: id }));
  const assignments = [
    assignment({ id: 'a1', clientId: 'active' }),
    assignment({ id: 'a2', clientId: 'idle' }),
    assignment({ id: 'a3', clientId: 'never', status: 'paused' }),
    assignment({ id: 'a4', clientId: 'former', status: 'completed' }),
  ];
  return { people, assignments, sessions, logs, messages };
}

const data = history();
let db: SpotterDatabase;

beforeAll(async () => {
  const serverWins = Object.fromEntries(collectionNames.map((n) => [n, new Echoes()])) as any;
  db = await openDatabase({ name: 'dash', storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }), multiInstance: false, serverWins });
  for (const [name, docs] of Object.entries(data)) await (db as any)[name].bulkInsert(docs);
});
afterAll(() => db?.close());

const input = () => firstValueFrom(dashboardInput(db, COACH, TODAY));
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
}

describe('dashboardInput', () => {
  it('gives the same rows as the whole history', async () => {
    const bounded = clientRows({ coachId: COACH, ...(await input()), today: TODAY });
    const whole = clientRows({ coachId: COACH, ...data, today: TODAY });
    expect(bounded).toEqual(whole);
    // The case is not empty: every number is exercised.
    const active = whole.find((r) => r.clientId === 'active')!;
    expect(active.late).toBeGreaterThan(0);
    expect(active.compliance).not.toBeNull();
    expect(active.drafts).toBe(1);
    expect(whole.find((r) => r.clientId === 'idle')).toMatchObject({ lastWorkout: at('2025-12-01'), nextSession: { id: 'far-ahead' } });
    expect(whole.map((r) => r.clientId)).toEqual(['active', 'idle', 'never']);
  });

  it('reads a window, not the history', async () => {
    const got: DashboardInput = await input();
    const since = addDaysTo(TODAY, -HISTORY_DAYS);
    expect(got.sessions.every((s) => s.dueDate >= since || s.status !== 'published')).toBe(true);
    expect(got.sessions.length).toBeLessThan(data.sessions.length / 4);
    // The idle client's logs are all read (its last workout is months ago); the active one's are not.
    expect(got.logs.filter((l) => l.clientId === 'idle').length).toBe(data.logs.filter((l) => l.clientId === 'idle').length);
    expect(got.logs.filter((l) => l.clientId === 'active').length).toBeLessThan(data.logs.filter((l) => l.clientId === 'active').length / 4);
  });

  it('answers again when a document in the window changes', async () => {
    const target = data.sessions.filter((s) => s.clientId === 'active' && s.status === 'published' && s.dueDate < TODAY).at(-1)!;
    const completedAt = at(target.dueDate, '20:15');
    const changed = (i: DashboardInput) => i.logs.some((l) => l.sessionId === target.id && l.completedAt === completedAt);
    const next = firstValueFrom(dashboardInput(db, COACH, TODAY).pipe(filter(changed)));
    const log = await db.logs.findOne(`log.${target.id}`).exec();
    if (log) await log.incrementalPatch({ completedAt });
    else await db.logs.insert(sessionLog({ sessionId: target.id, clientId: 'active', completedAt }));
    const rows = clientRows({ coachId: COACH, ...(await next), today: TODAY });
    expect(rows.find((r) => r.clientId === 'active')!.lastWorkout).toBe(completedAt);
  });

  it('during a first sync: rows at once, history filling in; the idle-client fallback waits for its end', async () => {
    const sync$ = new BehaviorSubject<FirstSync>({ syncing: true, recentIn: false });
    const seen: DashboardInput[] = [];
    const sub = dashboardInput(db, COACH, TODAY, sync$).subscribe((i) => seen.push(i));
    await until(() => seen.some((i) => i.sessions.length > 0 && i.logs.length > 0 && i.messages.length > 0));
    expect(seen[0]).toMatchObject({ sessions: [], logs: [], messages: [] });
    expect(seen[0]!.people.length).toBe(data.people.length);
    const idle = (i: DashboardInput) => i.logs.filter((l) => l.clientId === 'idle').length;
    expect(idle(seen.at(-1)!)).toBe(0);
    sync$.next({ syncing: false, recentIn: true });
    await until(() => idle(seen.at(-1)!) > 0);
    const done = clientRows({ coachId: COACH, ...seen.at(-1)!, today: TODAY });
    expect(done).toEqual(clientRows({ coachId: COACH, ...(await input()), today: TODAY }));
    sub.unsubscribe();
  });

  it('during a first sync, reads the history again as soon as the recent weeks are in, without waiting for the next poll', async () => {
    const sync$ = new BehaviorSubject<FirstSync>({ syncing: true, recentIn: false });
    const seen: DashboardInput[] = [];
    // A poll that never comes back within the test: only the recent weeks' arrival can re-read.
    const sub = dashboardInput(db, COACH, TODAY, sync$, 3_600_000).subscribe((i) => seen.push(i));
    await until(() => seen.some((i) => i.messages.length > 0));
    const late = message({ id: 'msg-arrived-with-the-recent-weeks', clientId: 'active', createdAt: at(TODAY, '07:00'), updatedAt: at(TODAY, '07:00') });
    await db.messages.insert(late);
    const has = (i: DashboardInput) => i.messages.some((m) => m.id === late.id);
    expect(seen.some(has)).toBe(false);
    sync$.next({ syncing: true, recentIn: true });
    await until(() => has(seen.at(-1)!));
    sub.unsubscribe();
    await (await db.messages.findOne(late.id).exec())!.remove();
  });

  it('every query is answered from an index range (RxDB explainQuery)', () => {
    const q = dashboardQueries(COACH, TODAY);
    const plans = [
      db.assignments.find(q.assignments),
      db.sessions.find(q.published as any),
      db.sessions.find(q.drafts),
      db.sessions.find(q.submitted),
      db.logs.find(q.clientLogs('active')),
      db.messages.find(q.messages('active')),
    ].map((query) => (query as any).getPreparedQuery().queryPlan);
    for (const plan of plans) expect(plan.selectorSatisfiedByIndex).toBe(true);
    expect(plans[1].sortSatisfiedByIndex).toBe(true);
  });

  it("the coach's inbox (queries.ts inboxMessages) reads the coachId + createdAt index range", () => {
    const plan = (db.messages.find({ selector: { coachId: COACH, createdAt: { $gte: at(TODAY, '00:00') } } }) as any).getPreparedQuery().queryPlan;
    expect(plan.index).toEqual(['_deleted', 'coachId', 'createdAt', 'id']);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
  });
});

describe('coalesceWhile', () => {
  it('passes every value when not busy, and only the latest per interval when busy', async () => {
    let busy = false;
    const source = new Subject<number>();
    const seen: number[] = [];
    const sub = source.pipe(coalesceWhile(() => busy, 50)).subscribe((v) => seen.push(v));
    source.next(1);
    source.next(2);
    expect(seen).toEqual([1, 2]);
    busy = true;
    source.next(3); // within 50 ms of the last value: held
    source.next(4);
    source.next(5);
    expect(seen).toEqual([1, 2]);
    await new Promise((r) => setTimeout(r, 80));
    expect(seen).toEqual([1, 2, 5]);
    busy = false;
    source.next(6);
    expect(seen).toEqual([1, 2, 5, 6]);
    sub.unsubscribe();
  });
});
