import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, weekdayOf, type Person } from '@spotter/shared';
import { logEntry, message, prescription, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer, type TestSession } from './helper.ts';
import { startPushService, TestBrowserKeys, type TestPushService } from './push-service.ts';
import { coachAndClient, now, pullAll, push, visible, type Who } from './wire.ts';

/**
 * Web Push end to end (docs/DESIGN.md "Notifications"): real subscriptions with real P-256 keys
 * at a push service in this process, real writes through the real server, and each push
 * decrypted as a browser would.
 */
let s: TestServer;
let service: TestPushService;
let coach: Who;
let client: Who;
let exerciseId: string;
let clientBrowser: TestBrowserKeys;
let coachBrowser: TestBrowserKeys;
const today = todayLocal();

/** The pushes that reached `browser` since `from`, decrypted, once every notice in flight has been sent. */
async function pushesTo(browser: TestBrowserKeys, from: number) {
  await s.app.pushes.settled();
  return service.received.slice(from).filter((r) => service.origin + r.path === browser.endpoint).map((r) => browser.open(r));
}

async function subscribe(token: string, browser: TestBrowserKeys) {
  const res = await s.api(token, 'POST', '/api/push/subscriptions', browser.subscription);
  expect(res, JSON.stringify(res.body)).toMatchObject({ status: 200 });
}

async function publishSession(id: string, title: string, dueDate = today) {
  const doc = session({ id, title, coachId: coach.id, clientId: client.id, dueDate, status: 'submitted', submittedAt: now(), exercises: [prescription({ id: `rx-${id}`, exerciseId })], createdAt: now(), updatedAt: now() });
  const answer = await push(s, coach.token, 'sessions', [{ doc }]);
  expect(answer[0]).toMatchObject({ status: 'published' });
  return { ...doc, ...answer[0], _deleted: undefined };
}

async function setPrefs(who: Who, prefs: Person['notifications']) {
  const me = visible((await pullAll<Person>(s, who.token, 'people')).docs).find((p) => p.id === who.id)!;
  const { _deleted, ...doc } = me;
  const answer = await push(s, who.token, 'people', [{ doc: { ...doc, notifications: prefs, updatedAt: now() }, assumed: me }]);
  expect(answer).toEqual([]);
}

beforeAll(async () => {
  service = await startPushService();
  s = await startTestServer({ pushAllow: new Set([service.origin]) });
  const both = await coachAndClient(s);
  ({ coach, client } = both);
  exerciseId = both.exercise.id;
  clientBrowser = new TestBrowserKeys(`${service.origin}/push/client-phone`);
  coachBrowser = new TestBrowserKeys(`${service.origin}/push/coach-phone`);
  await subscribe(client.token, clientBrowser);
  await subscribe(coach.token, coachBrowser);
});
afterAll(async () => {
  await s?.close();
  await service?.close();
});

