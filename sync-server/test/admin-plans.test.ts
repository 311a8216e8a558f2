import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSessionId } from '../src/access/plans.ts';
import { addDaysTo, sessionLogId, todayLocal, type Assignment, type Exercise, type Plan, type TrainingSession } from '@spotter/shared';
import { logEntry, plan as planFixture, prescription } from '@spotter/shared/fixtures.ts';
import { startTestServer } from './helper.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Wire<T> = T & { _deleted: boolean; _refusal?: string; _refusalCode?: string };
let server: Server;
let coach: { token: string; id: string };
let client: { token: string; id: string };
let assignmentId: string;
let exercises: Exercise[];
const today = todayLocal();

async function pullAll<T>(token: string, collection: string): Promise<Wire<T>[]> {
  const docs = new Map<string, Wire<T> & { id: string }>();
  let checkpoint: unknown = null;
  for (;;) {
    const { body } = await server.api<{ documents: (Wire<T> & { id: string })[]; checkpoint: unknown }>(token, 'POST', `/api/sync/${collection}/pull`, { checkpoint, batchSize: 500 });
    for (const d of body.documents) docs.set(d.id, d);
    if (body.documents.length < 500) return [...docs.values()];
    checkpoint = body.checkpoint;
  }
}

async function push<T extends { id: string }>(token: string, collection: string, doc: T, assumed: unknown = null) {
  const res = await server.api<Wire<T>[]>(token, 'POST', `/api/sync/${collection}/push`, [{ assumedMasterState: assumed, newDocumentState: { ...doc, _deleted: false } }]);
  expect(res.status).toBe(200);
  return res.body;
}

function makePlan(id: string, o: Partial<Plan> = {}): Plan {
  const [a, b] = exercises;
  return planFixture({
    id,
    coachId: coach.id,
    clientId: client.id,
    assignmentId: null,
    title: `Plan ${id}`,
    durationWeeks: 4,
    days: [
      { day: 'Monday', exercises: [prescription({ id: `${id}-m1`, exerciseId: a!.id }), prescription({ id: `${id}-m2`, exerciseId: b!.id })] },
      { day: 'Wednesday', exercises: [prescription({ id: `${id}-w1`, exerciseId: b!.id })] },
      { day: 'Friday', exercises: [prescription({ id: `${id}-f1`, exerciseId: a!.id })] },
    ],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...o,
  });
}

/** Pushes the plan as a draft, then activates it from `startDate`, like the editor does. */
async function activate(p: Plan, startDate: string) {
  expect(await push(coach.token, 'plans', p)).toEqual([]);
  const [stored] = (await pullAll<Plan>(coach.token, 'plans')).filter((x) => x.id === p.id);
  const active = { ...p, status: 'active' as const, startDate, updatedAt: new Date().toISOString() };
  return push(coach.token, 'plans', active, stored);
}

const planSessions = async (token: string, planId: string) =>
  (await pullAll<TrainingSession>(token, 'sessions')).filter((s) => s.planId === planId);

beforeAll(async () => {
  server = await startTestServer();
  const c = await server.login('coach@demo.test');
  const m = await server.login('client@demo.test');
  coach = { token: c.accessToken, id: c.user.id };
  client = { token: m.accessToken, id: m.user.id };
  const assignments = await pullAll<Assignment>(coach.token, 'assignments');
  assignmentId = assignments.find((a) => a.clientId === client.id && a.status === 'active')!.id;
  exercises = (await pullAll<Exercise>(coach.token, 'exercises')).filter((e) => !e._deleted && e.ownerId === null);
});
afterAll(() => server.close());

