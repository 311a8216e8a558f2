import {
  addSet,
  doneAsPrescribed,
  effectiveSets,
  orderedSets,
  prefillEntry,
  prescribedSets,
  withSets,
  type LogEntry,
  type LoggedSet,
  type Prescription,
  type SetKind,
  type WeightUnit,
} from '@spotter/shared';

/**
 * The set-by-set edits behind the log form (docs/DESIGN.md "Sets"). Each is a change OF THE
 * CURRENT ENTRY (the page applies it to the stored log at write time), touching only the set
 * it is about: another device's sets that arrived meanwhile stay, and the per-field merge
 * keeps both devices' sets. Every edit re-derives the entry's summary numbers.
 */
export interface SetContext {
  kind: SetKind;
  rx: Pick<Prescription, 'exerciseId' | 'sets' | 'reps' | 'weight' | 'restSeconds'>;
  units: WeightUnit;
  /** The client's last sets at this exercise, for what the prescription leaves open. */
  last: LoggedSet[];
  /** The client's best estimated 1RM at this exercise in `units`, for a %1RM prescription. */
  oneRepMax?: number | null;
  newId: () => string;
  now: string;
  /** What the form shows until the entry has sets of its own (`draftEntry`), with the set ids it shows. */
  draft?: LogEntry;
}

export type EntryChange = (entry: LogEntry | null) => LogEntry;

const setsOf = (e: LogEntry) => e.sets ?? {};
const recompute = (e: LogEntry, ctx: SetContext, sets: Record<string, LoggedSet>): LogEntry =>
  ({ ...withSets(e, ctx.kind, sets, e.weightUnit, ctx.rx), loggedAt: ctx.now });

/**
 * The entry an exercise starts with: prefilled as prescribed, its sets ready and not done.
 * An entry written before sets (or by an older app) gets its sets only when the client
 * edits it here; until then its summary stands.
 */
export function startEntry(ctx: SetContext): LogEntry {
  const entry = prefillEntry(ctx.rx as Prescription, ctx.units, ctx.now);
  return { ...entry, completedAsPrescribed: false, setsCompleted: 0, sets: prescribedSets(ctx.kind, ctx.rx, ctx.units, ctx.last, ctx.newId, ctx.oneRepMax ?? null) };
}

/** An entry that speaks through its sets (a new one, or one whose sets were all removed), not only its summary. */
const hasOwnSets = (e: LogEntry) => Object.keys(e.sets ?? {}).length > 0 || ((e.setsCompleted ?? 0) === 0 && e.durationMinutes === null);

/**
 * What the form shows and edits for an entry: the entry itself once it has sets; for none yet,
 * the prescribed sets; for an entry written before sets, the sets its summary describes.
 * Made once when the form opens, so the set ids shown are the ids written.
 */
export function draftEntry(entry: LogEntry | null, ctx: SetContext): LogEntry {
  if (!entry) return startEntry(ctx);
  if (hasOwnSets(entry)) return entry;
  return { ...entry, sets: Object.fromEntries(effectiveSets(entry).map((s) => [ctx.newId(), s])) };
}

const base = (entry: LogEntry | null, ctx: SetContext): LogEntry => (entry && hasOwnSets(entry) ? entry : (ctx.draft ?? draftEntry(entry, ctx)));

export const changeSet = (ctx: SetContext, id: string, patch: Partial<LoggedSet>): EntryChange => (entry) => {
  const e = base(entry, ctx);
  const current = setsOf(e)[id];
  // The set was removed on another device meanwhile: an edit does not bring it back.
  if (!current) return e;
  return recompute(e, ctx, { ...setsOf(e), [id]: { ...current, ...patch } });
};

export const removeSet = (ctx: SetContext, id: string): EntryChange => (entry) => {
  const e = base(entry, ctx);
  const { [id]: _removed, ...rest } = setsOf(e);
  return recompute(e, ctx, rest);
};

export const appendSet = (ctx: SetContext, id: string, warmup = false): EntryChange => (entry) => {
  const e = base(entry, ctx);
  return recompute(e, ctx, addSet(setsOf(e), ctx.rx, id, warmup));
};

/** One tap: every working set done at the prescription's values. */
export const asPrescribed = (ctx: SetContext): EntryChange => (entry) => {
  const e = base(entry, ctx);
  return recompute(e, ctx, doneAsPrescribed(ctx.kind, setsOf(e), ctx.rx, e.weightUnit));
};

/**
 * "Save log": the sets listed are what was done (the client removes the ones not done), so
 * every working set with a value is marked done; a set left empty is not.
 */
export const finish = (ctx: SetContext): EntryChange => (entry) => {
  const e = base(entry, ctx);
  const sets = Object.fromEntries(
    Object.entries(setsOf(e)).map(([id, s]) => [id, s.warmup || s.done ? s : { ...s, done: [s.reps, s.load, s.seconds, s.distanceM].some((v) => v !== null) }]),
  );
  return recompute(e, ctx, sets);
};

/** Fields of the entry itself (notes, results, difficulty, unit): only those change. */
export const changeEntry = (ctx: SetContext, patch: Partial<Pick<LogEntry, 'notes' | 'results' | 'difficulty' | 'weightUnit'>>): EntryChange => (entry) => {
  const e = { ...base(entry, ctx), ...patch };
  return recompute(e, ctx, setsOf(e));
};

export const setRows = (entry: LogEntry | null): [string, LoggedSet][] => orderedSets(entry?.sets);

/** The entry the form shows: the stored one once it has sets of its own, else the draft. */
export const shownEntry = (entry: LogEntry | null, draft: LogEntry): LogEntry => (entry && hasOwnSets(entry) ? entry : draft);
