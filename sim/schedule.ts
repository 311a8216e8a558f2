import type { Prng } from './prng.ts';

/**
 * A schedule is a list of operations generated from a seed. Every random choice an operation
 * needs at run time (which draft, which session) is drawn here as a plain number (`pick`) and
 * resolved against the device's local data when it runs, so that any sub-list of a schedule
 * is still a valid schedule — which is what lets the shrinker drop chunks of it.
 * `n` is the operation's index in the original schedule; markers written by the operation are
 * derived from it, so they stay the same while the schedule shrinks.
 */
export const devices = {
  coachA: 'coach@demo.test',
  coachB: 'coach@demo.test',
  coach2: 'coach2@demo.test',
  client: 'client@demo.test',
  client2: 'client2@demo.test',
  client3: 'client3@demo.test',
  // The client's second phone: sets logged on both offline merge set by set (docs/DESIGN.md "Sets").
  clientB: 'client@demo.test',
} as const;
export type DeviceName = keyof typeof devices;
export const deviceNames = Object.keys(devices) as DeviceName[];
const coachDevices: DeviceName[] = ['coachA', 'coachB', 'coach2'];
const clientDevices: DeviceName[] = ['client', 'client2', 'client3', 'clientB'];

export type TextField = 'title' | 'notes';

/** User operations, run by one device through the data layer. */
export type UserOp =
  | { kind: 'createDraft'; dev: DeviceName; pick: number; dueIn: number }
  | { kind: 'editDraft'; dev: DeviceName; pick: number; field: TextField }
  | { kind: 'addExercise'; dev: DeviceName; pick: number; exPick: number }
  | { kind: 'submitDraft'; dev: DeviceName; pick: number }
  | { kind: 'discardDraft'; dev: DeviceName; pick: number }
  | { kind: 'editPublished'; dev: DeviceName; pick: number; field: TextField }
  | { kind: 'logEntry'; dev: DeviceName; pick: number; rxPick: number }
  | { kind: 'completeSession'; dev: DeviceName; pick: number }
  | { kind: 'comment'; dev: DeviceName; pick: number }
  | { kind: 'message'; dev: DeviceName; pick: number }
  | { kind: 'viewResource'; dev: DeviceName; pick: number }
  // Set by set (docs/DESIGN.md "Sets"): a set added, edited or removed in an exercise's entry.
  | { kind: 'addSet' | 'editSet' | 'removeSet'; dev: DeviceName; pick: number; setPick: number }
  // Plans (docs/DESIGN.md "Plan activation"): written on the device, activated → the server schedules sessions.
  | { kind: 'createPlan'; dev: DeviceName; pick: number; exPick: number; days: number; weeks: number }
  | { kind: 'editPlan'; dev: DeviceName; pick: number; field: 'title' | 'goals' }
  | { kind: 'activatePlan'; dev: DeviceName; pick: number; startIn: number }
  // Trainer notes, weekly summaries, shared resources (one `notes` collection).
  | { kind: 'createNote'; dev: DeviceName; pick: number; noteKind: 'note' | 'summary' | 'resource'; isPrivate: boolean }
  | { kind: 'editNote'; dev: DeviceName; pick: number; field: 'title' | 'body' }
  | { kind: 'deleteNote'; dev: DeviceName; pick: number }
  // Recommendations: generated pending, the coach approves (the client sees) or dismisses.
  | { kind: 'recommend'; dev: DeviceName; pick: number }
  | { kind: 'approveRecommendation'; dev: DeviceName; pick: number }
  | { kind: 'dismissRecommendation'; dev: DeviceName; pick: number };

/** Faults and the targeted two-device conflict scenario, run by the harness. */
export type FaultOp =
  | { kind: 'offline' | 'online' | 'reopen' | 'wipe' | 'replayPush'; dev: DeviceName }
  | { kind: 'delayPulls'; dev: DeviceName; delaysMs: number[] }
  | { kind: 'killServer'; mode: KillMode; dev: DeviceName; downMs: number }
  | { kind: 'settle'; ms: number }
  | { kind: 'conflict'; pick: number; fields: [TextField, TextField] }
  // An admin, online, moves a client to a coach through POST /api/admin/assignments/bulk.
  | { kind: 'reassign'; pick: number; coachPick: number }
  // The device's clock is set this far from the real time (minutes or hours ahead or behind;
  // 0: right again), as a phone's clock is by a wrong time zone or by hand.
  | { kind: 'clockSkew'; dev: DeviceName; skewMs: number };

/** idle: no push in flight; before: the push never reaches the server; during: a race with the
 * push; after: the push committed but its response is lost with the server; refresh: a token
 * refresh committed (the old refresh token spent) but its answer is lost with the server. */
export type KillMode = 'idle' | 'before' | 'during' | 'after' | 'refresh';

export type Op = (UserOp | FaultOp) & { n: number };
export type UserOpKind = UserOp['kind'];
export type FaultKind = FaultOp['kind'];

