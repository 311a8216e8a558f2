import { exercise, prescription, recommendation, session } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { draftFromRecommendation, weightInTitle } from './apply.ts';

describe('weightInTitle', () => {
  it.each([
    ['Increase Bench Press to 62.5 kg', '62.5 kg'],
    ['Deload Squat to 90 KG (−10%)', '90 kg'],
    ['Go to 137,5 lb', '137.5 lb'],
    ['Program some pull work', null],
  ])('%s → %s', (t, want) => expect(weightInTitle(t)).toBe(want));
});

describe('draftFromRecommendation', () => {
  let n = 0;
  const ids = { id: () => `id-${++n}`, now: '2026-03-12T10:00:00.000Z' };
  const sessions = [
    session({ id: 'old', dueDate: '2026-03-02', title: 'Upper A', exercises: [prescription({ id: 'p1', exerciseId: 'ex-bench', weight: '55 kg' })] }),
    session({ id: 'new', dueDate: '2026-03-09', title: 'Upper B', exercises: [prescription({ id: 'p2', exerciseId: 'ex-bench' }), prescription({ id: 'p3', exerciseId: 'ex-row', weight: '40 kg' })] }),
    session({ id: 'draft', dueDate: '2026-03-20', status: 'draft', exercises: [prescription({ exerciseId: 'ex-bench' })] }),
  ];
  const exercises = [exercise(), exercise({ id: 'ex-row', name: 'Row', pattern: 'pull' }), exercise({ id: 'ex-chin', name: 'Chin-up', pattern: 'pull' })];
  const ctx = { sessions, exercises, today: '2026-03-12', ids };

  it.each([
    ['progression copies the latest published session with the approved weight', recommendation({ title: 'Increase Bench Press to 65 kg' }), 'Upper B', [['ex-bench', '65 kg'], ['ex-row', '40 kg']]],
    ['deload likewise', recommendation({ kind: 'deload', title: 'Deload Bench Press to 54 kg (−10%)' }), 'Upper B', [['ex-bench', '54 kg'], ['ex-row', '40 kg']]],
    ['reschedule repeats the late session today', recommendation({ kind: 'reschedule', exerciseId: null, pattern: null, title: 'Reschedule "Upper B"' }), 'Upper B', [['ex-bench', '60 kg'], ['ex-row', '40 kg']]],
    ['neglected adds the pattern’s first exercise', recommendation({ kind: 'neglected', exerciseId: null, pattern: 'pull', title: 'Program some pull work' }), 'pull work', [['ex-chin', '']]],
  ] as const)('%s', (_, rec, title, rx) => {
    const d = draftFromRecommendation(rec, ctx)!;
    expect([d.status, d.dueDate, d.title, d.clientId, d.coachId]).toEqual(['draft', '2026-03-12', title, 'client-1', 'coach-1']);
    expect(d.exercises.map((p) => [p.exerciseId, p.weight])).toEqual(rx);
    expect(d.notes).toContain(rec.title);
    expect(sessions.some((s) => s.id === d.id || s.exercises.some((p) => d.exercises.some((q) => q.id === p.id)))).toBe(false);
  });

  it('gives nothing when there is nothing to copy', () => {
    expect(draftFromRecommendation(recommendation({ exerciseId: 'ex-unknown' }), ctx)).toBeNull();
    expect(draftFromRecommendation(recommendation({ kind: 'custom' }), ctx)).toBeNull();
  });
});
