import { v7 as uuid } from 'uuid';
import {
  addDaysTo, DEFAULT_MAX_CLIENTS, sessionLogId, todayLocal,
  type Assignment, type CollectionName, type LogEntry, type Person, type Prescription, type SessionLog, type TrainingSession,
} from '@spotter/shared';
import { hashPassword } from '../auth/passwords.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { demoExercises } from './exercises.ts';
import { extrasFor } from './extras.ts';

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
// Who trains whom (DESIGN.md "Demo accounts").
const roster: [client: string, coach: string][] = [
  ['client@demo.test', 'coach@demo.test'],
  ['client3@demo.test', 'coach@demo.test'],
  ['client2@demo.test', 'coach2@demo.test'],
];
// Days relative to today: past ones are done or late, future ones upcoming.
const sessionDays = [-20, -17, -13, -10, -6, -3, -1, 0, 2, 4, 7, 9, 11];

/**
 * Fills an empty database with the demo accounts and a few weeks of training around today,
 * so the demo always has late, done and upcoming sessions. Returns the accounts to print.
 */
export async function seedDemoData(repo: Repository, today = todayLocal()): Promise<{ email: string; role: string; password: string }[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const put = (c: CollectionName, d: object) => repo.put(c, d as Doc, false);
  repo.transaction(() => {
    const people = new Map<string, Person>();
    for (const a of accounts) {
      const person: Person = {
        id: uuid(), units: 'kg', isPersonalTrainer: false, specializations: [], certifications: [], maxClients: a.role === 'coach' ? DEFAULT_MAX_CLIENTS : 0,
        hourlyRate: null, bio: '', yearsExperience: null, updatedAt: now, ...a,
      };
      repo.createUser(person, passwordHash);
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
      sessionDays.forEach((offset, i) => {
        const dueDate = addDaysTo(today, offset);
        const picks = [0, 1, 2, 3].map((k) => exercises[(i * 3 + k * 7 + n * 5) % exercises.length]!);
        const prescriptions: Prescription[] = picks.map((ex, k) => ({
          id: uuid(), exerciseId: ex.id, sets: ex.type === 'cardio' ? 1 : 3 + (k % 2), reps: ex.type === 'cardio' ? '20 min' : ['8-12', '5', '10', 'AMRAP'][k]!,
          weight: ex.type === 'cardio' ? '' : ['60 kg', '70% 1RM', 'bodyweight', '16 kg'][k]!, restSeconds: 90, notes: '',
        }));
        // The last upcoming one is still in the coach's draft queue.
        const draft = i === sessionDays.length - 1;
        const session: TrainingSession = {
          id: uuid(), coachId: coach.id, clientId: client.id, dueDate, title: `${['Lower body', 'Upper body', 'Full body'][i % 3]} ${i + 1}`,
          notes: i % 4 === 0 ? 'Warm up 10 minutes first.' : '', exercises: prescriptions, status: draft ? 'draft' : 'published',
          submittedAt: draft ? null : now, rejection: null, planId: null, createdAt: now, updatedAt: now,
        };
        put('sessions', session);
        // Past sessions: most done (one of them a day late), every fourth left late; one in progress.
        if (offset >= 0 || i % 4 === 1) return;
        const partial = offset === -1;
        const loggedAt = `${dueDate}T18:00:00.000Z`;
        const entries: Record<string, LogEntry> = {};
        for (const [k, p] of prescriptions.entries()) {
          if (partial && k > 1) break;
          entries[p.id] = {
            exerciseId: p.exerciseId, setsCompleted: p.sets, repsCompleted: 10, weightUsed: p.weight.endsWith('kg') ? 60 + i : null, weightUnit: client.units,
            durationMinutes: p.reps === '20 min' ? 20 : null, completedAsPrescribed: k !== 1, results: '', notes: k === 1 ? 'Last set was a grind.' : '',
            difficulty: 2 + ((i + k) % 4), prescribed: { sets: p.sets, reps: p.reps, weight: p.weight, restSeconds: p.restSeconds }, loggedAt,
          };
        }
        const log: SessionLog = {
          id: sessionLogId(session.id), sessionId: session.id, clientId: client.id, coachId: coach.id, entries,
          completedAt: partial ? null : i === 2 ? `${addDaysTo(dueDate, 1)}T09:00:00.000Z` : loggedAt, updatedAt: now,
        };
        put('logs', log);
      });
      for (const [c, doc] of extrasFor({ coach, client, assignment, exercises, today, now })) put(c, doc);
    });
  });
  return accounts.map((a) => ({ email: a.email, role: a.role, password: DEMO_PASSWORD }));
}
