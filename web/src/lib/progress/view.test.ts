import { exercise, logEntry, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { exerciseView, progressView, type ProgressInput } from './view.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;
const input = (o: Partial<ProgressInput> = {}): ProgressInput => ({
  sessions: [session({ id: 's1', dueDate: '2026-03-02' }), session({ id: 's2', dueDate: '2026-03-04' }), session({ id: 's3', dueDate: '2026-03-09' })],
  logs: [
    sessionLog({ sessionId: 's1', completedAt: at('2026-03-02'), entries: { a: logEntry({ exerciseId: 'bench', weightUsed: 60, repsCompleted: 10, loggedAt: at('2026-03-02') }) } }),
    sessionLog({ sessionId: 's2', completedAt: at('2026-03-04'), entries: { a: logEntry({ exerciseId: 'bench', weightUsed: 65, repsCompleted: 10, loggedAt: at('2026-03-04') }) } }),
  ],
  exercises: [exercise({ id: 'bench', name: 'Bench Press', pattern: 'push' })],
  units: 'kg',
  range: { from: null, to: null },
  today: '2026-03-11',
  ...o,
});

describe('progressView', () => {
  it('summarises records, completion per week and balance in the viewer unit', () => {
    const v = progressView(input());
    expect(v.records).toEqual([
      {
        exerciseId: 'bench',
        name: 'Bench Press',
        bestSet: { date: '2026-03-04', text: '3 × 10 @ 65 kg' },
        e1rm: 86.7,
        heaviest: { date: '2026-03-04', text: '3 × 10 @ 65 kg' },
        mostTonnage: { date: '2026-03-04', text: '1950 kg' },
        prs: 1,
      },
    ]);
    expect(v.completion).toEqual([
      { weekStart: '2026-03-02', due: 2, completed: 2, onTime: 2, percent: 100 },
      { weekStart: '2026-03-09', due: 1, completed: 0, onTime: 0, percent: 0 },
    ]);
    expect(v.balance.find((b) => b.pattern === 'push')!.sets).toBe(6);
    expect(v.totals).toEqual({ sessionsCompleted: 2, tonnage: 3750, prs: 1 });
    // The exercise picker's default is the exercise logged on the most days.
    expect(v.exercises).toEqual([{ id: 'bench', name: 'Bench Press', days: 2 }]);
  });

  it("counts muscle balance from the catalogue entry's muscles, else the exercise's own groups", () => {
    const entry = { id: 'Barbell_Bench', name: 'Barbell Bench', category: 'strength', force: 'push', level: 'beginner', mechanic: 'compound', equipment: 'barbell', primary: ['chest'], secondary: ['triceps'], photos: [] } as const;
    const linked = progressView(input({ exercises: [exercise({ id: 'bench', catalogueId: 'Barbell_Bench', muscleGroups: ['shoulders'] })], catalogue: new Map([[entry.id, { ...entry, primary: [...entry.primary], secondary: [...entry.secondary], photos: [] }]]) }));
    const worked = (v: typeof linked) => Object.fromEntries(v.muscles.filter((m) => m.sets > 0).map((m) => [m.muscle, m.sets]));
    expect(linked.muscles).toHaveLength(17);
    expect(worked(linked)).toEqual({ chest: 6, triceps: 3 });
    // Before the catalogue has loaded (or for a coach's own exercise): its own muscle groups.
    const own = progressView(input({ exercises: [exercise({ id: 'bench', catalogueId: 'Barbell_Bench', muscleGroups: ['shoulders'] })] }));
    expect(worked(own)).toEqual({ shoulders: 6 });
  });

  it('converts to lb', () => {
    const v = progressView(input({ units: 'lb' }));
    expect(v.records[0]!.bestSet!.text).toBe('3 × 10 @ 143.3 lb');
    expect(v.totals.tonnage).toBe(8267.3);
  });

  it.each([
    [{ from: '2026-03-03', to: null }, 1, 1950],
    [{ from: null, to: '2026-03-02' }, 1, 1800],
    [{ from: '2026-03-05', to: '2026-03-08' }, 0, 0],
  ])('range %o → %d completed, %d kg', (range, completed, tonnage) => {
    const v = progressView(input({ range }));
    expect([v.totals.sessionsCompleted, v.totals.tonnage]).toEqual([completed, tonnage]);
  });

  it('exerciseView gives one point per day', () => {
    expect(exerciseView(input(), 'bench')).toEqual([
      { date: '2026-03-02', tonnage: 1800, e1rm: 80 },
      { date: '2026-03-04', tonnage: 1950, e1rm: 86.7 },
    ]);
  });
});
