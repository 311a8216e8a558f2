import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../docs/logs.ts';
import { logEntry, session, sessionLog } from '../fixtures.ts';
import { compliance, complianceDrop, completedOnTime, lastWorkout, nextSession, recentLateCount } from './compliance.ts';

const TODAY = '2026-03-31';
const completedAt = (sessionId: string, at: string): SessionLog => sessionLog({ sessionId, completedAt: at });

describe('completedOnTime', () => {
  const cases: [string, string, string | null, string | undefined, boolean][] = [
    ['completed the day before', '2026-03-10', '2026-03-09T08:00:00.000Z', 'UTC', true],
    ['completed on the due day', '2026-03-10', '2026-03-10T23:59:00.000Z', 'UTC', true],
    ['completed the day after', '2026-03-10', '2026-03-11T00:01:00.000Z', 'UTC', false],
    ['23:30 in New York is still the due day there', '2026-03-10', '2026-03-11T03:30:00.000Z', 'America/New_York', true],
    ['the same instant is the next day in UTC', '2026-03-10', '2026-03-11T03:30:00.000Z', 'UTC', false],
    ['00:30 in Sydney on the due day is the day before in UTC', '2026-03-10', '2026-03-09T13:30:00.000Z', 'Australia/Sydney', true],
    ['not completed', '2026-03-10', null, 'UTC', false],
  ];
  it.each(cases)('%s', (_why, dueDate, at, tz, expected) => {
    const s = session({ dueDate });
    expect(completedOnTime(s, sessionLog({ completedAt: at }), tz)).toBe(expected);
  });
});

describe('compliance over the last 30 days', () => {
  const s = (id: string, dueDate: string, status: 'published' | 'draft' = 'published') => session({ id, dueDate, status });
  const cases: [string, ReturnType<typeof s>[], SessionLog[], { due: number; onTime: number; percent: number | null }][] = [
    ['nothing due is unknown, not 0%', [], [], { due: 0, onTime: 0, percent: null }],
    ['one on time, one missed', [s('a', '2026-03-20'), s('b', '2026-03-21')], [completedAt('a', '2026-03-20T10:00:00.000Z')], { due: 2, onTime: 1, percent: 50 }],
    ['completed late counts as due but not on time', [s('a', '2026-03-20')], [completedAt('a', '2026-03-22T10:00:00.000Z')], { due: 1, onTime: 0, percent: 0 }],
    ['the window starts 30 days ago', [s('in', '2026-03-01'), s('out', '2026-02-28')], [completedAt('in', '2026-03-01T10:00:00.000Z')], { due: 1, onTime: 1, percent: 100 }],
    ["today's open session is not a miss yet", [s('a', '2026-03-30'), s('t', TODAY)], [completedAt('a', '2026-03-30T10:00:00.000Z')], { due: 1, onTime: 1, percent: 100 }],
    ["today's completed session counts", [s('t', TODAY)], [completedAt('t', '2026-03-31T10:00:00.000Z')], { due: 1, onTime: 1, percent: 100 }],
    ['future sessions are not due', [s('f', '2026-04-02')], [completedAt('f', '2026-03-30T10:00:00.000Z')], { due: 0, onTime: 0, percent: null }],
    ['drafts never count', [s('d', '2026-03-20', 'draft')], [], { due: 0, onTime: 0, percent: null }],
    ['logged but not marked complete is a miss', [s('a', '2026-03-20')], [sessionLog({ sessionId: 'a', completedAt: null })], { due: 1, onTime: 0, percent: 0 }],
    ['rounds to a whole percent', [s('a', '2026-03-20'), s('b', '2026-03-21'), s('c', '2026-03-22')], [completedAt('a', '2026-03-20T10:00:00.000Z'), completedAt('b', '2026-03-21T10:00:00.000Z')], { due: 3, onTime: 2, percent: 67 }],
  ];
  it.each(cases)('%s', (_why, sessions, logs, expected) => {
    expect(compliance(sessions, logs, TODAY, { timeZone: 'UTC' })).toEqual(expected);
  });
});

