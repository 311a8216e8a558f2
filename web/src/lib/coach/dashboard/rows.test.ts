import { describe, expect, it } from 'vitest';
import { assignment, person, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { clientRows, filterRows, mondayOf, type ClientRow } from './rows.ts';

const TODAY = '2026-03-11'; // a Wednesday; its week runs 2026-03-09 .. 2026-03-15
const base = {
  coachId: 'coach-1',
  people: [person(), person({ id: 'client-2', firstName: 'Alex', lastName: 'Able', email: 'alex@demo.test' })],
  assignments: [assignment(), assignment({ id: 'asg-2', clientId: 'client-2' })],
  today: TODAY,
};

describe('mondayOf', () => {
  it.each([
    ['2026-03-09', '2026-03-09'],
    ['2026-03-11', '2026-03-09'],
    ['2026-03-15', '2026-03-09'], // Sunday ends the week
    ['2026-03-16', '2026-03-16'],
  ])('%s → %s', (day, monday) => expect(mondayOf(day)).toBe(monday));
});

describe('clientRows', () => {
  const sessions = [
    session({ id: 'done', dueDate: '2026-03-05' }),
    session({ id: 'late', dueDate: '2026-03-06' }),
    session({ id: 'next', dueDate: '2026-03-12', title: 'Legs' }),
    session({ id: 'later', dueDate: '2026-03-20' }),
    session({ id: 'draft', dueDate: '2026-03-13', status: 'draft', createdAt: '2026-03-10T09:00:00.000Z' }),
    session({ id: 'waiting', dueDate: '2026-03-14', status: 'submitted' }),
    session({ id: 'other-coach-draft', coachId: 'coach-2', status: 'draft' }),
  ];
  const logs = [sessionLog({ sessionId: 'done', completedAt: '2026-03-05T12:00:00.000Z' })];
  const rows = clientRows({ ...base, sessions, logs });

  it('one row per active or paused client, sorted by name', () => {
    expect(rows.map((r) => r.name)).toEqual(['Alex Able', 'Sam Client']);
  });

  it.each([
    ['lastWorkout', '2026-03-05T12:00:00.000Z'],
    ['compliance', 50], // done on time, late missed
    ['complianceDue', 2],
    ['nextSession', { id: 'next', dueDate: '2026-03-12', title: 'Legs' }],
    ['drafts', 2], // the draft and the one waiting to submit, not another coach's
    ['late', 1],
    ['sessionThisWeek', true],
  ] as const)('Sam: %s is %o', (field, expected) => {
    expect(rows.find((r) => r.clientId === 'client-1')![field]).toEqual(expected);
  });

  it('a client with nothing yet has empty numbers, not zeros', () => {
    expect(rows.find((r) => r.clientId === 'client-2')).toMatchObject({
      lastWorkout: null,
      compliance: null,
      complianceDue: 0,
      nextSession: null,
      drafts: 0,
      late: 0,
      sessionThisWeek: false,
    });
  });

  it.each([
    ['completed', 0],
    ['paused', 1],
  ] as const)('a %s assignment gives %i rows', (status, count) => {
    expect(clientRows({ ...base, assignments: [assignment({ status })], sessions: [], logs: [] })).toHaveLength(count);
  });

  it('drafts alone do not count as a session this week', () => {
    const only = [session({ dueDate: '2026-03-12', status: 'draft' })];
    expect(clientRows({ ...base, sessions: only, logs: [] })[1]!.sessionThisWeek).toBe(false);
  });
});

describe('filterRows', () => {
  const row = (o: Partial<ClientRow>): ClientRow => ({
    clientId: o.name ?? 'x',
    name: 'x',
    email: '',
    status: 'active',
    lastWorkout: null,
    compliance: null,
    complianceDue: 0,
    nextSession: null,
    drafts: 0,
    late: 0,
    sessionThisWeek: true,
    ...o,
  });
  const rows = [
    row({ name: 'Sam Client', email: 'client@demo.test', late: 2 }),
    row({ name: 'Alex Able', sessionThisWeek: false }),
    row({ name: 'Jo Sam', sessionThisWeek: false, late: 1 }),
  ];
  it.each([
    ['', 'all', ['Sam Client', 'Alex Able', 'Jo Sam']],
    ['sam', 'all', ['Sam Client', 'Jo Sam']],
    ['SAM client', 'all', ['Sam Client']],
    ['client sam', 'all', ['Sam Client']],
    ['demo.test', 'all', ['Sam Client']],
    ['', 'no-session-this-week', ['Alex Able', 'Jo Sam']],
    ['', 'late', ['Sam Client', 'Jo Sam']],
    ['jo', 'late', ['Jo Sam']],
    ['alex', 'late', []],
  ] as const)('"%s" with %s → %o', (q, f, expected) => {
    expect(filterRows(rows, q, f).map((r) => r.name)).toEqual(expected);
  });
});
