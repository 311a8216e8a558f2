import type { Prescription } from '../docs/sessions.ts';

type Rx = Pick<Prescription, 'id' | 'sets' | 'restSeconds'> & { group?: string | null };

/** One block of a session: a single exercise, or a superset/circuit done round by round. */
export interface Block<P extends Rx = Rx> {
  /** A, B, C… in session order. */
  letter: string;
  /** The members in order, labelled A1, A2… (a single exercise is just its letter). */
  items: { prescription: P; label: string }[];
  grouped: boolean;
  /** A group's rounds: its members' most prescribed sets (the builder keeps them equal). */
  rounds: number;
}

const letterOf = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `${letterOf(Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`);

/**
 * The session's blocks (docs/DESIGN.md "Supersets and circuits"): consecutive prescriptions
 * with the same group form one; a group of one (its partner removed or moved away) is a single
 * exercise again, and a group split by a move is two blocks. So no edit can leave a session
 * with a broken group: the grouping is read from the order, never trusted from the ids alone.
 */
export function blocksOf<P extends Rx>(prescriptions: readonly P[]): Block<P>[] {
  const runs: P[][] = [];
  for (const p of prescriptions) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev && p.group && prev.group === p.group) last.push(p);
    else runs.push([p]);
  }
  return runs.map((run, i) => {
    const letter = letterOf(i);
    const grouped = run.length > 1;
    return {
      letter,
      grouped,
      rounds: Math.max(...run.map((p) => p.sets)),
      items: run.map((prescription, j) => ({ prescription, label: grouped ? `${letter}${j + 1}` : letter })),
    };
  });
}

/**
 * Links the prescription at `index` with the next one: the next joins its group (a new group,
 * `newGroup`, when it had none), and so does the rest of the next one's group. Every member
 * takes the group's rounds (the first member's sets), since a round is one set of each.
 */
export function linkWithNext<P extends Rx>(prescriptions: readonly P[], index: number, newGroup: string): P[] {
  const a = prescriptions[index];
  const b = prescriptions[index + 1];
  if (!a || !b) return [...prescriptions];
  const group = a.group && blockOfIndex(prescriptions, index).grouped ? a.group : newGroup;
  const joining = new Set([index, index + 1]);
  // The rest of b's block comes along.
  if (b.group) for (let j = index + 2; j < prescriptions.length && prescriptions[j]!.group === b.group; j++) joining.add(j);
  for (let j = index - 1; j >= 0 && a.group && prescriptions[j]!.group === a.group; j--) joining.add(j);
  const first = Math.min(...joining);
  const rounds = prescriptions[first]!.sets;
  return prescriptions.map((p, j) => (joining.has(j) ? { ...p, group, sets: rounds } : p));
}

/**
 * Breaks the link between `index` and the next one. The part after keeps a group of its own
 * (`newGroup`) if two or more remain; a part of one is a single exercise again (group null).
 */
export function unlinkFromNext<P extends Rx>(prescriptions: readonly P[], index: number, newGroup: string): P[] {
  const a = prescriptions[index];
  const b = prescriptions[index + 1];
  if (!a || !b || !a.group || a.group !== b.group) return [...prescriptions];
  let end = index + 1;
  while (end + 1 < prescriptions.length && prescriptions[end + 1]!.group === a.group) end++;
  let start = index;
  while (start - 1 >= 0 && prescriptions[start - 1]!.group === a.group) start--;
  return prescriptions.map((p, j) => {
    if (j >= start && j <= index) return index === start ? { ...p, group: null } : p;
    if (j > index && j <= end) return { ...p, group: end === index + 1 ? null : newGroup };
    return p;
  });
}

/** Sets every member of the block holding `index` to `rounds` sets. */
export function setRounds<P extends Rx>(prescriptions: readonly P[], index: number, rounds: number): P[] {
  const ids = new Set(blockOfIndex(prescriptions, index).items.map((i) => i.prescription.id));
  return prescriptions.map((p) => (ids.has(p.id) ? { ...p, sets: rounds } : p));
}

function blockOfIndex<P extends Rx>(prescriptions: readonly P[], index: number): Block<P> {
  const id = prescriptions[index]?.id;
  return blocksOf(prescriptions).find((b) => b.items.some((i) => i.prescription.id === id)) ?? { letter: '', items: [], grouped: false, rounds: 0 };
}

export interface Step {
  prescriptionId: string;
  /** 1-based. */
  round: number;
}

/**
 * The next set of a group to do: round by round, each member in order (A1, A2, A1, A2…); a
 * member with fewer sets than the rounds is passed over in the rounds it has none. `done`
 * says how many working sets of each prescription are done. Null when the group is finished.
 */
export function nextStep(block: Block, done: (prescriptionId: string) => number): Step | null {
  for (let round = 1; round <= block.rounds; round++) {
    for (const { prescription: p } of block.items) {
      if (round <= p.sets && done(p.id) < round) return { prescriptionId: p.id, round };
    }
  }
  return null;
}

/**
 * After a set of `prescriptionId` is marked done (`done` counts before it): where the walk goes
 * and how long to rest. In a group there is no rest between its exercises; the rest comes after
 * a round (the group's longest prescribed rest), and none after the last. A single exercise
 * rests its own prescribed rest.
 */
export function afterSet(block: Block, done: (prescriptionId: string) => number, prescriptionId: string): { next: Step | null; restSeconds: number } {
  const counted = (id: string) => done(id) + (id === prescriptionId ? 1 : 0);
  const next = nextStep(block, counted);
  const own = block.items.find((i) => i.prescription.id === prescriptionId)?.prescription;
  if (!block.grouped) return { next, restSeconds: own?.restSeconds ?? 0 };
  const roundDone = counted(prescriptionId);
  const endOfRound = next === null || next.round > roundDone;
  const rest = Math.max(...block.items.map((i) => i.prescription.restSeconds));
  return { next, restSeconds: endOfRound && next !== null ? rest : 0 };
}