describe('who is told what', () => {
  it("a client is told of a session published for them, and the tap opens it", async () => {
    const from = service.received.length;
    const due = addDaysTo(today, 3);
    await publishSession('push-lower', 'Lower body', due);
    expect(await pushesTo(clientBrowser, from)).toEqual([
      { title: `New session from your coach: Lower body, ${weekdayOf(due)}`, body: '1 exercise', url: '/client/sessions/push-lower', tag: 'session:push-lower' },
    ]);
    expect(await pushesTo(coachBrowser, from)).toEqual([]);
    // Signed by this server's VAPID key, encrypted as aes128gcm, with a lifetime.
    const [raw] = service.received.slice(from);
    const key = (await s.api(client.token, 'GET', '/api/push/key')).body.publicKey;
    expect(raw!.headers).toMatchObject({ 'content-encoding': 'aes128gcm', authorization: expect.stringContaining(`k=${key}`), ttl: expect.any(String) });
  });

  it('a session created over REST tells the client too', async () => {
    const from = service.received.length;
    const res = await s.api(coach.token, 'POST', '/api/sessions', session({ id: 'push-rest', title: 'Pull day', coachId: coach.id, clientId: client.id, dueDate: today, status: 'submitted', submittedAt: now(), exercises: [prescription({ exerciseId })], createdAt: now(), updatedAt: now() }));
    expect(res.status).toBe(201);
    expect((await pushesTo(clientBrowser, from)).map((p) => p.title)).toEqual([`New session from your coach: Pull day, ${weekdayOf(today)}`]);
  });

  it("a coach's message reaches the client; the client's reply reaches the coach", async () => {
    const from = service.received.length;
    const base = { coachId: coach.id, clientId: client.id, createdAt: now(), updatedAt: now() };
    await push(s, coach.token, 'messages', [{ doc: message({ ...base, id: 'push-m1', kind: 'message', authorId: coach.id, authorRole: 'coach', body: 'How did the squats feel?' }) }]);
    await push(s, client.token, 'messages', [{ doc: message({ ...base, id: 'push-m2', kind: 'message', authorId: client.id, authorRole: 'client', body: 'Heavy but good' }) }]);
    expect(await pushesTo(clientBrowser, from)).toEqual([{ title: 'Message from Casey', body: 'How did the squats feel?', url: '/client/messages', tag: 'message:push-m1' }]);
    expect(await pushesTo(coachBrowser, from)).toEqual([{ title: 'Message from Jamie', body: 'Heavy but good', url: `/coach/clients/${client.id}/messages`, tag: 'message:push-m2' }]);
  });

  it('a coach is told when a client logs a session and when they complete it, not of every entry', async () => {
    const published = await publishSession('push-logged', 'Leg day');
    const from = service.received.length;
    const entry = { [`rx-push-logged`]: logEntry({ exerciseId, loggedAt: now() }) };
    const first = sessionLog({ sessionId: published.id, clientId: client.id, coachId: coach.id, entries: entry, completedAt: null, updatedAt: now() });
    await push(s, client.token, 'logs', [{ doc: first }]);
    const edited = { ...first, entries: { 'rx-push-logged': { ...entry['rx-push-logged']!, notes: 'felt easy' } }, updatedAt: now() };
    await push(s, client.token, 'logs', [{ doc: edited, assumed: { ...first, _deleted: false } }]);
    await push(s, client.token, 'logs', [{ doc: { ...edited, completedAt: now(), updatedAt: now() }, assumed: { ...edited, _deleted: false } }]);
    expect((await pushesTo(coachBrowser, from)).map((p) => [p.title, p.url])).toEqual([
      ['Jamie logged Leg day', `/coach/clients/${client.id}`],
      ['Jamie completed Leg day', `/coach/clients/${client.id}`],
    ]);
  });
});

describe("the recipient's preferences", () => {
  it('nothing arrives in quiet hours, in the person\'s own time zone; it does again after', async () => {
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const t = Date.now();
    // Quiet from an hour ago to an hour from now, on UTC's clock.
    await setPrefs(client, { newSession: true, messages: true, clientLogged: true, quietFrom: hhmm(new Date(t - 3600_000)), quietTo: hhmm(new Date(t + 3600_000)), timeZone: 'UTC' });
    let from = service.received.length;
    await publishSession('push-quiet', 'Quiet session', addDaysTo(today, 2));
    expect(await pushesTo(clientBrowser, from)).toEqual([]);
    // The same hours, read in a zone twelve hours away, are daytime there.
    await setPrefs(client, { newSession: true, messages: true, clientLogged: true, quietFrom: hhmm(new Date(t - 3600_000)), quietTo: hhmm(new Date(t + 3600_000)), timeZone: 'Etc/GMT+12' });
    from = service.received.length;
    await publishSession('push-awake', 'Awake session', addDaysTo(today, 2));
    expect((await pushesTo(clientBrowser, from)).map((p) => p.tag)).toEqual(['session:push-awake']);
  });

  it("a person's quiet hours and time zone are theirs: their coach's pull does not carry them", async () => {
    await setPrefs(client, { newSession: true, messages: true, clientLogged: true, quietFrom: '22:00', quietTo: '07:00', timeZone: 'Europe/Berlin' });
    const seenByCoach = visible((await pullAll<Person>(s, coach.token, 'people')).docs).find((p) => p.id === client.id)!;
    expect(seenByCoach).not.toHaveProperty('notifications');
    const own = visible((await pullAll<Person>(s, client.token, 'people')).docs).find((p) => p.id === client.id)!;
    expect(own.notifications).toMatchObject({ quietFrom: '22:00', timeZone: 'Europe/Berlin' });
  });

  it('a kind switched off is not sent, others still are', async () => {
    await setPrefs(client, { newSession: false, messages: true, clientLogged: true, quietFrom: null, quietTo: null, timeZone: 'UTC' });
    const from = service.received.length;
    await publishSession('push-off', 'Unannounced', addDaysTo(today, 4));
    await push(s, coach.token, 'messages', [{ doc: message({ id: 'push-m3', kind: 'message', authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: 'Still here', createdAt: now(), updatedAt: now() }) }]);
    expect((await pushesTo(clientBrowser, from)).map((p) => p.tag)).toEqual(['message:push-m3']);
  });
});

