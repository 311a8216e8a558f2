import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNotificationPrefs, type NotificationPrefs, type Person, type PushPayload } from '@spotter/shared';
import { prescription, reminder, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './helper.ts';
import { startPushService, TestBrowserKeys, type TestPushService } from './push-service.ts';
import { pullAll, push, visible, type Who } from './wire.ts';

/**
 * The scheduler (docs/DESIGN.md "Reminders", "The scheduler") with a controlled clock: every
 * instance here reads `clock`, and nothing waits on real time. Reminders and the coach's
 * alerts arrive as real Web Push (decrypted by the test push service), once, in the person's
 * own time zone, across restarts and with two instances on one database.
 */
let clock = new Date('2030-01-14T12:00:00.000Z'); // a Monday
const at = (iso: string) => (clock = new Date(iso));
const scheduler: TestServerOptions['scheduler'] = { now: () => clock, leaseMs: 60_000 };

let service: TestPushService;
let owner: TestServer;
const open: TestServer[] = [];
let coach: Who;
let client: Who;
let client3: Who;
let exerciseId: string;
let clientPhone: TestBrowserKeys;
let coachPhone: TestBrowserKeys;

/** Another server instance on the owner's database (SQLite file or PostgreSQL), on the controlled clock. */
async function instance(): Promise<TestServer> {
  const s = await startTestServer({ dbPath: owner.dbPath, databaseUrl: owner.databaseUrl ?? undefined, pushAllow: new Set([service.origin]), scheduler });
  open.push(s);
  return s;
}

async function closeInstance(s: TestServer) {
  open.splice(open.indexOf(s), 1);
  await s.close();
}

const pushesTo = (phone: TestBrowserKeys, from: number): PushPayload[] =>
  service.received.slice(from).filter((r) => service.origin + r.path === phone.endpoint).map((r) => phone.open(r));

async function setPrefs(s: TestServer, who: Who, change: Partial<NotificationPrefs>) {
  const me = visible((await pullAll<Person>(s, who.token, 'people')).docs).find((p) => p.id === who.id)!;
  const { _deleted, ...doc } = me;
  const notifications = { ...(me.notifications ?? defaultNotificationPrefs()), ...change };
  expect(await push(s, who.token, 'people', [{ doc: { ...doc, notifications, updatedAt: clock.toISOString() }, assumed: me }])).toEqual([]);
  await s.app.scheduler.settled();
}

async function setReminder(s: TestServer, who: Who, doc: ReturnType<typeof reminder>) {
  expect(await push(s, who.token, 'reminders', [{ doc }])).toEqual([]);
  // The push plans the reminder in the background; wait for it.
  await s.app.scheduler.settled();
}

async function publish(s: TestServer, clientId: string, id: string, title: string, dueDate: string) {
  return session({ id, title, coachId: coach.id, clientId, dueDate, status: 'published', exercises: [prescription({ id: `${id}-rx`, exerciseId })], createdAt: clock.toISOString(), updatedAt: clock.toISOString() });
}

beforeAll(async () => {
  service = await startPushService();
  owner = await startTestServer({ pushAllow: new Set([service.origin]), scheduler });
  const [c, m, m3] = [await owner.login('coach@demo.test'), await owner.login('client@demo.test'), await owner.login('client3@demo.test')];
  coach = { token: c.accessToken, id: c.user.id };
  client = { token: m.accessToken, id: m.user.id };
  client3 = { token: m3.accessToken, id: m3.user.id };
  exerciseId = visible((await pullAll(owner, coach.token, 'exercises')).docs)[0]!.id;
  clientPhone = new TestBrowserKeys(`${service.origin}/push/client-phone`);
  coachPhone = new TestBrowserKeys(`${service.origin}/push/coach-phone`);
  for (const [who, phone] of [[client, clientPhone], [coach, coachPhone]] as const) {
    expect((await owner.api(who.token, 'POST', '/api/push/subscriptions', phone.subscription)).status).toBe(200);
  }
  // The client lives in New York; their device wrote its zone with their preferences.
  await setPrefs(owner, client, { timeZone: 'America/New_York' });
});
afterAll(async () => {
  for (const s of open.reverse()) await s.close();
  await owner?.close();
  await service?.close();
});

describe('a reminder a coach schedules', () => {
  it("arrives at 19:00 on the client's clock, once, as a real Web Push with its words", async () => {
    await setReminder(owner, coach, reminder({ id: 'rem-monday', authorId: coach.id, clientId: client.id, repeat: 'weekly', weekdays: [1], time: '19:00', message: 'Log your weigh-in', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    // 19:00 in New York on Monday 14 January is 00:00 UTC on the 15th.
    at('2030-01-14T23:59:00.000Z');
    let from = service.received.length;
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from)).toEqual([]);
    at('2030-01-15T00:00:05.000Z');
    await owner.app.scheduler.tick();
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from)).toEqual([{ title: 'Reminder', body: 'Log your weigh-in', url: '/client', tag: 'reminder:rem-monday' }]);
    expect(pushesTo(coachPhone, from)).toEqual([]);
    // Next Monday, not before.
    from = service.received.length;
    at('2030-01-21T23:59:00.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from)).toEqual([]);
    at('2030-01-22T00:00:01.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).toEqual(['reminder:rem-monday']);
  });

  it("the evening before a session names it and opens it; with no session the next evening, nothing comes", async () => {
    at('2030-01-23T12:00:00.000Z');
    const s = await publish(owner, client.id, 'rem-lower', 'Lower body', '2030-01-24');
    expect(await push(owner, coach.token, 'sessions', [{ doc: { ...s, status: 'submitted', submittedAt: clock.toISOString() } }])).toHaveLength(1);
    await setReminder(owner, coach, reminder({ id: 'rem-eve', authorId: coach.id, clientId: client.id, repeat: 'eveBefore', time: '19:00', message: '', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    let from = service.received.length;
    at('2030-01-24T00:00:30.000Z'); // 19:00:30 in New York on the 23rd
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from)).toEqual([
      { title: 'Tomorrow: Lower body', body: 'Your coach has a session ready for you tomorrow.', url: '/client/sessions/rem-lower', tag: 'reminder:rem-eve:2030-01-24' },
    ]);
    from = service.received.length;
    at('2030-01-25T00:00:30.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).filter((p) => p.tag.startsWith('reminder:rem-eve'))).toEqual([]);
  });

  it("is not delivered in the client's quiet hours (and not later either)", async () => {
    at('2030-01-27T12:00:00.000Z');
    await setPrefs(owner, client, { quietFrom: '18:00', quietTo: '07:00' });
    await setReminder(owner, coach, reminder({ id: 'rem-quiet', authorId: coach.id, clientId: client.id, repeat: 'once', date: '2030-01-27', time: '19:00', message: 'Stretch', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    const from = service.received.length;
    at('2030-01-28T00:00:10.000Z');
    await owner.app.scheduler.tick();
    at('2030-01-28T12:30:00.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).filter((p) => p.tag === 'reminder:rem-quiet')).toEqual([]);
    await setPrefs(owner, client, { quietFrom: null, quietTo: null });
  });

  it("follows the client's time zone when it changes", async () => {
    at('2030-02-04T12:00:00.000Z');
    await setReminder(owner, coach, reminder({ id: 'rem-zone', authorId: coach.id, clientId: client.id, repeat: 'once', date: '2030-02-05', time: '07:00', message: 'Early one', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    await setPrefs(owner, client, { timeZone: 'Europe/London' });
    const from = service.received.length;
    at('2030-02-05T07:00:01.000Z'); // 07:00 in London (12:00 in New York)
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).toEqual(['reminder:rem-zone']);
    await setPrefs(owner, client, { timeZone: 'America/New_York' });
  });
});

describe('survives restarts, and runs once with several instances', () => {
  it('a job due while no server ran is delivered late, once, by a new instance on the same database', async () => {
    at('2030-03-01T12:00:00.000Z');
    const before = await instance();
    await setReminder(before, coach, reminder({ id: 'rem-down', authorId: coach.id, clientId: client.id, repeat: 'weekly', weekdays: [5], time: '19:00', message: 'Friday check-in', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    await closeInstance(before);
    // Down over Friday 19:00 in New York (Sat 00:00 UTC); back three hours later.
    at('2030-03-02T03:00:00.000Z');
    const after = await instance();
    const from = service.received.length;
    await after.app.scheduler.tick();
    await after.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).toEqual(['reminder:rem-down']);
    // Its next time is next Friday, not the Friday it missed.
    const job = (await after.app.repo.jobsOfKind('reminder')).find((j) => j.refId === 'rem-down')!;
    expect(new Date(job.dueAt).toISOString()).toBe('2030-03-09T00:00:00.000Z');
    await closeInstance(after);
  });

  it('two instances ticking at once deliver a due reminder once', async () => {
    at('2030-03-10T12:00:00.000Z');
    const [a, b] = [await instance(), await instance()];
    await setReminder(a, coach, reminder({ id: 'rem-two', authorId: coach.id, clientId: client.id, repeat: 'once', date: '2030-03-10', time: '19:00', message: 'Two servers', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    const from = service.received.length;
    at('2030-03-10T23:00:30.000Z'); // 19:00:30 EDT (New York is on summer time since 10 March)
    const ran = await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick(), a.app.scheduler.tick(), b.app.scheduler.tick()]);
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).toEqual(['reminder:rem-two']);
    expect(ran.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
  });

  it('a claim is one instance’s alone until its lease runs out (an instance that died mid-job)', async () => {
    at('2030-03-12T12:00:00.000Z');
    const [a, b] = open.slice(-2) as [TestServer, TestServer];
    await setReminder(a, coach, reminder({ id: 'rem-lease', authorId: coach.id, clientId: client.id, repeat: 'once', date: '2030-03-12', time: '19:00', message: 'Lease', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    at('2030-03-12T23:00:10.000Z');
    const job = (await a.app.repo.jobsOfKind('reminder')).find((j) => j.refId === 'rem-lease')!;
    const t = clock.getTime();
    const claims = await Promise.all([a.app.repo.claimJob(job.id, 'dies', t, t + 60_000), b.app.repo.claimJob(job.id, 'other', t, t + 60_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const from = service.received.length;
    // The claimer died: nothing runs while its lease lasts, then another instance takes over.
    at('2030-03-12T23:00:50.000Z');
    await b.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).not.toContain('reminder:rem-lease');
    at('2030-03-12T23:01:20.000Z');
    await b.app.scheduler.tick();
    await a.app.scheduler.tick();
    expect(pushesTo(clientPhone, from).map((p) => p.tag)).toEqual(['reminder:rem-lease']);
  });
});

describe("a client's own reminder", () => {
  it("today's session, on the morning of a session day", async () => {
    at('2030-04-01T12:00:00.000Z');
    const s = await publish(owner, client.id, 'rem-today', 'Upper body', '2030-04-02');
    await push(owner, coach.token, 'sessions', [{ doc: { ...s, status: 'submitted', submittedAt: clock.toISOString() } }]);
    await setReminder(owner, client, reminder({ id: 'rem-mine', authorId: client.id, authorRole: 'client', clientId: client.id, repeat: 'sessionDay', time: '07:30', message: '', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    const from = service.received.length;
    at('2030-04-02T11:30:10.000Z'); // 07:30 EDT
    await owner.app.scheduler.tick();
    expect(pushesTo(clientPhone, from)).toEqual([{ title: 'Today: Upper body', body: 'Your session is waiting for you.', url: '/client/sessions/rem-today', tag: 'reminder:rem-mine:2030-04-02' }]);
  });
});

describe('a reminder for all of a coach\'s clients', () => {
  it("reaches each client on their own clock, and a client who joins later", async () => {
    at('2030-05-05T12:00:00.000Z');
    await setReminder(owner, coach, reminder({ id: 'rem-all', authorId: coach.id, clientId: null, repeat: 'weekly', weekdays: [1], time: '07:00', message: 'New week', createdAt: clock.toISOString(), updatedAt: clock.toISOString() }));
    const dueOf = async () =>
      Object.fromEntries((await owner.app.repo.jobsOfKind('reminder')).filter((j) => j.refId === 'rem-all').map((j) => [j.personId, new Date(j.dueAt).toISOString()]));
    // Jamie is in New York (on summer time), Sam has never said: UTC.
    expect(await dueOf()).toEqual({ [client.id]: '2030-05-06T11:00:00.000Z', [client3.id]: '2030-05-06T07:00:00.000Z' });
    const added = await owner.api(coach.token, 'POST', '/api/clients', { email: 'rem-new@demo.test', firstName: 'Noa', lastName: 'New', password: 'a-long-password' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    // Adding the client planned again, in the background.
    await owner.app.scheduler.settled();
    expect(await dueOf()).toMatchObject({ [added.body.client.id]: '2030-05-06T07:00:00.000Z' });
  });
});

describe("the coach's alerts: a missed session, a compliance drop", () => {
  it('each comes once, held through the coach’s quiet hours', async () => {
    // client3's December: every session done on time; January: nothing done. (After every other
    // test's dates: the clock only moves forward in this file.)
    at('2031-01-14T00:00:00.000Z');
    const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
    const december = await Promise.all(days('2030-12-01', 30).map((d) => publish(owner, client3.id, `c3-${d}`, `Session ${d}`, d)));
    const january = await Promise.all(days('2031-01-01', 13).map((d) => publish(owner, client3.id, `c3-${d}`, d === '2031-01-13' ? 'Leg day' : `Session ${d}`, d)));
    const submitted = [...december, ...january].map((doc) => ({ doc: { ...doc, status: 'submitted', submittedAt: clock.toISOString() } }));
    expect((await push(owner, coach.token, 'sessions', submitted)).every((d) => d.status === 'published')).toBe(true);
    const logs = december.map((s) => ({ doc: sessionLog({ sessionId: s.id, clientId: client3.id, coachId: coach.id, entries: {}, completedAt: `${s.dueDate}T18:00:00.000Z`, updatedAt: clock.toISOString() }) }));
    expect(await push(owner, client3.token, 'logs', logs)).toEqual([]);
    // The coach was told of each completion, as it happened; those notices are not what this test counts.
    await owner.app.pushes.settled();
    await setPrefs(owner, coach, { quietFrom: '08:00', quietTo: '10:00', timeZone: 'UTC' });

    at('2031-01-14T08:00:00.000Z');
    await owner.app.scheduler.plan();
    const from = service.received.length;
    // 09:00 on client3's clock (UTC): due, but the coach is in quiet hours until 10:00.
    at('2031-01-14T09:00:30.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(coachPhone, from)).toEqual([]);
    at('2031-01-14T10:00:30.000Z');
    await owner.app.scheduler.tick();
    expect(pushesTo(coachPhone, from).sort((x, y) => x.tag.localeCompare(y.tag))).toEqual([
      { title: "Sam's compliance dropped", body: expect.stringMatching(/^From 100 % to \d+ % over 14 days\.$/), url: `/coach/clients/${client3.id}`, tag: `compliance:${client3.id}` },
      { title: 'Sam missed Leg day', body: 'Nothing was logged for 2031-01-13.', url: `/coach/clients/${client3.id}`, tag: 'missed:c3-2031-01-13' },
    ].sort((x, y) => x.tag.localeCompare(y.tag)));
    // The next day: still dropped, not told again; nothing else was due.
    const later = service.received.length;
    at('2031-01-15T10:30:00.000Z');
    await owner.app.scheduler.plan();
    await owner.app.scheduler.tick();
    expect(pushesTo(coachPhone, later)).toEqual([]);
  });
});
