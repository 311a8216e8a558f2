import { blocksOf, linkWithNext, setRounds, unlinkFromNext } from '@spotter/shared';
import type { PrescriptionForm } from '../form.ts';

// The builder edits the form (numbers as typed text); the grouping rules are the shared ones
// (shared-schema/src/domain/supersets.ts), applied to the numbers and written back.
const asRx = (f: PrescriptionForm) => ({ id: f.id, sets: Number(f.sets) || 1, restSeconds: Number(f.rest) || 0, group: f.group ?? null });

function back(items: readonly PrescriptionForm[], out: ReturnType<typeof asRx>[]): PrescriptionForm[] {
  return items.map((f, i) => {
    const o = out[i]!;
    return { ...f, group: o.group ?? null, sets: o.sets === asRx(f).sets ? f.sets : String(o.sets) };
  });
}

export const linkForm = (items: readonly PrescriptionForm[], index: number, newGroup: string) => back(items, linkWithNext(items.map(asRx), index, newGroup));
export const unlinkForm = (items: readonly PrescriptionForm[], index: number, newGroup: string) => back(items, unlinkFromNext(items.map(asRx), index, newGroup));
/** A group's sets are its rounds: typing one member's sets sets them all. */
export function roundsForm(items: readonly PrescriptionForm[], index: number): PrescriptionForm[] {
  const typed = Number(items[index]?.sets);
  if (!Number.isInteger(typed) || typed < 1) return [...items];
  return back(items, setRounds(items.map(asRx), index, typed));
}

/** Each item's label (A1, A2, B…), whether it is linked with the next, and its block's rounds. */
export interface FormLabel {
  label: string;
  letter: string;
  grouped: boolean;
  /** Members in the block: three or more make a circuit. */
  size: number;
  linkedToNext: boolean;
  rounds: number;
  first: boolean;
}

export function formLabels(items: readonly PrescriptionForm[]): Map<string, FormLabel> {
  const out = new Map<string, FormLabel>();
  for (const b of blocksOf(items.map(asRx))) {
    const size = b.items.length;
    b.items.forEach(({ prescription, label }, j) =>
      out.set(prescription.id, { label, letter: b.letter, grouped: b.grouped, size, linkedToNext: b.grouped && j < size - 1, rounds: b.rounds, first: j === 0 }),
    );
  }
  return out;
}
