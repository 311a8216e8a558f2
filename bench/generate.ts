/**
 * The large account (bench/README.md "Data"): a coach with 30 clients and one year of history —
 * about 4 sessions a week each with ~6 prescribed exercises, the clients' logs, comments,
 * messages and notes — written into a fresh SQLite file through the server's own storage
 * module (migrations, seq counter and constraints exactly as in production). Deterministic
 * given the seed and `today`.
 *
 *   node bench/generate.ts /tmp/large.db [seed]
 */
import { existsSync } from 'node:fs';
import {
  addDaysTo, collections, effectiveSets, sessionLogId, todayLocal,
  type Assignment, type CollectionName, type Exercise, type LogEntry, type Message, type Note, type Person, type Prescription, type SessionLog, type TrainingSession,
} from '@spotter/shared';
import { hashPassword } from '@spotter/sync-server/auth/passwords.ts';
import { demoExercises } from '@spotter/sync-server/demo/exercises.ts';
import type { Doc } from '@spotter/sync-server/storage/mappers.ts';
import { openDatabase } from '@spotter/sync-server/storage/db.ts';
import { SqliteRepository } from '@spotter/sync-server/storage/sqlite-repository.ts';
import { Prng } from '@spotter/sim/prng.ts';

export const BENCH_PASSWORD = 'spotter-bench';
/** The token family (JWT `sid`) generate gives each account, for mintToken. */
export const benchFamily = (userId: string) => `bench:${userId}`;
export const COACH_EMAIL = 'coach@bench.test';
export const clientEmail = (n: number) => `client${String(n).padStart(2, '0')}@bench.test`;

export interface GenerateOptions {
  dbPath: string;
  seed?: number;
  today?: string;
  clients?: number;
  weeks?: number;
  /** Extra coach/client pairs without history, for the SSE load (500 distinct users). */
  crowd?: { coaches: number; clientsPerCoach: number };
}

export interface Generated {
  coach: Person;
  clients: Person[];
  crowd: { coach: Person; clients: Person[] }[];
  counts: Record<CollectionName, number> & { loggedExercises: number };
}

const titles = ['Lower body', 'Upper body', 'Full body', 'Push', 'Pull', 'Conditioning'];
const reps = ['5', '8', '8-12', '10', '12', '15', 'AMRAP'];
const commentLines = ['Felt strong today.', 'Left shoulder a bit tight on the presses.', 'Great work — add 2.5 kg next time.', 'Can we swap the lunges?', 'Keep the rest honest on the last sets.'];
const chatLines = ['Running 10 minutes late.', 'Sessions for next week are up.', 'Slept badly, should I go lighter?', 'Yes — drop 10% and keep the reps.', 'New PR on deadlift!', 'Nice, well done.'];

const at = (date: string, time: string) => `${date}T${time}.000Z`;
const msOf = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

