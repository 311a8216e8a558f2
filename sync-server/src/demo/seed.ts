import { v7 as uuid } from 'uuid';
import {
  addDaysTo, DEFAULT_MAX_CLIENTS, recommend, recommendationId, sessionLogId, todayLocal,
  type Assignment, type Recommendation, type CollectionName, type LogEntry, type Person, type Prescription, type SessionLog, type TrainingSession,
} from '@spotter/shared';
import { hashPassword } from '../auth/passwords.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { demoExercises } from './exercises.ts';
import { extrasFor } from './extras.ts';
import { sessionDays } from './schedule.ts';
import { doseFor, liftedLoad, prescribedLoad, repsDone } from './loads.ts';

export const DEMO_PASSWORD = 'spotter-demo';

type Account = Pick<Person, 'email' | 'firstName' | 'lastName' | 'role'> & Partial<Person>;
const accounts: Account[] = [
  { email: 'admin@demo.test', firstName: 'Ada', lastName: 'Admin', role: 'admin' },
  {
    email: 'coach@demo.test', firstName: 'Casey', lastName: 'Coach', role: 'coach', isPersonalTrainer: true,
    specializations: ['strength', 'mobility'], certifications: ['NSCA-CSCS'], hourlyRate: 60, yearsExperience: 8,
    bio: 'Strength coach. Simple programs, done consistently.',
  },
  {
    email: 'coach2@demo.test', firstName: 'Morgan', lastName: 'Trainer', role: 'coach', isPersonalTrainer: true,
    specializations: ['endurance'], certifications: ['ACE-CPT'], hourlyRate: 45, yearsExperience: 3, bio: 'Runner and rower.',
  },
  { email: 'client@demo.test', firstName: 'Jamie', lastName: 'Client', role: 'client' },
  { email: 'client2@demo.test', firstName: 'Riley', lastName: 'Member', role: 'client', units: 'lb' },
  { email: 'client3@demo.test', firstName: 'Sam', lastName: 'Lifter', role: 'client' },
];
// Who trains whom (docs/DESIGN.md "Demo accounts").
const roster: [client: string, coach: string][] = [
  ['client@demo.test', 'coach@demo.test'],
  ['client3@demo.test', 'coach@demo.test'],
  ['client2@demo.test', 'coach2@demo.test'],
];

/**
 * Each client's story, so the coach's dashboard tells them apart: Jamie is a beginner adding
 * weight week by week; Riley trained for months, took seven weeks off and is easing back in
 * (in lb); Sam trained steadily for three months, found the last weeks hard and has stopped
 * logging — the dashboard flags the compliance drop. `earlier` are older completed sessions.
 */
interface Story { earlier: number[]; strength: number; missedFrom: number | null; hard: boolean }
const every = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + Math.round(k * step));
const stories: Record<string, Story> = {
  'client@demo.test': { earlier: [], strength: 0.8, missedFrom: null, hard: false },
  'client2@demo.test': { earlier: every(-110, -70, 3.5), strength: 1, missedFrom: null, hard: false },
  'client3@demo.test': { earlier: every(-95, -24, 3.5), strength: 1.15, missedFrom: -14, hard: true },
};

/**
 * Fills an empty database with the demo accounts and a few weeks of training around today,
 * so the demo always has late, done and upcoming sessions. Returns the accounts to print.
 */
