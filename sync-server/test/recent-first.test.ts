import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDaysTo, RECENT_FIRST_DAYS, todayLocal, type Assignment, type Checkpoint, type CollectionName } from '@spotter/shared';
import { message, prescription } from '@spotter/shared/fixtures.ts';
import type { Stored } from '../src/storage/repository.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { seedYear } from './history.ts';
import { now, pullAll, push, type Wire } from './wire.ts';

// A first pull of sessions, logs and messages brings the recent weeks first, then the older
// history, then what was written meanwhile (docs/DESIGN.md "First sync, recent weeks first", sync-server/src/sync/pull.ts),
// against the real server and a real SQLite file holding a year of shuffled history.
let s: TestServer;
let admin: string;
type Who = { token: string; id: string };
let coach: Who, coach2: Who, client: Who, client2: Who, client3: Who;
const phased = ['sessions', 'logs', 'messages'] as const;
type Phased = (typeof phased)[number];
const since = addDaysTo(todayLocal(), -RECENT_FIRST_DAYS);

beforeAll(async () => {
  s = await startTestServer();
  admin = (await s.login('admin@demo.test')).accessToken;
  const who = async (email: string) => {
    const r = await s.login(email);
    return { token: r.accessToken, id: r.user.id };
  };
  [coach, coach2, client, client2, client3] = await Promise.all(
    ['coach@demo.test', 'coach2@demo.test', 'client@demo.test', 'client2@demo.test', 'client3@demo.test'].map(who),
  );
  // client3 is a former client of coach: their documents reach coach's devices as tombstones.
  const current = (await pullAll<Assignment>(s, admin, 'assignments')).docs.find((a) => a.clientId === client3.id && a.status === 'active')!;
  const { _deleted, ...doc } = current;
  expect(await push(s, admin, 'assignments', [{ doc: { ...doc, status: 'completed', endDate: doc.startDate, updatedAt: now() }, assumed: current }])).toEqual([]);
  await seedYear(s.app.repo, [[coach.id, client.id], [coach.id, client3.id], [coach2.id, client2.id]]);
});
afterAll(() => s?.close());

/** The rows of the phased collections as the database holds them, read before each test and after its writes. */
let rows = new Map<string, Stored>();
async function readRows() {
  rows = new Map();
  for (const c of phased) for (const r of await s.app.repo.find(c, [])) rows.set(`${c}:${r.doc.id}`, r);
}
beforeEach(readRows);
const stored = (c: CollectionName, id: string) => rows.get(`${c}:${id}`)!;
const seqOf = (c: CollectionName, id: string) => stored(c, id).seq;
/** Is this row in the recent window (what the first phase must bring), judged from the database now. */
function isRecent(c: Phased, d: Wire): boolean {
  if (c === 'sessions') return String(stored('sessions', d.id).doc.dueDate) >= since;
  if (c === 'messages') return String(stored('messages', d.id).doc.createdAt) >= since;
  return String(stored('sessions', String(d.sessionId)).doc.dueDate) >= since;
}