const coachOps: Record<string, number> = {
  createDraft: 4, editDraft: 5, addExercise: 4, submitDraft: 3, discardDraft: 1, editPublished: 3, comment: 1, message: 1,
  createPlan: 2, editPlan: 1.5, activatePlan: 2, createNote: 2, editNote: 1.5, deleteNote: 0.4, recommend: 1.5, approveRecommendation: 1.5, dismissRecommendation: 0.4,
};
const clientOps: Record<string, number> = { logEntry: 6, completeSession: 2, comment: 1, message: 1, viewResource: 1, addSet: 3, editSet: 2, removeSet: 0.6 };
const faults: Record<string, number> = { offline: 3, online: 4, reopen: 1.5, wipe: 0.7, replayPush: 2, delayPulls: 1.5, killServer: 1.4, settle: 2, conflict: 1, reassign: 2.5, clockSkew: 1 };
/** SIM_SKEW=0: no clock skew, the schedules seeds gave before it existed (to replay those). */
const { clockSkew: _skew, ...faultsWithoutSkew } = faults;

export function generateSchedule(rng: Prng, length: number, opts: { skew?: boolean } = {}): Op[] {
  const ops: Op[] = [];
  const table = (opts.skew ?? process.env.SIM_SKEW !== '0') ? faults : faultsWithoutSkew;
  for (let n = 0; n < length; n++) {
    const family = rng.weighted({ coach: 50, client: 25, fault: 25 });
    if (family === 'fault') ops.push({ ...faultOp(rng, table), n });
    else ops.push({ ...userOp(rng, family), n });
  }
  return ops;
}

function userOp(rng: Prng, family: 'coach' | 'client'): UserOp {
  const dev = rng.pick(family === 'coach' ? coachDevices : clientDevices);
  const kind = rng.weighted(family === 'coach' ? coachOps : clientOps) as UserOpKind;
  const pick = rng.int(1 << 16);
  switch (kind) {
    case 'createDraft':
      // Mostly future dates; some in the past, which the server must refuse at submit.
      return { kind, dev, pick, dueIn: rng.chance(0.15) ? -1 - rng.int(5) : rng.int(21) };
    case 'editDraft':
    case 'editPublished':
      return { kind, dev, pick, field: rng.pick(['title', 'notes'] as const) };
    case 'addExercise':
      return { kind, dev, pick, exPick: rng.int(1 << 16) };
    case 'logEntry':
      return { kind, dev, pick, rxPick: rng.int(1 << 16) };
    case 'addSet':
    case 'editSet':
    case 'removeSet':
      return { kind, dev, pick, setPick: rng.int(1 << 16) };
    case 'createPlan':
      return { kind, dev, pick, exPick: rng.int(1 << 16), days: 1 + rng.int(3), weeks: 1 + rng.int(2) };
    case 'editPlan':
      return { kind, dev, pick, field: rng.pick(['title', 'goals'] as const) };
    case 'activatePlan':
      // Mostly from today or the coming week; some long over, which the server must refuse.
      return { kind, dev, pick, startIn: rng.chance(0.1) ? -30 - rng.int(10) : rng.int(8) };
    case 'createNote': {
      const noteKind = rng.pick(['note', 'summary', 'resource'] as const);
      return { kind, dev, pick, noteKind, isPrivate: noteKind === 'note' && rng.chance(0.5) };
    }
    case 'editNote':
      return { kind, dev, pick, field: rng.pick(['title', 'body'] as const) };
    default:
      return { kind, dev, pick } as UserOp;
  }
}

function faultOp(rng: Prng, table: Record<string, number>): FaultOp {
  const kind = rng.weighted(table) as FaultKind;
  const dev = rng.pick(deviceNames);
  switch (kind) {
    case 'delayPulls':
      return { kind, dev, delaysMs: Array.from({ length: 1 + rng.int(4) }, () => 50 + rng.int(600)) };
    case 'killServer':
      return { kind, dev, mode: rng.pick(['idle', 'before', 'during', 'after', 'refresh'] as const), downMs: rng.int(800) };
    case 'reassign':
      return { kind, pick: rng.int(1 << 16), coachPick: rng.int(1 << 16) };
    case 'settle':
      return { kind, ms: 50 + rng.int(400) };
    case 'clockSkew': {
      const size = rng.weighted({ right: 1, minutes: 2, hours: 2 });
      const magnitude = size === 'right' ? 0 : size === 'minutes' ? (1 + rng.int(59)) * 60_000 : (1 + rng.int(12)) * 3_600_000;
      return { kind, dev, skewMs: rng.chance(0.5) ? magnitude : -magnitude };
    }
    case 'conflict':
      return { kind, pick: rng.int(1 << 16), fields: rng.chance(0.5) ? ['title', 'notes'] : [rng.pick(['title', 'notes'] as const), rng.pick(['title', 'notes'] as const)] };
    default:
      return { kind, dev } as FaultOp;
  }
}

/** One line per operation, for failure reports and the shrunk reproduction. */
export function describe(op: Op): string {
  const { n, kind, ...rest } = op;
  return `#${n} ${kind} ${JSON.stringify(rest)}`;
}

/**
 * On several server instances (SIM_STORE=pg): one of them SIGKILLed in the middle of the run,
 * during a push of coachA's, whatever the seed drew, and restarted a second later while the
 * other goes on serving. A schedule file (SIM_SCHEDULE) already holds it.
 */
export function withInstanceKilledMidway(ops: Op[]): Op[] {
  const mid = Math.floor(ops.length / 2);
  const n = ops.reduce((max, op) => Math.max(max, op.n), 0) + 1;
  return [...ops.slice(0, mid), { kind: 'killServer', mode: 'during', dev: 'coachA', downMs: 1000, n }, ...ops.slice(mid)];
}