describe('subscriptions', () => {
  it.each([
    ['plain http', 'http://push.example.com/x', 'must use https'],
    ['a private address', 'https://10.0.0.8/x', 'must be a public address'],
    ['loopback outside the allow-list', 'https://127.0.0.1/x', 'must be a public address'],
    ['a name that resolves to loopback', 'https://localhost/x', 'must be a public host name'],
  ])('refuses an endpoint at %s, saving nothing', async (_why, endpoint, reason) => {
    const res = await s.api(client.token, 'POST', '/api/push/subscriptions', { ...clientBrowser.subscription, endpoint });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(reason);
    expect((await s.app.repo.pushSubscriptionsOf(client.id)).map((x) => x.endpoint)).not.toContain(endpoint);
  });

  it('only a signed-in person may subscribe or read the key', async () => {
    expect((await s.api(null, 'POST', '/api/push/subscriptions', clientBrowser.subscription)).status).toBe(401);
    expect((await s.api(null, 'GET', '/api/push/key')).status).toBe(401);
  });

  it('an expired subscription (410 from the push service) is removed', async () => {
    const stale = new TestBrowserKeys(`${service.origin}/push/expired`);
    service.answer('/push/expired', 410);
    await subscribe(coach.token, stale);
    const from = service.received.length;
    await push(s, client.token, 'messages', [{ doc: message({ id: 'push-m4', kind: 'message', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id, body: 'Anyone?', createdAt: now(), updatedAt: now() }) }]);
    expect((await pushesTo(stale, from)).map((p) => p.tag)).toEqual(['message:push-m4']);
    const left = (await s.app.repo.pushSubscriptionsOf(coach.id)).map((x) => x.endpoint);
    expect(left).toContain(coachBrowser.endpoint);
    expect(left).not.toContain(stale.endpoint);
  });

  it('a device that unsubscribes, or signs out, is told nothing more', async () => {
    const tablet: TestSession = await s.login('client@demo.test');
    const tabletKeys = new TestBrowserKeys(`${service.origin}/push/client-tablet`);
    await subscribe(tablet.accessToken, tabletKeys);
    // Someone else cannot remove it.
    await s.api(coach.token, 'DELETE', '/api/push/subscriptions', { endpoint: tabletKeys.endpoint });
    expect((await s.app.repo.pushSubscriptionsOf(client.id)).map((x) => x.endpoint)).toContain(tabletKeys.endpoint);
    expect((await s.logout(tablet.cookie, tablet.accessToken)).status).toBeLessThan(300);
    const phoneGone = await s.api(client.token, 'DELETE', '/api/push/subscriptions', { endpoint: clientBrowser.endpoint });
    expect(phoneGone.status).toBe(200);
    const from = service.received.length;
    await push(s, coach.token, 'messages', [{ doc: message({ id: 'push-m5', kind: 'message', authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: 'Hello?', createdAt: now(), updatedAt: now() }) }]);
    expect(await pushesTo(tabletKeys, from)).toEqual([]);
    expect(await pushesTo(clientBrowser, from)).toEqual([]);
    expect(await s.app.repo.pushSubscriptionsOf(client.id)).toEqual([]);
  });
});