describe('recentLateCount: late in the last 30 days (the dashboard)', () => {
  const s = (id: string, dueDate: string, status: 'published' | 'draft' = 'published') => session({ id, dueDate, status });
  const cases: [string, ReturnType<typeof s>[], SessionLog[], number][] = [
    ['nothing due', [], [], 0],
    ['missed yesterday', [s('a', '2026-03-30')], [], 1],
    ['the window starts 30 days ago', [s('in', '2026-03-01'), s('out', '2026-02-28')], [], 1],
    ['missed months ago is not counted', [s('old', '2025-11-02')], [], 0],
    ['due today is not late yet', [s('t', TODAY)], [], 0],
    ['logged but not marked complete is late', [s('a', '2026-03-20')], [sessionLog({ sessionId: 'a', completedAt: null })], 1],
    ['completed after the due day is not late', [s('a', '2026-03-20')], [completedAt('a', '2026-03-22T10:00:00.000Z')], 0],
    ['a past-dated draft is never late', [s('d', '2026-03-20', 'draft')], [], 0],
    ['two missed, one done', [s('a', '2026-03-20'), s('b', '2026-03-21'), s('c', '2026-03-22')], [completedAt('b', '2026-03-21T10:00:00.000Z')], 2],
  ];
  it.each(cases)('%s', (_why, sessions, logs, expected) => {
    expect(recentLateCount(sessions, logs, TODAY)).toBe(expected);
  });
  it('takes another window', () => {
    expect(recentLateCount([s('a', '2026-03-20'), s('b', '2026-03-28')], [], TODAY, 7)).toBe(1);
  });
});

describe('complianceDrop over 14 days', () => {
  // Two sessions a week; `kept` of the recent ones completed on time, all older ones on time.
  const history = (recentKept: number) => {
    const sessions = [];
    const logs = [];
    const days = ['2026-03-02', '2026-03-05', '2026-03-09', '2026-03-12', '2026-03-16', '2026-03-19', '2026-03-23', '2026-03-26', '2026-03-30'];
    let recent = 0;
    for (const [i, d] of days.entries()) {
      sessions.push(session({ id: `s${i}`, dueDate: d }));
      const isRecent = d >= '2026-03-17';
      if (!isRecent || recent++ < recentKept) logs.push(completedAt(`s${i}`, `${d}T10:00:00.000Z`));
    }
    return { sessions, logs };
  };
  it.each([
    ['all kept: no drop', 4, { before: 100, now: 100, dropped: false }],
    ['3 of 4 recent kept: 89%, an 11-point drop', 3, { before: 100, now: 89, dropped: false }],
    ['1 of 4 recent kept: 67%, a 33-point drop', 1, { before: 100, now: 67, dropped: true }],
  ] as const)('%s', (_why, kept, expected) => {
    const { sessions, logs } = history(kept);
    expect(complianceDrop(sessions, logs, TODAY, { timeZone: 'UTC' })).toEqual(expected);
  });
  it('never flags without data on both sides', () => {
    expect(complianceDrop([session({ dueDate: '2026-03-30' })], [], TODAY, { timeZone: 'UTC' })).toEqual({ before: null, now: 0, dropped: false });
  });
});

describe('lastWorkout', () => {
  const cases: [string, SessionLog[], string | null][] = [
    ['never trained', [], null],
    ['a log with nothing in it', [sessionLog({ entries: {}, completedAt: null })], null],
    ['the latest entry when nothing is complete', [sessionLog({ entries: { a: logEntry({ loggedAt: '2026-03-20T10:00:00.000Z' }), b: logEntry({ loggedAt: '2026-03-20T10:20:00.000Z' }) } })], '2026-03-20T10:20:00.000Z'],
    [
      'the latest across logs, completions included',
      [
        sessionLog({ sessionId: 'x', entries: { a: logEntry({ loggedAt: '2026-03-20T10:00:00.000Z' }) }, completedAt: '2026-03-20T11:00:00.000Z' }),
        sessionLog({ sessionId: 'y', entries: { a: logEntry({ loggedAt: '2026-03-18T10:00:00.000Z' }) } }),
      ],
      '2026-03-20T11:00:00.000Z',
    ],
  ];
  it.each(cases)('%s', (_why, logs, expected) => expect(lastWorkout(logs)).toBe(expected));
});

describe('nextSession', () => {
  const cases: [string, ReturnType<typeof session>[], SessionLog[], string | null][] = [
    ['none', [], [], null],
    ['the closest open one', [session({ id: 'later', dueDate: '2026-04-05' }), session({ id: 'sooner', dueDate: '2026-04-01' })], [], 'sooner'],
    ["today's counts", [session({ id: 'today', dueDate: TODAY }), session({ id: 'later', dueDate: '2026-04-01' })], [], 'today'],
    ['late and completed ones are not next', [session({ id: 'late', dueDate: '2026-03-30' }), session({ id: 'done', dueDate: '2026-04-01' }), session({ id: 'open', dueDate: '2026-04-02' })], [completedAt('done', '2026-03-31T10:00:00.000Z')], 'open'],
    ["drafts are the coach's, not the client's next session", [session({ id: 'draft', status: 'draft', dueDate: '2026-04-01' })], [], null],
  ];
  it.each(cases)('%s', (_why, sessions, logs, expected) => expect(nextSession(sessions, logs, TODAY)?.id ?? null).toBe(expected));
});
