import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../docs/logs.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { exercise, prescription, session, sessionLog } from '../fixtures.ts';
import { isComplete, isLate, lastSevenDays, logsBySession, previousSessions, sessionTab, upcomingSessions } from './sessions.ts';

const TODAY = '2026-03-10';
const done = (sessionId: string): SessionLog => sessionLog({ sessionId, completedAt: '2026-03-09T18:00:00.000Z' });
const started = (sessionId: string): SessionLog => sessionLog({ sessionId, completedAt: null });

describe('isComplete / isLate / sessionTab', () => {
  const cases: [string, Partial<TrainingSession>, SessionLog | null, boolean, boolean, 'upcoming' | 'previous'][] = [
    ['due today, nothing logged', { dueDate: TODAY }, null, false, false, 'upcoming'],
    ['due tomorrow', { dueDate: '2026-03-11' }, null, false, false, 'upcoming'],
    ['due yesterday, nothing logged', { dueDate: '2026-03-09' }, null, false, true, 'previous'],
    ['due yesterday, logged but not marked complete', { dueDate: '2026-03-09' }, started('ses-1'), false, true, 'previous'],
    ['due yesterday, complete', { dueDate: '2026-03-09' }, done('ses-1'), true, false, 'previous'],
    ['due next week, already complete', { dueDate: '2026-03-17' }, done('ses-1'), true, false, 'previous'],
    ['a draft dated in the past is not late', { dueDate: '2026-03-01', status: 'draft' }, null, false, false, 'upcoming'],
    ['a submitted session dated in the past is not late', { dueDate: '2026-03-01', status: 'submitted' }, null, false, false, 'upcoming'],
    ["another session's log does not count", { dueDate: '2026-03-09' }, done('ses-other'), false, true, 'previous'],
  ];
  it.each(cases)('%s', (_why, s, log, complete, late, tab) => {
    const doc = session(s);
    expect(isComplete(doc, log)).toBe(complete);
    expect(isLate(doc, log, TODAY)).toBe(late);
    expect(sessionTab(doc, log, TODAY)).toBe(tab);
  });
});

describe('session lists', () => {
  const sessions = [
    session({ id: 'late', dueDate: '2026-03-05' }),
    session({ id: 'done-old', dueDate: '2026-03-02' }),
    session({ id: 'done-future', dueDate: '2026-03-12' }),
    session({ id: 'next-week', dueDate: '2026-03-17' }),
    session({ id: 'today-b', dueDate: TODAY, createdAt: '2026-03-01T10:00:00.000Z' }),
    session({ id: 'today-a', dueDate: TODAY, createdAt: '2026-03-01T09:00:00.000Z' }),
    session({ id: 'draft-old', status: 'draft', dueDate: '2026-03-20', createdAt: '2026-03-08T09:00:00.000Z' }),
    session({ id: 'draft-new', status: 'draft', dueDate: '2026-03-25', createdAt: '2026-03-09T09:00:00.000Z' }),
    session({ id: 'submitted', status: 'submitted', dueDate: '2026-03-11', createdAt: '2026-03-08T12:00:00.000Z' }),
  ];
  const logs = [done('done-old'), done('done-future'), started('late')];

  it.each([
    ['a list of logs', logs],
    ['logs indexed by session', logsBySession(logs)],
  ] as const)('upcoming: newest unsent first, then closest due date (%s)', (_how, given) => {
    expect(upcomingSessions(sessions, given, TODAY).map((s) => s.id)).toEqual(['draft-new', 'submitted', 'draft-old', 'today-a', 'today-b', 'next-week']);
  });

  it('previous: complete or late, most recent first', () => {
    expect(previousSessions(sessions, logs, TODAY).map((s) => s.id)).toEqual(['done-future', 'late', 'done-old']);
  });

  it('every session is in exactly one list', () => {
    const both = [...upcomingSessions(sessions, logs, TODAY), ...previousSessions(sessions, logs, TODAY)].map((s) => s.id).sort();
    expect(both).toEqual(sessions.map((s) => s.id).sort());
  });
});

describe('lastSevenDays', () => {
  const exercises = [exercise({ id: 'ex-bench', name: 'Bench Press' }), exercise({ id: 'ex-squat', name: 'Back Squat' }), exercise({ id: 'ex-row', name: 'Row' })];
  const bench = (id: string) => prescription({ id, exerciseId: 'ex-bench' });
  const squat = (id: string) => prescription({ id, exerciseId: 'ex-squat' });
  const sessions = [
    session({ id: 's-window-start', dueDate: '2026-03-04', exercises: [bench('a1'), squat('a2')] }),
    session({ id: 's-today', dueDate: TODAY, exercises: [bench('b1'), bench('b2')] }),
    session({ id: 's-too-old', dueDate: '2026-03-03', exercises: [prescription({ id: 'c1', exerciseId: 'ex-row' })] }),
    session({ id: 's-future', dueDate: '2026-03-11', exercises: [bench('d1')] }),
    session({ id: 's-draft', status: 'draft', dueDate: '2026-03-08', exercises: [squat('e1')] }),
    session({ id: 's-unknown', dueDate: '2026-03-06', exercises: [prescription({ id: 'f1', exerciseId: 'ex-gone' })] }),
  ];
  const logs = [sessionLog({ sessionId: 's-window-start', entries: { a1: sessionLog().entries['rx-1'] }, completedAt: '2026-03-04T18:00:00.000Z' })];

  it('counts published sessions due in the 7 days ending today and the exercises in them', () => {
    expect(lastSevenDays(sessions, logs, exercises, TODAY)).toEqual({
      count: 3,
      completed: 1,
      exercises: [
        { exerciseId: 'ex-bench', name: 'Bench Press', times: 2, logged: 1 },
        { exerciseId: 'ex-squat', name: 'Back Squat', times: 1, logged: 0 },
        { exerciseId: 'ex-gone', name: 'Unknown exercise', times: 1, logged: 0 },
      ],
    });
  });

  it('is empty with nothing programmed', () => {
    expect(lastSevenDays([], [], exercises, TODAY)).toEqual({ count: 0, completed: 0, exercises: [] });
  });
});
