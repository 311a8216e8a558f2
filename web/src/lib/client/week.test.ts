import { session, sessionLog } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { weekDates, weekStrip, weeklyCompletion } from './week.ts';

// 2026-03-04 is a Wednesday; its week runs Mon 2026-03-02 .. Sun 2026-03-08.
const TODAY = '2026-03-04';
const done = (sessionId: string) => sessionLog({ sessionId, completedAt: '2026-03-04T10:00:00.000Z' });
const inProgress = (sessionId: string) => sessionLog({ sessionId, completedAt: null });

describe('weekDates', () => {
  it.each([
    ['a Wednesday', '2026-03-04', '2026-03-02', '2026-03-08'],
    ['a Monday starts its own week', '2026-03-02', '2026-03-02', '2026-03-08'],
    ['a Sunday ends the week that began the Monday before', '2026-03-08', '2026-03-02', '2026-03-08'],
    ['across a month end', '2026-04-01', '2026-03-30', '2026-04-05'],
  ])('%s', (_, today, first, last) => {
    const days = weekDates(today);
    expect(days).toHaveLength(7);
    expect([days[0], days[6]]).toEqual([first, last]);
  });
});

describe('weekStrip day states', () => {
  it.each([
    ['no session that day', [], [], 'none'],
    ['completed', [session({ id: 'a', dueDate: '2026-03-02' })], [done('a')], 'done'],
    ['past and not complete: late', [session({ id: 'a', dueDate: '2026-03-02' })], [], 'late'],
    ['past, logged but never completed: late', [session({ id: 'a', dueDate: '2026-03-02' })], [inProgress('a')], 'late'],
    ['one done, one missed on the same day: late', [session({ id: 'a', dueDate: '2026-03-02' }), session({ id: 'b', dueDate: '2026-03-02' })], [done('a')], 'late'],
    ['a draft is not the client’s to do', [session({ id: 'a', dueDate: '2026-03-02', status: 'draft' })], [], 'none'],
  ])('Monday: %s', (_, sessions, logs, state) => {
    expect(weekStrip(sessions, logs, TODAY)[0]!.state).toBe(state);
  });

  it.each([
    ['due today, not done', [session({ id: 'a', dueDate: TODAY })], [], 'due'],
    ['due today, done', [session({ id: 'a', dueDate: TODAY })], [done('a')], 'done'],
    ['due today, one done and one to go', [session({ id: 'a', dueDate: TODAY }), session({ id: 'b', dueDate: TODAY })], [done('a')], 'due'],
  ])('today: %s', (_, sessions, logs, state) => {
    const day = weekStrip(sessions, logs, TODAY)[2]!;
    expect(day).toEqual({ date: TODAY, state, isToday: true });
  });

  it.each([
    ['due later this week', [session({ id: 'a', dueDate: '2026-03-07' })], [], 'due'],
    ['completed early', [session({ id: 'a', dueDate: '2026-03-07' })], [done('a')], 'done'],
  ])('Saturday: %s', (_, sessions, logs, state) => {
    expect(weekStrip(sessions, logs, TODAY)[5]!.state).toBe(state);
  });

  it('ignores sessions of other weeks', () => {
    const strip = weekStrip([session({ id: 'a', dueDate: '2026-03-01' }), session({ id: 'b', dueDate: '2026-03-09' })], [], TODAY);
    expect(strip.map((d) => d.state)).toEqual(Array(7).fill('none'));
  });
});

describe('weeklyCompletion: "x/y workouts completed" this week', () => {
  const week = [
    session({ id: 'mon', dueDate: '2026-03-02' }),
    session({ id: 'tue', dueDate: '2026-03-03' }),
    session({ id: 'wed', dueDate: '2026-03-04' }),
    session({ id: 'fri', dueDate: '2026-03-06' }),
    session({ id: 'sun', dueDate: '2026-03-08' }),
  ];
  it.each([
    ['nothing scheduled', [], [], { completed: 0, total: 0 }],
    ['five scheduled, three completed', week, [done('mon'), done('wed'), done('fri')], { completed: 3, total: 5 }],
    ['logged but not completed does not count', week, [inProgress('mon')], { completed: 0, total: 5 }],
    ['last week and next week are outside', [...week, session({ id: 'old', dueDate: '2026-03-01' }), session({ id: 'next', dueDate: '2026-03-09' })], [done('old')], { completed: 0, total: 5 }],
    ['drafts are not workouts yet', [session({ id: 'd', dueDate: TODAY, status: 'draft' })], [], { completed: 0, total: 0 }],
  ])('%s', (_, sessions, logs, expected) => {
    expect(weeklyCompletion(sessions, logs, TODAY)).toEqual(expected);
  });
});
