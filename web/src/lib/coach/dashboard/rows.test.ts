import { describe, expect, it } from 'vitest';
import { assignment, person, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { complianceDrop, engagement } from '@spotter/shared';
import { clientRows, filterRows, mondayOf, sortRows, type ClientRow } from './rows.ts';

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

  it('engagement and the compliance drop are the shared rules over the client\'s published sessions', () => {
    const sam = rows.find((r) => r.clientId === 'client-1')!;
    const published = sessions.filter((x) => x.status === 'published');
    expect(sam.engagement).toBe(engagement('client-1', published, logs, [], TODAY).score);
    expect(sam.complianceDrop).toEqual(complianceDrop(published, logs, TODAY));
  });

  it('the client\'s own messages raise engagement; the coach\'s do not', () => {
    const msg = (authorId: string, i: number) => ({
      id: `m${authorId}${i}`, kind: 'message' as const, authorId, authorRole: authorId === 'coach-1' ? ('coach' as const) : ('client' as const),
      coachId: 'coach-1', clientId: 'client-1', targetType: null, targetId: null, targetEntryId: null, rating: null, body: 'hi', createdAt: '2026-03-10T09:00:00.000Z', updatedAt: '2026-03-10T09:00:00.000Z',
    });
    const score = (messages: ReturnType<typeof msg>[]) => clientRows({ ...base, sessions, logs, messages }).find((r) => r.clientId === 'client-1')!.engagement;
    expect(score([msg('client-1', 1), msg('client-1', 2)])).toBeGreaterThan(score([]));
    expect(score([msg('coach-1', 1)])).toBe(score([]));
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
    engagement: 50,
    engagementParts: { due: 0, logged: 0, onTime: 0, interactions: 0, daysSinceActive: null },
    complianceDrop: { before: null, now: null, dropped: false },
    ...o,
  });
  const rows = [
    row({ name: 'Sam Client', email: 'client@demo.test', late: 2, engagement: 20, complianceDrop: { before: 90, now: 60, dropped: true } }),
    row({ name: 'Alex Able', sessionThisWeek: false, engagement: 39 }),
    row({ name: 'Jo Sam', sessionThisWeek: false, late: 1, engagement: 40 }),
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
    ['', 'low-engagement', ['Sam Client', 'Alex Able']], // under 40; 40 itself is not low
    ['', 'compliance-drop', ['Sam Client']],
  ] as const)('"%s" with %s → %o', (q, f, expected) => {
    expect(filterRows(rows, q, f).map((r) => r.name)).toEqual(expected);
  });
});

describe('sortRows', () => {
  const row = (name: string, o: Partial<ClientRow>): ClientRow => ({
    clientId: name, name, email: '', status: 'active', lastWorkout: null, compliance: null, complianceDue: 0, nextSession: null, drafts: 0, late: 0,
    sessionThisWeek: true, engagement: 50, engagementParts: { due: 0, logged: 0, onTime: 0, interactions: 0, daysSinceActive: null },
    complianceDrop: { before: null, now: null, dropped: false }, ...o,
  });
  const rows = [
    row('Cy', { engagement: 70, compliance: 80, lastWorkout: '2026-03-10T08:00:00.000Z' }),
    row('Al', { engagement: 30, compliance: null, lastWorkout: '2026-03-01T08:00:00.000Z' }),
    row('Bo', { engagement: 30, compliance: 40, lastWorkout: null }),
  ];
  it.each([
    ['name', ['Al', 'Bo', 'Cy']],
    ['engagement', ['Al', 'Bo', 'Cy']], // a tie keeps name order
    ['compliance', ['Al', 'Bo', 'Cy']], // unknown first: nothing due yet needs a look too
    ['last-workout', ['Bo', 'Al', 'Cy']], // never trained first
  ] as const)('by %s → %o', (sort, expected) => {
    expect(sortRows(rows, sort).map((r) => r.name)).toEqual(expected);
  });
});