export async function seedDemoData(repo: Repository, today = todayLocal()): Promise<{ email: string; role: string; password: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  // The data is built first, in write order (accounts before what names them), then written in one transaction.
  const writes: (() => Promise<number>)[] = [];
  const put = (c: CollectionName, d: object) => writes.push(() => repo.put(c, d as Doc, false));
  {
    const people = new Map<string, Person>();
    for (const a of accounts) {
      const person: Person = {
        id: uuid(), units: 'kg', isPersonalTrainer: false, specializations: [], certifications: [], maxClients: a.role === 'coach' ? DEFAULT_MAX_CLIENTS : 0,
        hourlyRate: null, bio: '', yearsExperience: null, updatedAt: now, ...a,
      };
      writes.push(() => repo.createUser(person, passwordHash));
      people.set(a.email, person);
    }
    const admin = people.get('admin@demo.test')!;
    const exercises = demoExercises(now);
    for (const ex of exercises) put('exercises', ex);

    roster.forEach(([clientEmail, coachEmail], n) => {
      const client = people.get(clientEmail)!;
      const coach = people.get(coachEmail)!;
      const assignment: Assignment = {
        id: uuid(), clientId: client.id, coachId: coach.id, status: 'active', assignedBy: admin.id,
        startDate: addDaysTo(today, -28), endDate: null, notes: '', createdAt: now, updatedAt: now,
      };
      put('assignments', assignment);
      const story = stories[clientEmail]!;
      const first = story.earlier[0] ?? sessionDays[0]!;
      // Riley's loads restart lighter after the break; everyone else's climb from their first week.
      const weeksAt = (offset: number) => (story.earlier.length && offset > -60 ? Math.max(0, (offset + 20) / 7) : (offset - first) / 7);
      const written: { sessions: TrainingSession[]; logs: SessionLog[] } = { sessions: [], logs: [] };
      const days = [...story.earlier.map((o) => ({ offset: o, i: -1 })), ...sessionDays.map((o, i) => ({ offset: o, i }))];
      days.forEach(({ offset, i }, seq) => {
        const dueDate = addDaysTo(today, offset);
        const picks = [0, 1, 2, 3].map((k) => exercises[((i < 0 ? seq : i) * 3 + k * 7 + n * 5) % exercises.length]!);
        const weeks = weeksAt(offset);
        const prescriptions: Prescription[] = picks.map((ex) => {
          const dose = doseFor(ex);
          return { id: uuid(), exerciseId: ex.id, sets: dose.sets, reps: dose.reps, weight: prescribedLoad(ex, dose, weeks, story.strength, client.units), restSeconds: ex.type === 'strength' ? (dose.reps === '5' ? 180 : 90) : ex.type === 'flexibility' ? 30 : 0, notes: '' };
        });
        // The last upcoming one is still in the coach's draft queue.
        const draft = i === sessionDays.length - 1;
        const session: TrainingSession = {
          id: uuid(), coachId: coach.id, clientId: client.id, dueDate, title: i < 0 ? `${['Lower body', 'Upper body', 'Full body'][seq % 3]} (block 1)` : `${['Lower body', 'Upper body', 'Full body'][i % 3]} ${i + 1}`,
          notes: i >= 0 && i % 4 === 0 ? 'Warm up 10 minutes first.' : '', exercises: prescriptions, status: draft ? 'draft' : 'published',
          submittedAt: draft ? null : now, rejection: null, planId: null, createdAt: now, updatedAt: now,
        };
        put('sessions', session);
        written.sessions.push(session);
        // Past sessions: most done (one of them a day late), every fourth left late; one in progress.
        // A client falling behind has logged nothing since `missedFrom`.
        if (offset >= 0 || (i >= 0 && i % 4 === 1) || (story.missedFrom !== null && offset >= story.missedFrom)) return;
        const partial = offset === -1;
        const loggedAt = `${dueDate}T18:00:00.000Z`;
        const entries: Record<string, LogEntry> = {};
        for (const [k, p] of prescriptions.entries()) {
          if (partial && k > 1) break;
          const ex = picks[k]!;
          const dose = doseFor(ex);
          // Hard weeks: the last month before Sam stopped logging felt heavy (difficulty 4–5).
          const difficulty = story.hard && offset > -45 ? 4 + ((seq + k) % 2) : 2 + ((seq + k) % 2);
          const good = difficulty <= 3 && k !== 1;
          entries[p.id] = {
            exerciseId: p.exerciseId, setsCompleted: p.sets, repsCompleted: repsDone(p.reps, good), weightUsed: ex.type === 'strength' ? liftedLoad(dose, weeks, story.strength, client.units) : null, weightUnit: client.units,
            durationMinutes: dose.minutes ?? null, completedAsPrescribed: k !== 1, results: p.reps.endsWith(' s') ? `Held ${p.reps}` : '', notes: k === 1 ? 'Last set was a grind.' : '',
            difficulty, prescribed: { sets: p.sets, reps: p.reps, weight: p.weight, restSeconds: p.restSeconds }, loggedAt,
          };
        }
        const log: SessionLog = {
          id: sessionLogId(session.id), sessionId: session.id, clientId: client.id, coachId: coach.id, entries,
          completedAt: partial ? null : i === 2 ? `${addDaysTo(dueDate, 1)}T09:00:00.000Z` : loggedAt, updatedAt: now,
        };
        put('logs', log);
        written.logs.push(log);
      });
      // What the real engine proposes from that history; its first progression was approved (the
      // client can rate it). Casey's clients open with the other proposals pending; for coach2's
      // client the coach's device proposes them when the review opens.
      const suggestions = recommend({ clientId: client.id, today, units: coach.units, sessions: written.sessions.filter((x) => x.status === 'published'), logs: written.logs, exercises });
      const approved = Math.max(0, suggestions.findIndex((x) => x.kind === 'progression'));
      suggestions.forEach(({ key, ...fields }, k) => {
        if (k !== approved && coach.email !== 'coach@demo.test') return;
        const rec: Recommendation = { id: recommendationId(client.id, key, today), coachId: coach.id, clientId: client.id, ...fields, status: k === approved ? 'approved' : 'pending', createdAt: now, updatedAt: now };
        put('recommendations', rec);
      });
      for (const [c, doc] of extrasFor({ coach, client, assignment, exercises, today, now })) put(c, doc);
    });
  }
  await repo.transaction(async () => {
    for (const write of writes) await write();
  });
  return accounts.map((a) => ({ email: a.email, role: a.role, password: DEMO_PASSWORD }));
}
