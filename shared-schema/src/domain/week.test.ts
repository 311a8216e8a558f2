import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../docs/logs.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { session, sessionLog } from '../fixtures.ts';
import { weekStrip, weeklyCompletion, type DayState } from './week.ts';

// Wednesday 2026-03-11: its week is Mon 03-09 .. Sun 03-15.
const TODAY = '2026-03-11';
const s = (id: string, dueDate: string, status: TrainingSession['status'] = 'published') => session({ id, dueDate, status });
const done = (sessionId: string): SessionLog => sessionLog({ sessionId, completedAt: '2026-03-10T10:00:00.000Z' });

describe('weekStrip', () => {
  it('runs Monday to Sunday of the week holding today, whatever the weekday', () => {
    for (const today of ['2026-03-09', '2026-03-11', '2026-03-15']) {
      const strip = weekStrip([], [], today);
      expect(strip.map((d) => `${d.label} ${d.date}`)).toEqual([
        'Mon 2026-03-09', 'Tue 2026-03-10', 'Wed 2026-03-11', 'Thu 2026-03-12', 'Fri 2026-03-13', 'Sat 2026-03-14', 'Sun 2026-03-15',
      ]);
      expect(strip.filter((d) => d.isToday).map((d) => d.date)).toEqual([today]);
    }
  });

  it('crosses a month and a year boundary', () => {
    expect(weekStrip([], [], '2027-01-01').map((d) => d.date)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  const cases: [string, TrainingSession[], SessionLog[], string, DayState][] = [
    ['a rest day', [], [], '2026-03-09', 'none'],
    ['past, completed', [s('a', '2026-03-09')], [done('a')], '2026-03-09', 'done'],
    ['past, not completed', [s('a', '2026-03-09')], [], '2026-03-09', 'late'],
    ['today, open', [s('a', TODAY)], [], TODAY, 'due'],
    ['today, completed', [s('a', TODAY)], [done('a')], TODAY, 'done'],
    ['ahead, open', [s('a', '2026-03-13')], [], '2026-03-13', 'due'],
    ['ahead, completed early', [s('a', '2026-03-13')], [done('a')], '2026-03-13', 'done'],
    ['past, one done and one missed', [s('a', '2026-03-10'), s('b', '2026-03-10')], [done('a')], '2026-03-10', 'late'],
    ['today, one done and one open', [s('a', TODAY), s('b', TODAY)], [done('a')], TODAY, 'due'],
    ["a coach's draft is not the client's", [s('a', '2026-03-12', 'draft')], [], '2026-03-12', 'none'],
  ];
  it.each(cases)('%s', (_why, sessions, logs, date, state) => {
    expect(weekStrip(sessions, logs, TODAY).find((d) => d.date === date)?.state).toBe(state);
  });
});

describe('weeklyCompletion', () => {
  const cases: [string, TrainingSession[], SessionLog[], { completed: number; total: number }][] = [
    ['nothing this week', [s('prev', '2026-03-08'), s('next', '2026-03-16')], [done('prev')], { completed: 0, total: 0 }],
    [
      "the My Trainer card's 3/5",
      [s('m', '2026-03-09'), s('t', '2026-03-10'), s('w', TODAY), s('f', '2026-03-13'), s('su', '2026-03-15'), s('d', '2026-03-14', 'draft')],
      [done('m'), done('w'), done('f')],
      { completed: 3, total: 5 },
    ],
    ['sessions of other weeks do not count', [s('sun-before', '2026-03-08'), s('mon', '2026-03-09')], [done('sun-before'), done('mon')], { completed: 1, total: 1 }],
  ];
  it.each(cases)('%s', (_why, sessions, logs, expected) => expect(weeklyCompletion(sessions, logs, TODAY)).toEqual(expected));
});
