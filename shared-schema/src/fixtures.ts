import type { CollectionName, DocOf } from './collections.ts';
import type { Assignment } from './docs/assignments.ts';
import type { Exercise } from './docs/exercises.ts';
import type { LogEntry, SessionLog } from './docs/logs.ts';
import { sessionLogId } from './docs/logs.ts';
import type { Message } from './docs/messages.ts';
import type { Note } from './docs/notes.ts';
import type { Person } from './docs/people.ts';
import type { Plan } from './docs/plans.ts';
import type { Recommendation } from './docs/recommendations.ts';
import type { Reminder } from './docs/reminders.ts';
import type { Prescription, TrainingSession } from './docs/sessions.ts';

/**
 * Factories of valid documents for tests on every side (import `@spotter/shared/fixtures.ts`).
 * Each returns a document that passes its zod schema; pass overrides for what the test is about.
 * Fixed ids and instants keep tests deterministic.
 */
export const T0 = '2026-03-02T09:00:00.000Z';
export const COACH_ID = 'coach-1';
export const CLIENT_ID = 'client-1';

export const person = (o: Partial<Person> = {}): Person => ({
  id: CLIENT_ID,
  role: 'client',
  email: 'client@demo.test',
  firstName: 'Sam',
  lastName: 'Client',
  units: 'kg',
  isPersonalTrainer: false,
  specializations: [],
  certifications: [],
  maxClients: 0,
  hourlyRate: null,
  bio: '',
  yearsExperience: null,
  updatedAt: T0,
  ...o,
});

export const assignment = (o: Partial<Assignment> = {}): Assignment => ({
  id: 'asg-1',
  clientId: CLIENT_ID,
  coachId: COACH_ID,
  status: 'active',
  assignedBy: 'admin-1',
  startDate: '2026-03-01',
  endDate: null,
  notes: '',
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const exercise = (o: Partial<Exercise> = {}): Exercise => ({
  id: 'ex-bench',
  ownerId: null,
  name: 'Bench Press',
  description: 'Barbell press from the chest.',
  videoUrl: 'https://example.com/bench',
  type: 'strength',
  pattern: 'push',
  muscleGroups: ['chest', 'triceps'],
  updatedAt: T0,
  ...o,
});

export const prescription = (o: Partial<Prescription> = {}): Prescription => ({
  id: 'rx-1',
  exerciseId: 'ex-bench',
  sets: 3,
  reps: '8-12',
  weight: '60 kg',
  restSeconds: 90,
  notes: '',
  ...o,
});

export const session = (o: Partial<TrainingSession> = {}): TrainingSession => ({
  id: 'ses-1',
  coachId: COACH_ID,
  clientId: CLIENT_ID,
  dueDate: '2026-03-04',
  title: 'Upper body',
  notes: '',
  exercises: [prescription()],
  status: 'published',
  submittedAt: null,
  rejection: null,
  planId: null,
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const logEntry = (o: Partial<LogEntry> = {}): LogEntry => ({
  exerciseId: 'ex-bench',
  setsCompleted: 3,
  repsCompleted: 10,
  weightUsed: 60,
  weightUnit: 'kg',
  durationMinutes: null,
  completedAsPrescribed: true,
  results: '',
  notes: '',
  difficulty: 3,
  prescribed: { sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 },
  loggedAt: T0,
  ...o,
});

/** A log of `sessionId`; its id follows `sessionLogId` like the web app's. */
export const sessionLog = (o: Partial<SessionLog> = {}): SessionLog => {
  const sessionId = o.sessionId ?? 'ses-1';
  return {
    id: sessionLogId(sessionId),
    sessionId,
    clientId: CLIENT_ID,
    coachId: COACH_ID,
    entries: { 'rx-1': logEntry() },
    completedAt: null,
    updatedAt: T0,
    ...o,
  };
};

export const message = (o: Partial<Message> = {}): Message => ({
  id: 'msg-1',
  kind: 'message',
  authorId: COACH_ID,
  authorRole: 'coach',
  coachId: COACH_ID,
  clientId: CLIENT_ID,
  targetType: null,
  targetId: null,
  targetEntryId: null,
  rating: null,
  body: 'Nice work today.',
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const note = (o: Partial<Note> = {}): Note => ({
  id: 'note-1',
  kind: 'note',
  coachId: COACH_ID,
  clientId: CLIENT_ID,
  title: 'Knee',
  body: 'Watch the left knee on squats.',
  url: '',
  resourceType: '',
  isPrivate: true,
  weekOf: null,
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const plan = (o: Partial<Plan> = {}): Plan => ({
  id: 'plan-1',
  coachId: COACH_ID,
  clientId: CLIENT_ID,
  assignmentId: 'asg-1',
  title: '4-Week Strength',
  description: '',
  goals: 'Build overall strength',
  durationWeeks: 4,
  startDate: null,
  status: 'draft',
  days: [
    { day: 'Monday', exercises: [prescription({ id: 'prx-mon-1' })] },
    { day: 'Friday', exercises: [prescription({ id: 'prx-fri-1', exerciseId: 'ex-squat', reps: '5', weight: '100 kg' })] },
  ],
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const recommendation = (o: Partial<Recommendation> = {}): Recommendation => ({
  id: 'rec-1',
  coachId: COACH_ID,
  clientId: CLIENT_ID,
  kind: 'progression',
  priority: 2,
  pattern: 'push',
  exerciseId: 'ex-bench',
  title: 'Add 2.5 kg to Bench Press',
  reason: 'All 3 sets reached 12 reps at difficulty 3.',
  status: 'pending',
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

export const reminder = (o: Partial<Reminder> = {}): Reminder => ({
  id: 'rem-1',
  authorId: COACH_ID,
  authorRole: 'coach',
  clientId: CLIENT_ID,
  message: 'Pack your lifting shoes.',
  repeat: 'eveBefore',
  date: null,
  weekdays: [],
  time: '19:00',
  createdAt: T0,
  updatedAt: T0,
  ...o,
});

/** One valid sample per synced collection, for tests that loop over the registry. */
export const samples: { [C in CollectionName]: () => DocOf<C> } = {
  people: () => person(),
  assignments: () => assignment(),
  exercises: () => exercise(),
  sessions: () => session(),
  logs: () => sessionLog(),
  messages: () => message(),
  notes: () => note(),
  plans: () => plan(),
  recommendations: () => recommendation(),
  reminders: () => reminder(),
};