export async function generateLargeAccount(opts: GenerateOptions): Promise<Generated> {
  if (existsSync(opts.dbPath)) throw new Error(`${opts.dbPath} exists: the generator only fills a fresh database`);
  const rnd = new Prng(opts.seed ?? 7);
  const today = opts.today ?? todayLocal();
  const weeks = opts.weeks ?? 52;
  const start = addDaysTo(today, -7 * weeks);
  const now = at(today, '06:00:00');
  const database = openDatabase(opts.dbPath);
  const repo = new SqliteRepository(database.db, database.sqlite);
  // One argon2 hash for every account: hashing hundreds of accounts would dominate the run.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts = Object.fromEntries(Object.keys(collections).map((c) => [c, 0])) as Generated['counts'];
  counts.loggedExercises = 0;

  // Every document is checked against its shared schema: the data must be what a device could sync.
  // Built first in write order (accounts before what names them), then written in one transaction.
  const writes: (() => Promise<unknown>)[] = [];
  const put = (c: CollectionName, doc: object) => {
    const parsed = collections[c].schema.parse(doc) as Doc;
    writes.push(() => repo.put(c, parsed, false));
    counts[c]++;
  };
  const person = (role: Person['role'], email: string, firstName: string, lastName: string, extra: Partial<Person> = {}): Person => {
    const p: Person = {
      id: rnd.uuid(msOf(start)), role, email, firstName, lastName, units: 'kg', isPersonalTrainer: role === 'coach', specializations: [],
      certifications: [], maxClients: 0, hourlyRate: null, bio: '', yearsExperience: null, updatedAt: at(start, '08:00:00'), ...extra,
    };
    const parsed = collections.people.schema.parse(p);
    writes.push(() => repo.createUser(parsed, passwordHash));
    // A signed-in session per account, so the bench can mint its access tokens (mintToken):
    // the server refuses a token whose family (sid) it does not know.
    writes.push(() => repo.startTokenFamily(benchFamily(p.id), p.id, { tokenHash: `bench-unusable-${p.id}`, expiresAt: '2999-01-01T00:00:00.000Z' }, at(start, '08:00:00')));
    counts.people++;
    return p;
  };
  const assign = (coach: Person, client: Person) => {
    const a: Assignment = {
      id: rnd.uuid(msOf(start)), clientId: client.id, coachId: coach.id, status: 'active', assignedBy: null,
      startDate: start, endDate: null, notes: '', createdAt: at(start, '08:00:00'), updatedAt: at(start, '08:00:00'),
    };
    put('assignments', a);
  };

  const result = (() => {
    const clientsN = opts.clients ?? 30;
    const coach = person('coach', COACH_EMAIL, 'Blake', 'Bench', {
      maxClients: Math.max(30, clientsN), specializations: ['strength'], certifications: ['NSCA-CSCS'], hourlyRate: 70, yearsExperience: 10, bio: 'Large-account benchmark coach.',
    });
    const exercises: Exercise[] = demoExercises(at(start, '08:00:00'));
    for (let k = 0; k < 15; k++) {
      const base = exercises[k]!;
      exercises.push({ ...base, id: rnd.uuid(msOf(start)), ownerId: coach.id, name: `${base.name} (tempo ${k + 1})` });
    }
    for (const ex of exercises) put('exercises', ex);

    const clients: Person[] = [];
    for (let n = 1; n <= clientsN; n++) {
      const client = person('client', clientEmail(n), `Client${n}`, 'Bench', { units: n % 3 ? 'kg' : 'lb' });
      clients.push(client);
      assign(coach, client);
      history(coach, client, exercises);
    }
    const crowd = [];
    for (let c = 1; c <= (opts.crowd?.coaches ?? 0); c++) {
      const crowdCoach = person('coach', `crowd-coach${c}@bench.test`, `Crowd${c}`, 'Coach', { maxClients: opts.crowd!.clientsPerCoach });
      const crowdClients: Person[] = [];
      for (let n = 1; n <= opts.crowd!.clientsPerCoach; n++) {
        const client = person('client', `crowd${c}-client${n}@bench.test`, `Crowd${c}-${n}`, 'Client');
        assign(crowdCoach, client);
        crowdClients.push(client);
      }
      crowd.push({ coach: crowdCoach, clients: crowdClients });
    }
    return { coach, clients, crowd };
  })();
  await repo.transaction(async () => {
    for (const write of writes) await write();
  });
  await repo.close();
  return { ...result, counts };

  /** One client's year: sessions on 4 fixed weekdays, logs for most past ones, comments, chat, notes. */
  function history(coach: Person, client: Person, exercises: Exercise[]): void {
    const pair = { coachId: coach.id, clientId: client.id };
    const offset = rnd.between(0, 2);
    const weekdays = [0, 1 + offset, 3 + (offset % 2), 5];
    const adherence = 0.85 + rnd.next() * 0.14; // clients differ: 85–99 % of past sessions logged
    const message = (author: Person, kind: Message['kind'], body: string, createdAt: string, target: { type: 'session' | 'log'; id: string } | null) => {
      put('messages', {
        id: rnd.uuid(msOf(createdAt)), kind, authorId: author.id, authorRole: author.role, ...pair, targetType: target?.type ?? null,
        targetId: target?.id ?? null, targetEntryId: null, rating: null, body, createdAt, updatedAt: createdAt,
      } satisfies Message);
    };
    for (let w = 0; w < weeks + 2; w++) {
      for (const [i, day] of weekdays.entries()) {
        const dueDate = addDaysTo(start, w * 7 + day);
        const createdAt = at(addDaysTo(dueDate, -5), '10:00:00');
        const prescriptions: Prescription[] = Array.from({ length: rnd.between(5, 7) }, () => {
          const ex = rnd.pick(exercises);
          const cardio = ex.type === 'cardio';
          return {
            id: rnd.uuid(msOf(createdAt)), exerciseId: ex.id, sets: cardio ? 1 : rnd.between(3, 5), reps: cardio ? '20 min' : rnd.pick(reps),
            weight: cardio ? '' : `${rnd.between(8, 60) * 2.5} kg`, restSeconds: rnd.pick([60, 90, 120, 180]), notes: rnd.chance(0.1) ? 'Slow eccentric.' : '',
          };
        });
        const future = dueDate >= today;
        const draft = future && w === weeks + 1 && i === 3; // the coach's queue: one draft per client
        const session: TrainingSession = {
          id: rnd.uuid(msOf(createdAt)), ...pair, dueDate, title: `${titles[(w + i) % titles.length]} ${w + 1}.${i + 1}`,
          notes: rnd.chance(0.2) ? 'Warm up 10 minutes first.' : '', exercises: prescriptions, status: draft ? 'draft' : 'published',
          submittedAt: draft ? null : createdAt, rejection: null, planId: null, createdAt, updatedAt: createdAt,
        };
        put('sessions', session);
        if (future || !rnd.chance(adherence)) continue;
        const loggedAt = at(dueDate, '18:30:00');
        const entries: Record<string, LogEntry> = {};
        for (const p of prescriptions) {
          const asPrescribed = rnd.chance(0.8);
          const entry: LogEntry = {
            exerciseId: p.exerciseId, setsCompleted: asPrescribed ? p.sets : Math.max(0, p.sets - 1), repsCompleted: rnd.between(5, 12),
            weightUsed: p.weight ? Number.parseFloat(p.weight) : null, weightUnit: client.units, durationMinutes: p.reps === '20 min' ? rnd.between(15, 25) : null,
            completedAsPrescribed: asPrescribed, results: '', notes: asPrescribed ? '' : 'Had to cut the last set.', difficulty: rnd.between(1, 5),
            prescribed: { sets: p.sets, reps: p.reps, weight: p.weight, restSeconds: p.restSeconds }, loggedAt,
          };
          // Every set as the app logs it (docs/DESIGN.md "Sets"): the first sync carries them.
          // Ids from the prescription's, with no random draw, so the rest of the data is as before.
          entry.sets = Object.fromEntries(effectiveSets(entry).map((set, k) => [`${p.id}-${k}`, set]));
          entries[p.id] = entry;
          counts.loggedExercises++;
        }
        const log: SessionLog = {
          id: sessionLogId(session.id), sessionId: session.id, ...pair, entries,
          completedAt: rnd.chance(0.1) ? at(addDaysTo(dueDate, 1), '09:00:00') : loggedAt, updatedAt: loggedAt,
        };
        put('logs', log);
        if (rnd.chance(0.15)) {
          message(client, 'comment', rnd.pick(commentLines), at(dueDate, '19:00:00'), { type: 'log', id: log.id });
          message(coach, 'comment', rnd.pick(commentLines), at(addDaysTo(dueDate, 1), '08:00:00'), { type: 'session', id: session.id });
        }
      }
      if (w < weeks) {
        for (let m = 0; m < 2; m++) message(m ? coach : client, 'message', rnd.pick(chatLines), at(addDaysTo(start, w * 7 + 2 + m), '12:00:00'), null);
      }
      if (w % 4 === 3 && w < weeks) {
        const weekOf = addDaysTo(start, w * 7);
        put('notes', {
          id: rnd.uuid(msOf(weekOf)), kind: 'summary', ...pair, title: `Weeks ${w - 2}–${w + 1}`, body: 'Consistent month; loads up on the main lifts.',
          url: '', resourceType: '', isPrivate: false, weekOf, createdAt: at(weekOf, '20:00:00'), updatedAt: at(weekOf, '20:00:00'),
        } satisfies Note);
      }
    }
    put('notes', {
      id: rnd.uuid(msOf(start)), kind: 'note', ...pair, title: 'Injury history', body: 'Old ankle sprain; no restrictions.', url: '',
      resourceType: '', isPrivate: true, weekOf: null, createdAt: at(start, '09:00:00'), updatedAt: at(start, '09:00:00'),
    } satisfies Note);
  }
}

if (import.meta.main) {
  const [dbPath, seed] = process.argv.slice(2);
  if (!dbPath) throw new Error('usage: node bench/generate.ts <fresh.db> [seed]');
  const t0 = performance.now();
  const g = await generateLargeAccount({ dbPath, seed: seed ? Number(seed) : undefined });
  console.log(`${dbPath}: ${JSON.stringify(g.counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`coach ${COACH_EMAIL}, clients ${clientEmail(1)}…${clientEmail(g.clients.length)}, password ${BENCH_PASSWORD}`);
}