describe('plan activation (push of plans)', () => {
  it('a draft plan is never shown to the client', async () => {
    await push(coach.token, 'plans', makePlan('plan-draft'));
    const seen = (await pullAll<Plan>(client.token, 'plans')).find((p) => p.id === 'plan-draft');
    expect(seen === undefined || seen._deleted).toBe(true);
  });

  it('schedules published sessions for every training day of every week, tied to the assignment', async () => {
    const answer = await activate(makePlan('plan-a'), today);
    // The server filled in the assignment: the device learns it from the answer.
    expect(answer).toEqual([expect.objectContaining({ id: 'plan-a', status: 'active', assignmentId, startDate: today })]);

    const sessions = (await planSessions(client.token, 'plan-a')).filter((s) => !s._deleted);
    expect(sessions).toHaveLength(12); // Mon, Wed, Fri × 4 weeks
    expect(sessions.every((s) => s.status === 'published' && s.dueDate >= today && s.dueDate < addDaysTo(today, 28))).toBe(true);
    const weekdays = sessions.map((s) => new Date(`${s.dueDate}T12:00:00`).getDay());
    expect(new Set(weekdays)).toEqual(new Set([1, 3, 5]));
    const monday = sessions.find((s) => new Date(`${s.dueDate}T12:00:00`).getDay() === 1)!;
    expect(monday.exercises.map((e) => e.exerciseId)).toEqual([exercises[0]!.id, exercises[1]!.id]);

    const plan = (await pullAll<Plan>(client.token, 'plans')).find((p) => p.id === 'plan-a');
    expect(plan).toMatchObject({ status: 'active', _deleted: false });
  });

  it('a repeated activation push changes nothing', async () => {
    const [stored] = (await pullAll<Plan>(coach.token, 'plans')).filter((x) => x.id === 'plan-a');
    const { _deleted, ...doc } = stored!;
    expect(await push(coach.token, 'plans', doc, stored)).toEqual([]);
    expect((await planSessions(client.token, 'plan-a')).filter((s) => !s._deleted)).toHaveLength(12);
  });

  it("an edit of an active plan is kept; a move of its start date is refused with the reason, the schedule unchanged", async () => {
    const [stored] = (await pullAll<Plan>(coach.token, 'plans')).filter((x) => x.id === 'plan-a');
    const { _deleted, ...doc } = stored!;
    const renamed = { ...doc, title: 'Plan A, renamed', updatedAt: new Date().toISOString() };
    expect(await push(coach.token, 'plans', renamed, stored)).toEqual([]);
    const moved = { ...renamed, title: 'Plan A, moved', startDate: addDaysTo(doc.startDate!, 3), updatedAt: new Date().toISOString() };
    const [answer] = await push(coach.token, 'plans', moved, { ...renamed, _deleted: false });
    expect(answer).toMatchObject({ id: 'plan-a', title: 'Plan A, moved', startDate: doc.startDate, _refusal: expect.stringMatching(/^This plan is active since .*: its start date cannot change/), _refusalCode: 'plan_start_fixed' });
    // The device adopts that answer; pushing it back is a no-op, not another refusal (no loop).
    const { _refusal, _refusalCode, ...adopted } = answer!;
    expect(await push(coach.token, 'plans', adopted, adopted)).toEqual([]);
    expect((await planSessions(client.token, 'plan-a')).filter((s) => !s._deleted)).toHaveLength(12);
  });

  it('activating a new plan archives the old one and withdraws its unlogged future sessions', async () => {
    const old = (await planSessions(client.token, 'plan-a')).filter((s) => !s._deleted).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const logged = old[0]!;
    const log = { id: sessionLogId(logged.id), sessionId: logged.id, clientId: client.id, coachId: coach.id, entries: { [logged.exercises[0]!.id]: logEntry({ exerciseId: logged.exercises[0]!.exerciseId }) }, completedAt: null, updatedAt: new Date().toISOString() };
    expect(await push(client.token, 'logs', log)).toEqual([]);

    const answer = await activate(makePlan('plan-b', { durationWeeks: 2 }), addDaysTo(today, 1));
    expect(answer[0]).toMatchObject({ status: 'active', assignmentId });

    const plans = await pullAll<Plan>(client.token, 'plans');
    expect(plans.find((p) => p.id === 'plan-a')?.status).toBe('archived');
    expect(plans.filter((p) => p.status === 'active' && !p._deleted).map((p) => p.id)).toEqual(['plan-b']);

    const a = await planSessions(client.token, 'plan-a');
    // Nothing the client logged is lost; everything else of the old plan is gone from their device.
    expect(a.filter((s) => !s._deleted).map((s) => s.id)).toEqual([logged.id]);
    expect((await planSessions(client.token, 'plan-b')).filter((s) => !s._deleted)).toHaveLength(6);
  });

  it('an edit from a device that missed the withdrawal does not bring an archived plan’s session back', async () => {
    const withdrawn = (await planSessions(coach.token, 'plan-a')).find((s) => s._deleted)!;
    const { _deleted, ...shown } = withdrawn;
    // The device still had it published: its edit meets the withdrawal, merges, and comes back.
    const edited = { ...shown, title: 'Edited offline', status: 'published' as const, updatedAt: new Date().toISOString() };
    const [refused] = await push(coach.token, 'sessions', edited, withdrawn);
    expect(refused).toMatchObject({ id: withdrawn.id, _deleted: true, _refusal: 'This session was withdrawn when its plan ended or was replaced. Duplicate it to keep it.', _refusalCode: 'session_withdrawn' });
    expect((await server.app.repo.get('sessions', withdrawn.id))?.deleted).toBe(true);
  });

  it.each([
    ['a plan that ended before today', () => makePlan('plan-old', { durationWeeks: 1 }), () => addDaysTo(today, -14), /^This plan ended on /],
    ['an exercise that does not exist', () => makePlan('plan-ghost', { days: [{ day: 'Monday', exercises: [prescription({ id: 'g1', exerciseId: 'no-such-exercise' })] }, { day: 'Tuesday', exercises: [prescription({ id: 'g2', exerciseId: 'no-such-exercise' })] }] }), () => today, /no longer in the library/],
  ])('refuses to activate %s, with the reason', async (_n, make, start, reason) => {
    const p = make();
    const answer = await activate(p, start());
    expect(answer).toEqual([expect.objectContaining({ id: p.id, status: 'draft', _refusal: expect.stringMatching(reason) })]);
    expect(await planSessions(coach.token, p.id)).toEqual([]);
  });

  it('session ids derive from the plan, so a retry cannot duplicate them', () => {
    expect(planSessionId('plan-a', '20260302')).toBe('plan.plan-a.20260302');
    expect(planSessionId('x'.repeat(64), '20260302.1')).toMatch(/^plan\.[0-9a-f]{32}\.20260302\.1$/);
  });
});
