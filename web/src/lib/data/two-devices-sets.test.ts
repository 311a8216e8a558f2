import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedSets, sessionLogId, setKindOf, type Exercise, type Prescription, type SessionLog, type TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { withCompletion, withEntry } from '../client/log-entry.ts';
import { appendSet, asPrescribed, changeSet, type EntryChange, type SetContext } from '../client/log-sets.ts';
import type { Device } from './device.ts';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Sets": two phones of one client log the same exercise of the same session
// offline; each adds and edits its own sets. Whichever uploads second meets the other's
// version as a conflict, merged by the real conflict handler set by set: no set is lost, and
// the coach receives every one. RxDB allows one device per realm, so the phones take turns.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function context(device: Device, rx: Prescription): Promise<SetContext> {
  const exercise = ((await internals(device).store.all('exercises')) as Exercise[]).find((e) => e.id === rx.exerciseId);
  return { kind: setKindOf(exercise, rx), rx, units: 'kg', last: [], newId: () => device.commands.newId(), now: new Date().toISOString() };
}
/** As the log page writes: a change of the entry as stored right now. */
const change = (device: Device, session: TrainingSession, rx: Prescription, edit: EntryChange) =>
  device.commands.updateLog(sessionLogId(session.id), (log) => withEntry(log, session, rx.id, edit(log?.entries[rx.id] ?? null), new Date().toISOString()));
const setsOf = (log: SessionLog | null | undefined, rx: Prescription) => orderedSets(log?.entries[rx.id]?.sets);

