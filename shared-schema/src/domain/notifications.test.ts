import { describe, expect, it } from 'vitest';
import * as f from '../fixtures.ts';
import { defaultNotificationPrefs, inQuietHours, logNotice, messageNotice, sessionNotice, shouldNotify, weekdayOf, type NotificationKind } from './notifications.ts';
import type { NotificationPrefs } from '../docs/people.ts';

const prefs = (o: Partial<NotificationPrefs> = {}): NotificationPrefs => ({ ...defaultNotificationPrefs(), ...o });
const live = <D>(doc: D) => ({ doc, deleted: false });

describe('quiet hours, in the person\'s time zone', () => {
  it.each([
    // [why, from, to, zone, instant, quiet]
    ['no quiet hours set', null, null, 'UTC', '2026-12-07T23:00:00Z', false],
    ['inside a span within one day', '12:00', '14:00', 'UTC', '2026-12-07T13:00:00Z', true],
    ['the end minute is already outside', '12:00', '14:00', 'UTC', '2026-12-07T14:00:00Z', false],
    ['the start minute is inside', '12:00', '14:00', 'UTC', '2026-12-07T12:00:00Z', true],
    ['a span crossing midnight, late evening', '22:00', '07:00', 'UTC', '2026-12-07T23:30:00Z', true],
    ['a span crossing midnight, early morning', '22:00', '07:00', 'UTC', '2026-12-07T06:59:00Z', true],
    ['a span crossing midnight, daytime', '22:00', '07:00', 'UTC', '2026-12-07T12:00:00Z', false],
    // 23:30 UTC is 18:30 in New York (EST): not quiet there, although it is at UTC.
    ['read on the person\'s clock, not the server\'s', '22:00', '07:00', 'America/New_York', '2026-12-07T23:30:00Z', false],
    // 05:30 UTC is 00:30 in New York.
    ['the same instant is night in New York', '22:00', '07:00', 'America/New_York', '2026-12-08T05:30:00Z', true],
    // Summer time: 21:30 UTC in July is 23:30 in Berlin (CEST, +2).
    ['daylight saving time follows the zone', '23:00', '06:00', 'Europe/Berlin', '2026-07-01T21:30:00Z', true],
    ['from equal to to means none', '08:00', '08:00', 'UTC', '2026-12-07T08:00:00Z', false],
    ['an unknown zone reads as UTC', '12:00', '14:00', 'Mars/Olympus', '2026-12-07T13:00:00Z', true],
  ] as const)('%s', (_why, quietFrom, quietTo, timeZone, at, quiet) => {
    expect(inQuietHours({ quietFrom, quietTo, timeZone }, new Date(at))).toBe(quiet);
  });
});

describe('shouldNotify', () => {
  const noon = new Date('2026-12-07T12:00:00Z');
  it.each([
    // [why, prefs, kind, send]
    ['a person who never chose gets everything', undefined, 'newSession', true],
    ['a kind switched off is never sent', prefs({ messages: false }), 'messages', false],
    ['other kinds still are', prefs({ messages: false }), 'clientLogged', true],
    ['quiet hours hold back every kind', prefs({ quietFrom: '11:00', quietTo: '13:00' }), 'newSession', false],
    ['outside quiet hours it goes', prefs({ quietFrom: '13:00', quietTo: '14:00' }), 'newSession', true],
  ] as const)('%s', (_why, p, kind, send) => {
    expect(shouldNotify(p, kind as NotificationKind, noon)).toBe(send);
  });
});

describe('which write tells whom', () => {
  const draft = f.session({ status: 'draft', title: 'Lower body', dueDate: '2026-12-10' });
  const published = { ...draft, status: 'published' as const };
  it.each([
    ['a session published at once', null, live(published), true],
    ['a draft published', live(draft), live(published), true],
    ['an edit of a published session is not news', live(published), live({ ...published, notes: 'x' }), false],
    ['a draft is nobody\'s news', null, live(draft), false],
    ['a deleted session is not news', live(draft), { doc: published, deleted: true }, false],
  ] as const)('session: %s', (_why, before, after, told) => {
    expect(sessionNotice(before, after) !== null).toBe(told);
  });

  it('a new session reads as the coach would say it, and opens that session', () => {
    const n = sessionNotice(null, live(published))!;
    expect(weekdayOf('2026-12-10')).toBe('Thu');
    expect(n).toMatchObject({ recipientId: published.clientId, kind: 'newSession', title: 'New session from your coach: Lower body, Thu', url: `/client/sessions/${published.id}` });
  });

  const started = f.sessionLog({ entries: { p1: f.logEntry() }, completedAt: null });
  const done = { ...started, completedAt: f.T0 };
  const names = { client: 'Jamie', session: 'Lower body' };
  it.each([
    ['the first entry of a log', null, live(started), 'Jamie logged Lower body'],
    ['a completion', live(started), live(done), 'Jamie completed Lower body'],
    ['completed in one go', null, live(done), 'Jamie completed Lower body'],
    ['a later edit of a completed log is quiet', live(done), live({ ...done, updatedAt: '2026-03-03T09:00:00.000Z' }), null],
    ['another entry of a started log is quiet', live(started), live({ ...started, updatedAt: '2026-03-03T09:00:00.000Z' }), null],
  ] as const)('log: %s', (_why, before, after, title) => {
    const n = logNotice(before, after, names);
    expect(n?.title ?? null).toBe(title);
    if (n) expect(n.recipientId).toBe(started.coachId);
  });

  const fromCoach = f.message({ kind: 'message', authorId: f.COACH_ID, authorRole: 'coach', body: 'Great work today' });
  const fromClient = f.message({ kind: 'message', authorId: f.CLIENT_ID, authorRole: 'client', body: 'Knee felt odd' });
  it.each([
    ['a coach\'s message tells the client', fromCoach, f.CLIENT_ID, '/client/messages'],
    ['a client\'s message tells the coach', fromClient, f.COACH_ID, `/coach/clients/${f.CLIENT_ID}/messages`],
    ['a coach\'s comment on a session opens the session', { ...fromCoach, kind: 'comment' as const, targetType: 'session' as const, targetId: 's-9' }, f.CLIENT_ID, '/client/sessions/s-9'],
    ['a view is nobody\'s news', { ...fromClient, kind: 'view' as const, body: '' }, null, null],
  ])('message: %s', (_why, doc, recipient, url) => {
    const n = messageNotice(null, live(doc), 'Casey');
    expect(n?.recipientId ?? null).toBe(recipient);
    expect(n?.url ?? null).toBe(url);
  });

  it('an edited message is not news again', () => {
    expect(messageNotice(live(fromCoach), live({ ...fromCoach, body: 'edited' }), 'Casey')).toBeNull();
  });
});