type Page = { documents: Wire[]; checkpoint: Checkpoint | null };
async function pullPage(token: string, c: CollectionName, checkpoint: unknown, batchSize: number): Promise<Page> {
  const res = await s.api<Page>(token, 'POST', `/api/sync/${c}/pull`, { checkpoint, batchSize });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Pulls like RxDB does: page after page until one comes back short. */
async function pullFrom(token: string, c: CollectionName, batchSize: number, start: Checkpoint | null = null) {
  const pages: Page[] = [];
  let checkpoint = start;
  for (;;) {
    const page = await pullPage(token, c, checkpoint, batchSize);
    pages.push(page);
    checkpoint = page.checkpoint;
    if (page.documents.length < batchSize) return { pages, docs: pages.flatMap((p) => p.documents), checkpoint };
  }
}

/** The same rows in plain seq order, as an old device's `{ seq }` checkpoint pulls them: id → document. */
async function plain(token: string, c: CollectionName): Promise<Map<string, Wire>> {
  const docs = new Map<string, Wire>();
  let checkpoint: Checkpoint = { seq: 0 };
  for (;;) {
    const page = await pullPage(token, c, checkpoint, 500);
    for (const d of page.documents) docs.set(d.id, d);
    if (page.documents.length < 500) return docs;
    checkpoint = page.checkpoint!;
  }
}

const lastOf = (docs: Wire[]) => new Map(docs.map((d) => [d.id, d]));

describe('a first pull of sessions, logs and messages', () => {
  it.each(phased)('%s: the recent window first, then the history, each in seq order, every row once', async (c) => {
    const { pages, docs, checkpoint } = await pullFrom(coach.token, c, 7);
    const recent = docs.map((d) => isRecent(c, d));
    const firstHistory = recent.indexOf(false);
    expect(firstHistory).toBeGreaterThan(0);
    expect(recent.slice(firstHistory)).not.toContain(true);
    // Within each phase, seq order (the phase's position is a seq).
    for (const part of [docs.slice(0, firstHistory), docs.slice(firstHistory)]) {
      const seqs = part.map((d) => seqOf(c, d.id));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    expect(lastOf(docs)).toEqual(await plain(coach.token, c));
    // Only the last page is short (RxDB ends its pull at a short page), and it ends the phases.
    expect(pages.slice(0, -1).every((p) => p.documents.length === 7)).toBe(true);
    expect(pages[0]!.checkpoint).toMatchObject({ phase: 'recent', seq: 0, upTo: expect.any(Number), since });
    expect(checkpoint).toEqual({ seq: expect.any(Number), phase: null, after: null, upTo: null, since: null });
  });

  it('never loses a write made between its pages, nor a log whose session moved into the window meanwhile', async () => {
    const exerciseId = (await s.app.repo.find('exercises', [{ field: 'ownerId', op: 'eq', value: null }]))[0]!.doc.id as string;
    const gone = (await s.app.repo.get('messages', `msg-${client.id}-29`))!;
    // A log of an old session, before some recent log in seq order (the seed shuffles them).
    const oldSession = (l: { doc: Record<string, unknown> }) => String(stored('sessions', String(l.doc.sessionId)).doc.dueDate) < since;
    const clientLogs = (await s.app.repo.find('logs', [{ field: 'clientId', op: 'eq', value: client.id }], { field: 'seq' }));
    const movedLog = clientLogs.find((l, i) => oldSession(l) && clientLogs.slice(i).some((later) => !oldSession(later)))!;
    // The three collections pull side by side, as a device's replications do; the writes land
    // once each has sent a first page, and the logs' recent phase has gone past that log.
    const first = new Map(await Promise.all(phased.map(async (c) => [c, await pullPage(coach.token, c, null, 10)] as const)));
    const sent = [...first.get('logs')!.documents];
    while (first.get('logs')!.checkpoint!.after! < movedLog.seq) {
      first.set('logs', await pullPage(coach.token, 'logs', first.get('logs')!.checkpoint, 1));
      sent.push(...first.get('logs')!.documents);
    }
    for (const page of first.values()) expect(page.checkpoint).toMatchObject({ phase: 'recent' });
    expect(sent.map((d) => d.id)).not.toContain(movedLog.doc.id);
    const upTo = first.get('sessions')!.checkpoint!.upTo!;
    const moved = (await s.app.repo.get('sessions', String(movedLog.doc.sessionId)))!;

    // The coach moves that session into the window (its log's own row does not change), a
    // client writes a new message, the coach deletes an old one.
    const movedWire = { ...moved.doc, _deleted: false };
    expect(await push(s, coach.token, 'sessions', [{ doc: { ...moved.doc, dueDate: addDaysTo(todayLocal(), 3), exercises: [prescription({ exerciseId })], updatedAt: now() }, assumed: movedWire }])).toEqual([]);
    const fresh = message({ id: 'msg-during-first-pull', coachId: coach.id, clientId: client.id, authorId: client.id, authorRole: 'client', createdAt: now(), updatedAt: now() });
    expect(await push(s, client.token, 'messages', [{ doc: fresh }])).toEqual([]);
    expect(await push(s, coach.token, 'messages', [{ doc: { ...gone.doc, updatedAt: now() }, assumed: { ...gone.doc, _deleted: false }, deleted: true }])).toEqual([]);

    await readRows();
    for (const c of phased) {
      const rest = await pullFrom(coach.token, c, 10, first.get(c)!.checkpoint);
      const all = [...(c === 'logs' ? sent : first.get(c)!.documents), ...rest.docs];
      // The device ends with exactly what the server holds now.
      expect(lastOf(all), c).toEqual(await plain(coach.token, c));
      // A row came twice only when it changed after the first pull began.
      const ids = all.map((d) => d.id);
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
      for (const id of twice) expect(seqOf(c, id), `${c} ${id}`).toBeGreaterThan(upTo);
    }
    expect((await s.app.repo.get('sessions', moved.doc.id))!.doc.dueDate).toBe(addDaysTo(todayLocal(), 3));
    expect((await s.app.repo.get('logs', movedLog.doc.id as string))!.seq).toBe(movedLog.seq);
    expect((await s.app.repo.get('messages', gone.doc.id))!.deleted).toBe(true);
  });
});

describe('visibility is the same in every phase', () => {
  const viewers = () => ({ coach, coach2, client, client2, client3, admin: { token: admin, id: '' } });
  it.each(['coach', 'coach2', 'client', 'client2', 'client3', 'admin'] as const)('%s gets exactly what a plain pull gives, in each collection', async (name) => {
    const who = viewers()[name];
    for (const c of phased) {
      const { docs } = await pullFrom(who.token, c, 7);
      expect(new Set(docs.map((d) => d.id)).size, c).toBe(docs.length);
      expect(lastOf(docs), `${name} ${c}`).toEqual(await plain(who.token, c));
    }
  });

  it("never sends a coach another coach's clients' rows, and sends former clients' and drafts as tombstones, in both phases", async () => {
    for (const c of phased) {
      const other = (await pullFrom(coach2.token, c, 7)).docs;
      expect(other.length, c).toBeGreaterThan(0);
      expect(other.filter((d) => d.clientId === client.id || d.clientId === client3.id), c).toEqual([]);
      const former = (await pullFrom(coach.token, c, 7)).docs.filter((d) => d.clientId === client3.id);
      expect(former.every((d) => d._deleted), c).toBe(true);
      expect(new Set(former.map((d) => isRecent(c, d))), c).toEqual(new Set([true, false]));
    }
    const drafts = (await pullFrom(client.token, 'sessions', 7)).docs.filter((d) => stored('sessions', d.id).doc.status === 'draft');
    expect(drafts.every((d) => d._deleted && d.title === '' && d.exercises.length === 0)).toBe(true);
    expect(new Set(drafts.map((d) => isRecent('sessions', d)))).toEqual(new Set([true, false]));
  });
});

describe('checkpoints', () => {
  it('an old device\'s { seq } checkpoint still pulls in plain seq order and gets { seq } back', async () => {
    const first = await pullPage(coach.token, 'sessions', { seq: 0 }, 5);
    expect(first.checkpoint).toEqual({ seq: seqOf('sessions', first.documents.at(-1)!.id) });
    const seqs = first.documents.map((d) => seqOf('sessions', d.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const next = await pullPage(coach.token, 'sessions', first.checkpoint, 5);
    expect(seqOf('sessions', next.documents[0]!.id)).toBeGreaterThan(seqs.at(-1)!);
  });

  it("a live change's { seq } merged into a phase (RxDB stacks checkpoints key by key) does not move the phase", async () => {
    const first = await pullPage(coach.token, 'logs', null, 3);
    const merged = { ...first.checkpoint, seq: (await s.app.repo.maxSeq()) };
    expect(await pullPage(coach.token, 'logs', merged, 3)).toEqual({
      ...(await pullPage(coach.token, 'logs', first.checkpoint, 3)),
      checkpoint: expect.objectContaining({ seq: merged.seq }),
    });
  });

  it('collections outside the phases (people, notes…) pull in plain seq order from null', async () => {
    const page = await pullPage(coach.token, 'notes', null, 500);
    expect(page.checkpoint).toEqual({ seq: expect.any(Number) });
  });
});