describe('two phones of one client logging one session offline', () => {
  it('merge set by set: every set of both is kept, on both phones, the server and for the coach', async () => {
    const a = new TestBrowser(server.url);
    let phoneA = await a.open();
    await phoneA.signIn('client@demo.test', 'spotter-demo');
    await phoneA.awaitInSync();
    const logs = (await internals(phoneA).store.all('logs')) as SessionLog[];
    const session = ((await internals(phoneA).store.all('sessions')) as TrainingSession[]).find((s) => s.exercises.length > 0 && !logs.some((l) => l.sessionId === s.id))!;
    const rx = session.exercises[0]!;
    const logId = sessionLogId(session.id);

    // Both phones start from the synced log: the prescribed sets, as the form opened them.
    await change(phoneA, session, rx, asPrescribed(await context(phoneA, rx)));
    await until(() => phoneA.syncState$.value.pending, (n) => n === 0);
    const prescribed = setsOf(await internals(phoneA).store.get('logs', logId), rx).map(([id]) => id);
    expect(prescribed).toHaveLength(rx.sets);

    // Phone A, offline: one more set, and the first set's reps changed.
    a.setOnline(phoneA, false);
    const ctxA = await context(phoneA, rx);
    await change(phoneA, session, rx, appendSet(ctxA, 'set-from-a'));
    await change(phoneA, session, rx, changeSet(ctxA, 'set-from-a', { reps: 3, load: 100, done: true }));
    await change(phoneA, session, rx, changeSet(ctxA, prescribed[0]!, { reps: 4 }));
    await phoneA.close();

    // Phone B: two sets of its own and the second set's RPE; uploads first.
    const b = new TestBrowser(server.url);
    const phoneB = await b.open();
    await phoneB.signIn('client@demo.test', 'spotter-demo');
    await until(() => internals(phoneB).store.get('logs', logId), (l) => setsOf(l, rx).length === rx.sets);
    const ctxB = await context(phoneB, rx);
    await change(phoneB, session, rx, appendSet(ctxB, 'set-from-b1', true));
    await change(phoneB, session, rx, appendSet(ctxB, 'set-from-b2'));
    await change(phoneB, session, rx, changeSet(ctxB, 'set-from-b2', { done: true }));
    await change(phoneB, session, rx, changeSet(ctxB, prescribed[1]!, { rpe: 8.5 }));
    await until(() => phoneB.syncState$.value.pending, (n) => n === 0);
    await phoneB.close();

    // Phone A comes back: its push meets B's version and the two merge set by set.
    a.online = true;
    phoneA = await a.open();
    phoneA.resumeSession();
    const all = [...prescribed, 'set-from-a', 'set-from-b1', 'set-from-b2'].sort();
    const merged = await until(() => internals(phoneA).store.get('logs', logId), (l) => setsOf(l, rx).length === all.length);
    await until(() => phoneA.syncState$.value.pending, (n) => n === 0);
    const sets = Object.fromEntries(setsOf(merged, rx));
    expect(Object.keys(sets).sort()).toEqual(all);
    expect(sets['set-from-a']).toMatchObject({ reps: 3, load: 100, done: true });
    expect(sets[prescribed[0]!]).toMatchObject({ reps: 4 });
    expect(sets[prescribed[1]!]).toMatchObject({ rpe: 8.5 });
    expect(sets['set-from-b1']).toMatchObject({ warmup: true });
    // Warm-up first, then the prescribed sets, then the appended ones.
    expect(setsOf(merged, rx)[0]![0]).toBe('set-from-b1');
    // The summary follows the merged sets: each phone had counted its own extra set (4), the log has both.
    expect(merged!.entries[rx.id]).toMatchObject({ setsCompleted: rx.sets + 2, completedAsPrescribed: false });
    const token = (await server.login('coach@demo.test')).accessToken;
    const onServer = (await serverDocs<SessionLog>(server.url, token, 'logs')).find((l) => l.id === logId)!;
    expect(onServer.entries[rx.id]!.sets).toEqual(merged!.entries[rx.id]!.sets);
    await phoneA.close();
  });

  it("a phone that has not received the log starts it offline: the other phone's completion and sets stand", async () => {
    // Phone B has synced, then goes offline before the session is logged anywhere.
    const b = new TestBrowser(server.url);
    let phoneB = await b.open();
    await phoneB.signIn('client@demo.test', 'spotter-demo');
    await phoneB.awaitInSync();
    b.setOnline(phoneB, false);
    await phoneB.close();

    // Phone A logs a set of the first exercise and completes the session; it all uploads.
    const a = new TestBrowser(server.url);
    const phoneA = await a.open();
    await phoneA.signIn('client@demo.test', 'spotter-demo');
    await phoneA.awaitInSync();
    const logs = (await internals(phoneA).store.all('logs')) as SessionLog[];
    const session = ((await internals(phoneA).store.all('sessions')) as TrainingSession[]).find((s) => s.exercises.length > 1 && !logs.some((l) => l.sessionId === s.id))!;
    const [rx1, rx2] = session.exercises as [Prescription, Prescription];
    const logId = sessionLogId(session.id);
    const ctxA = await context(phoneA, rx1);
    await change(phoneA, session, rx1, (e) => changeSet(ctxA, 'set-a', { reps: 7, load: 50, done: true })(appendSet(ctxA, 'set-a')(e)));
    const completedAt = new Date().toISOString();
    await phoneA.commands.updateLog(logId, (log) => withCompletion(log, session, completedAt, completedAt));
    await until(() => phoneA.syncState$.value.pending, (n) => n === 0);
    await phoneA.close();

    // Phone B, still offline and without the log, logs a set of the second exercise; then online.
    phoneB = await b.open();
    phoneB.resumeSession();
    expect(await internals(phoneB).store.get('logs', logId)).toBeNull();
    const ctxB = await context(phoneB, rx2);
    await change(phoneB, session, rx2, (e) => changeSet(ctxB, 'set-b', { reps: 9, done: true })(appendSet(ctxB, 'set-b')(e)));
    b.setOnline(phoneB, true);
    await until(() => phoneB.syncState$.value.pending, (n) => n === 0);

    const token = (await server.login('coach@demo.test')).accessToken;
    const onServer = (await serverDocs<SessionLog>(server.url, token, 'logs')).find((l) => l.id === logId)!;
    expect(onServer.completedAt).toBe(completedAt);
    expect(onServer.entries[rx1.id]?.sets?.['set-a']).toMatchObject({ reps: 7, load: 50, done: true });
    expect(onServer.entries[rx2.id]?.sets?.['set-b']).toMatchObject({ reps: 9, done: true });
    // Phone B ends with the same log.
    const onB = await until(() => internals(phoneB).store.get('logs', logId), (l) => l?.completedAt === completedAt);
    expect(onB!.entries[rx1.id]?.sets).toEqual(onServer.entries[rx1.id]?.sets);
    await phoneB.close();
  });
});
