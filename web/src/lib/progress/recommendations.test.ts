import type { Suggestion } from '@spotter/shared';
import { exercise, recommendation } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { groupRecommendations, newRecommendations } from './recommendations.ts';

const s = (key: string, o: Partial<Suggestion> = {}): Suggestion => ({ key, kind: 'neglected', priority: 3, pattern: 'pull', exerciseId: null, title: key, reason: 'why', ...o });
const owner = { coachId: 'coach-1', clientId: 'client-1' };
const now = '2026-03-12T10:00:00.000Z';

describe('newRecommendations', () => {
  it('writes pending docs with derived ids, once', () => {
    const first = newRecommendations([s('a'), s('b'), s('a')], new Set(), owner, '2026-03-12', now);
    expect(first.map((r) => [r.title, r.status])).toEqual([['a', 'pending'], ['b', 'pending']]);
    expect(first[0]).not.toHaveProperty('key');
    // Another device, later in the same week, with one already known (maybe dismissed): nothing new.
    const again = newRecommendations([s('a'), s('b')], new Set(first.map((r) => r.id)), owner, '2026-03-15', now);
    expect(again).toEqual([]);
    // Next week the rule may fire again.
    expect(newRecommendations([s('a')], new Set(first.map((r) => r.id)), owner, '2026-03-16', now)).toHaveLength(1);
  });
});

describe('groupRecommendations', () => {
  it('groups by priority then pattern (exercise pattern when the rec has none; general last)', () => {
    const exercises = [exercise({ id: 'squat', pattern: 'squat' })];
    const recs = [
      recommendation({ id: '1', priority: 2, pattern: null, exerciseId: null, title: 'Reschedule' }),
      recommendation({ id: '2', priority: 2, pattern: null, exerciseId: 'squat', title: 'Add to squat' }),
      recommendation({ id: '3', priority: 1, pattern: 'pull', exerciseId: null, title: 'Pull' }),
      recommendation({ id: '4', priority: 2, pattern: 'hinge', exerciseId: null, title: 'Hinge' }),
    ];
    const g = groupRecommendations(recs, exercises);
    expect(g.map((p) => [p.label, p.patterns.map((x) => `${x.pattern}:${x.items.map((i) => i.id).join(',')}`)])).toEqual([
      ['High priority', ['pull:3']],
      ['Medium priority', ['hinge:4', 'squat:2', 'general:1']],
    ]);
  });
});
