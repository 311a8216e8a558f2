import type { MediaRef, Prescription, TrainingSession } from '@spotter/shared';
import { calendarDate } from '@spotter/shared';

/**
 * What the coach types, as typed. Inputs hold strings so a half-typed value ("", "1") never
 * has to be a valid document; `toSession` keeps the last valid value of each field and says
 * why a field was not taken, so nothing is written that the schema would refuse.
 */
export interface PrescriptionForm {
  id: string;
  exerciseId: string;
  sets: string;
  reps: string;
  weight: string;
  rest: string;
  notes: string;
  /** Superset/circuit group (docs/DESIGN.md "Supersets and circuits"); null: on its own. */
  group?: string | null;
  /** The coach's own photo or video for this prescription (docs/DESIGN.md "Media storage"). */
  media?: MediaRef | null;
}

export interface SessionForm {
  dueDate: string;
  title: string;
  notes: string;
  exercises: PrescriptionForm[];
}

export const toForm = (s: Pick<TrainingSession, 'dueDate' | 'title' | 'notes' | 'exercises'>): SessionForm => ({
  dueDate: s.dueDate,
  title: s.title,
  notes: s.notes,
  exercises: s.exercises.map(toPrescriptionForm),
});

export const toPrescriptionForm = (p: Prescription): PrescriptionForm => ({
  id: p.id,
  exerciseId: p.exerciseId,
  sets: String(p.sets),
  reps: p.reps,
  weight: p.weight,
  rest: String(p.restSeconds),
  notes: p.notes,
  group: p.group ?? null,
  media: p.media ?? null,
});

function int(raw: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Problems keyed by `<prescription id>.<field>` or the session field name. */
export type FormProblems = Record<string, string>;

export function formProblems(form: SessionForm): FormProblems {
  const out: FormProblems = {};
  if (!calendarDate.safeParse(form.dueDate).success) out.dueDate = 'Pick a date.';
  if (form.title.length > 120) out.title = 'At most 120 characters.';
  if (form.notes.length > 2000) out.notes = 'At most 2000 characters.';
  for (const p of form.exercises) {
    if (int(p.sets, 1, 50) === null) out[`${p.id}.sets`] = 'Sets: a whole number from 1 to 50.';
    if (p.reps.trim() === '') out[`${p.id}.reps`] = 'Reps: e.g. 10, 8-12 or AMRAP.';
    else if (p.reps.length > 20) out[`${p.id}.reps`] = 'Reps: at most 20 characters.';
    if (p.weight.length > 40) out[`${p.id}.weight`] = 'Weight: at most 40 characters.';
    if (int(p.rest, 0, 3600) === null) out[`${p.id}.rest`] = 'Rest: seconds from 0 to 3600.';
    if (p.notes.length > 1000) out[`${p.id}.notes`] = 'Notes: at most 1000 characters.';
  }
  return out;
}

/**
 * The session fields to persist: each valid field from the form, the last saved value for
 * each invalid one (a prescription new in the form falls back to sane defaults). The order
 * of exercises is the form's.
 */
export function toSessionFields(form: SessionForm, saved: Pick<TrainingSession, 'dueDate' | 'title' | 'notes' | 'exercises'>) {
  const problems = formProblems(form);
  const before = new Map(saved.exercises.map((p) => [p.id, p]));
  const exercises: Prescription[] = form.exercises.map((f) => {
    const old = before.get(f.id);
    return {
      id: f.id,
      exerciseId: f.exerciseId,
      sets: int(f.sets, 1, 50) ?? old?.sets ?? 3,
      reps: problems[`${f.id}.reps`] ? (old?.reps ?? '10') : f.reps.trim(),
      weight: problems[`${f.id}.weight`] ? (old?.weight ?? '') : f.weight,
      restSeconds: int(f.rest, 0, 3600) ?? old?.restSeconds ?? 90,
      notes: problems[`${f.id}.notes`] ? (old?.notes ?? '') : f.notes,
      // Absent rather than null when on its own: a session that never used groups stays as it was.
      ...(f.group ? { group: f.group } : {}),
      ...(f.media ? { media: f.media } : {}),
    };
  });
  return {
    dueDate: problems.dueDate ? saved.dueDate : form.dueDate,
    title: problems.title ? saved.title : form.title,
    notes: problems.notes ? saved.notes : form.notes,
    exercises,
  };
}
