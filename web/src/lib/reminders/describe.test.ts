import { describe, expect, it } from 'vitest';
import { describeRule, reminderFromForm, type ReminderForm } from './describe.ts';

const rule = (o: Partial<Parameters<typeof describeRule>[0]>) => ({ repeat: 'weekly' as const, date: null, weekdays: [], time: '07:00', ...o });

describe('describeRule', () => {
  it.each([
    ['the evening before', rule({ repeat: 'eveBefore', time: '19:00' }), 'The evening before each session at 19:00'],
    ['the session day', rule({ repeat: 'sessionDay', time: '07:30' }), 'On the day of each session at 07:30'],
    ['one weekday', rule({ weekdays: [1] }), 'Every Monday at 07:00'],
    ['several weekdays, in week order', rule({ weekdays: [4, 1] }), 'Every Monday and Thursday at 07:00'],
    ['every day', rule({ weekdays: [1, 2, 3, 4, 5, 6, 7] }), 'Every day at 07:00'],
    ['once', rule({ repeat: 'once', date: '2026-12-10', time: '18:30' }), 'Once, Thu 10 Dec at 18:30'],
  ])('%s', (_why, r, expected) => {
    expect(describeRule(r)).toBe(expected);
  });
});

describe('reminderFromForm', () => {
  const form: ReminderForm = { clientId: '', repeat: 'weekly', date: '2026-12-10', weekdays: [3, 1, 1], time: '07:00', message: '  Weigh in  ' };
  const coach = { id: 'coach-1', role: 'coach' as const };
  it('keeps only the fields its repeat uses; an empty client is all clients', () => {
    expect(reminderFromForm(form, coach, 'r1', '2026-12-07T08:00:00.000Z')).toEqual({
      reminder: { id: 'r1', authorId: 'coach-1', authorRole: 'coach', clientId: null, message: 'Weigh in', repeat: 'weekly', date: null, weekdays: [1, 3], time: '07:00', createdAt: '2026-12-07T08:00:00.000Z', updatedAt: '2026-12-07T08:00:00.000Z' },
    });
  });
  it.each([
    ['a weekly reminder without days', { weekdays: [] }, 'Pick the days of the week this reminder comes on.'],
    ['a one-off without its day', { repeat: 'once' as const, date: '' }, 'A one-off reminder needs its day.'],
    ['no time', { time: '' }, 'Pick a time.'],
  ])('%s: says what is missing', (_why, change, problem) => {
    expect(reminderFromForm({ ...form, ...change }, coach, 'r1', '2026-12-07T08:00:00.000Z')).toEqual({ problem });
  });
  it("a client's reminder is always their own", () => {
    const made = reminderFromForm({ ...form, clientId: 'someone', repeat: 'sessionDay' }, { id: 'client-1', role: 'client' }, 'r2', '2026-12-07T08:00:00.000Z');
    expect(made).toMatchObject({ reminder: { clientId: 'client-1', authorRole: 'client', weekdays: [] } });
  });
});
