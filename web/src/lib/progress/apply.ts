import type { Exercise, Recommendation, TrainingSession } from '@spotter/shared';
import { duplicateSession, newDraft, newPrescription, type DraftIds } from '../coach/draft.ts';

/**
 * "Apply to a draft" (docs/DESIGN.md "Recommendations engine"): an approved recommendation becomes a draft in the builder's
 * queue in one action, built with the builder's own pure draft operations. The coach reviews
 * it there and submits as usual; nothing reaches the client until then.
 */

/** The load the coach approved, read from the (possibly edited) title: "… to 62.5 kg". */
export function weightInTitle(title: string): string | null {
  const m = /(\d+(?:[.,]\d+)?)\s*(kg|lb)\b/i.exec(title);
  return m ? `${m[1]!.replace(',', '.')} ${m[2]!.toLowerCase()}` : null;
}

const latestWith = (sessions: readonly TrainingSession[], exerciseId: string) =>
  sessions
    .filter((s) => s.status === 'published' && s.exercises.some((p) => p.exerciseId === exerciseId))
    .sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0];

export function draftFromRecommendation(
  rec: Recommendation,
  ctx: { sessions: readonly TrainingSession[]; exercises: readonly Pick<Exercise, 'id' | 'name' | 'type' | 'pattern'>[]; today: string; ids: DraftIds },
): TrainingSession | null {
  const { ids, today } = ctx;
  const base = { ...newDraft(rec.coachId, rec.clientId, today, ids), notes: `From recommendation: ${rec.title}\n${rec.reason}` };
  if (rec.kind === 'reschedule') {
    // The late session again, due today (its id is in the rule's key, not in the document: match by title).
    const late = ctx.sessions
      .filter((s) => s.status === 'published' && s.dueDate < today && rec.title.includes(`"${s.title || 'Untitled session'}"`))
      .sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0];
    return late ? { ...duplicateSession(late, ids, today, rec.coachId), dueDate: today, notes: base.notes } : null;
  }
  if ((rec.kind === 'progression' || rec.kind === 'deload') && rec.exerciseId) {
    const source = latestWith(ctx.sessions, rec.exerciseId);
    const weight = weightInTitle(rec.title);
    if (!source) return null;
    const copy = duplicateSession(source, ids, today, rec.coachId);
    const exercises = copy.exercises.map((p) => (p.exerciseId === rec.exerciseId && weight ? { ...p, weight } : p));
    return { ...copy, dueDate: today, notes: base.notes, exercises };
  }
  if (rec.kind === 'neglected' && rec.pattern) {
    const pick = [...ctx.exercises].filter((e) => e.pattern === rec.pattern).sort((a, b) => a.name.localeCompare(b.name))[0];
    return pick ? { ...base, title: `${rec.pattern} work`, exercises: [newPrescription(pick, ids.id())] } : null;
  }
  return null;
}
