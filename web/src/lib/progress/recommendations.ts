import {
  recommendationId,
  type Exercise,
  type MovementPattern,
  type Recommendation,
  type Suggestion,
} from '@spotter/shared';

/**
 * Turning the engine's suggestions into `recommendations` documents, and grouping them for
 * the coach's review, grouped by priority and movement pattern (docs/DESIGN.md "Recommendations engine").
 */

export interface Owner {
  coachId: string;
  clientId: string;
}

/**
 * The pending documents to write for `suggestions`: ids are derived (client, rule, subject,
 * week), so a suggestion already on the device — pending, approved or dismissed, from this
 * or another of the coach's devices — is never written twice or brought back after a dismissal.
 */
export function newRecommendations(suggestions: readonly Suggestion[], existingIds: ReadonlySet<string>, owner: Owner, today: string, now: string): Recommendation[] {
  const out: Recommendation[] = [];
  for (const s of suggestions) {
    const id = recommendationId(owner.clientId, s.key, today);
    if (existingIds.has(id) || out.some((r) => r.id === id)) continue;
    const { key: _key, ...fields } = s;
    out.push({ id, ...owner, ...fields, status: 'pending', createdAt: now, updatedAt: now });
  }
  return out;
}

export const PRIORITY_LABELS: Record<number, string> = { 1: 'High priority', 2: 'Medium priority', 3: 'Low priority' };

export interface PriorityGroup {
  priority: number;
  label: string;
  patterns: { pattern: MovementPattern | 'general'; items: Recommendation[] }[];
}

/** The movement pattern a recommendation is about: its own, else its exercise's, else general. */
export function patternOf(r: Recommendation, exercises: readonly Pick<Exercise, 'id' | 'pattern'>[]): MovementPattern | 'general' {
  return r.pattern ?? exercises.find((e) => e.id === r.exerciseId)?.pattern ?? 'general';
}

/** Priority 1 first; inside a priority, patterns alphabetically with "general" last; items by title. */
export function groupRecommendations(recs: readonly Recommendation[], exercises: readonly Pick<Exercise, 'id' | 'pattern'>[]): PriorityGroup[] {
  const groups: PriorityGroup[] = [];
  for (const priority of [1, 2, 3]) {
    const mine = recs.filter((r) => r.priority === priority);
    if (mine.length === 0) continue;
    const byPattern = new Map<MovementPattern | 'general', Recommendation[]>();
    for (const r of mine) byPattern.set(patternOf(r, exercises), [...(byPattern.get(patternOf(r, exercises)) ?? []), r]);
    const patterns = [...byPattern.entries()]
      .sort(([a], [b]) => (a === 'general' ? 1 : b === 'general' ? -1 : a.localeCompare(b)))
      .map(([pattern, items]) => ({ pattern, items: items.sort((x, y) => x.title.localeCompare(y.title) || x.id.localeCompare(y.id)) }));
    groups.push({ priority, label: PRIORITY_LABELS[priority]!, patterns });
  }
  return groups;
}
