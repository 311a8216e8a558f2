import {
  BALANCE_PATTERNS,
  catalogueMuscles,
  completionPerWeek,
  muscleBalance,
  musclesOf,
  difficultySeries,
  exerciseSeries,
  performedEntries,
  personalRecords,
  roundWeight,
  trainingBalance,
  weeklyVolume,
  type CatalogueEntry,
  type CatalogueMuscle,
  type DateRange,
  type Exercise,
  type MovementPattern,
  type Performed,
  type SessionLog,
  type TrainingSession,
  type WeightUnit,
} from '@spotter/shared';

/**
 * The progress page's numbers, from local documents only (works offline). Every weight is in
 * the viewer's unit and rounded once, here, so charts, tables and tests read the same values.
 */
export interface ProgressInput {
  sessions: readonly TrainingSession[];
  logs: readonly SessionLog[];
  exercises: readonly (Pick<Exercise, 'id' | 'name' | 'pattern' | 'muscleGroups'> & Partial<Pick<Exercise, 'catalogueId'>>)[];
  /** The exercise catalogue by id, for muscle balance (empty until it has loaded). */
  catalogue?: ReadonlyMap<string, CatalogueEntry>;
  units: WeightUnit;
  range: DateRange;
  today: string;
  timeZone?: string;
}

export interface SetText {
  date: string;
  text: string;
}

export interface RecordRow {
  exerciseId: string;
  name: string;
  bestSet: SetText | null;
  e1rm: number | null;
  heaviest: SetText | null;
  mostTonnage: SetText | null;
  prs: number;
}

export interface ProgressView {
  units: WeightUnit;
  /** Exercises with anything logged in the range, by name; `days`: on how many days. */
  exercises: { id: string; name: string; days: number }[];
  records: RecordRow[];
  completion: { weekStart: string; due: number; completed: number; onTime: number; percent: number | null }[];
  difficulty: { date: string; average: number }[];
  balance: { pattern: MovementPattern; sets: number }[];
  /** Working sets per catalogue muscle (secondary muscles count half), every muscle listed. */
  muscles: { muscle: CatalogueMuscle; sets: number }[];
  volume: { weekStart: string; tonnage: number }[];
  totals: { sessionsCompleted: number; tonnage: number; prs: number };
}

export const setText = (p: Performed, units: WeightUnit): string =>
  p.weight > 0 ? `${p.sets} × ${p.reps} @ ${roundWeight(p.weight)} ${units}` : `${p.sets} × ${p.reps}`;

export function progressView(input: ProgressInput): ProgressView {
  const { units, range } = input;
  const upToToday: DateRange = { from: range.from, to: range.to && range.to < input.today ? range.to : input.today };
  const performed = performedEntries(input.logs, units, upToToday, input.timeZone);
  const names = new Map(input.exercises.map((e) => [e.id, e.name]));
  const name = (id: string) => names.get(id) ?? 'Unknown exercise';
  const records = personalRecords(performed).map((r) => ({
    exerciseId: r.exerciseId,
    name: name(r.exerciseId),
    bestSet: r.bestSet && { date: r.bestSet.date, text: setText(r.bestSet, units) },
    e1rm: r.bestSet?.e1rm != null ? roundWeight(r.bestSet.e1rm) : null,
    heaviest: r.heaviest && { date: r.heaviest.date, text: setText(r.heaviest, units) },
    mostTonnage: r.mostTonnage && { date: r.mostTonnage.date, text: `${roundWeight(r.mostTonnage.tonnage)} ${units}` },
    prs: r.prs.length,
  }));
  records.sort((a, b) => a.name.localeCompare(b.name));
  const completion = completionPerWeek(input.sessions, input.logs, input.today, upToToday, input.timeZone).map((w) => ({
    ...w,
    percent: w.due ? Math.round((w.completed / w.due) * 100) : null,
  }));
  const balance = trainingBalance(performed, input.exercises);
  const catalogue = input.catalogue ?? new Map<string, CatalogueEntry>();
  const byId = new Map(input.exercises.map((e) => [e.id, e]));
  const muscles = muscleBalance(performed, (id) => {
    const ex = byId.get(id);
    return ex && musclesOf(ex, catalogue);
  });
  const days = new Map<string, Set<string>>();
  for (const p of performed) days.set(p.exerciseId, (days.get(p.exerciseId) ?? new Set()).add(p.date));
  return {
    units,
    exercises: records.map((r) => ({ id: r.exerciseId, name: r.name, days: days.get(r.exerciseId)?.size ?? 0 })),
    records,
    completion,
    difficulty: difficultySeries(performed).map(({ date, average }) => ({ date, average })),
    balance: BALANCE_PATTERNS.map((pattern) => ({ pattern, sets: balance[pattern] })),
    muscles: catalogueMuscles.map((muscle) => ({ muscle, sets: muscles[muscle] })),
    volume: weeklyVolume(performed).map((w) => ({ weekStart: w.weekStart, tonnage: roundWeight(w.tonnage) })),
    totals: {
      // Same source as the weekly bars, so the headline and the chart always agree.
      sessionsCompleted: completion.reduce((a, w) => a + w.completed, 0),
      tonnage: roundWeight(performed.reduce((a, p) => a + p.tonnage, 0)),
      prs: records.reduce((a, r) => a + r.prs, 0),
    },
  };
}

/** One exercise's tonnage and estimated-1RM series for the line chart, rounded for display. */
export function exerciseView(input: ProgressInput, exerciseId: string): { date: string; tonnage: number; e1rm: number | null }[] {
  const upToToday: DateRange = { from: input.range.from, to: input.range.to && input.range.to < input.today ? input.range.to : input.today };
  return exerciseSeries(performedEntries(input.logs, input.units, upToToday, input.timeZone), exerciseId).map((p) => ({
    date: p.date,
    tonnage: roundWeight(p.tonnage),
    e1rm: p.e1rm === null ? null : roundWeight(p.e1rm),
  }));
}
