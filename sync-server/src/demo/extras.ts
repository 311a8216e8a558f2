import { v7 as uuid } from 'uuid';
import { addDaysTo, type Assignment, type CollectionName, type Exercise, type Message, type Note, type Person, type Plan } from '@spotter/shared';

interface Ctx {
  coach: Person;
  client: Person;
  assignment: Assignment;
  exercises: Exercise[];
  today: string;
  now: string;
}

/** Messages, notes and a plan for one coach–client pair (recommendations come from the engine, seed.ts). */
export function extrasFor({ coach, client, assignment, exercises, today, now }: Ctx): [CollectionName, object][] {
  const pair = { coachId: coach.id, clientId: client.id };
  const message = (author: Person, body: string, minutesAgo: number): Message => {
    const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    return { id: uuid(), kind: 'message', authorId: author.id, authorRole: author.role, ...pair, targetType: null, targetId: null, targetEntryId: null, rating: null, body, createdAt: at, updatedAt: at };
  };
  const note = (kind: Note['kind'], fields: Partial<Note>): Note => ({
    id: uuid(), kind, ...pair, title: '', body: '', url: '', resourceType: '', isPrivate: false, weekOf: null, createdAt: now, updatedAt: now, ...fields,
  });
  const plan: Plan = {
    id: uuid(), ...pair, assignmentId: assignment.id, title: 'Foundations block', description: 'Three full-body days a week.',
    goals: 'Build a base of strength and consistency.', durationWeeks: 6, startDate: addDaysTo(today, -21), status: 'active',
    days: (['Monday', 'Wednesday', 'Friday'] as const).map((day, d) => ({
      day,
      exercises: [0, 1, 2].map((k) => ({ id: uuid(), exerciseId: exercises[(d * 5 + k * 3) % exercises.length]!.id, sets: 3, reps: '8-12', weight: '', restSeconds: 90, notes: '' })),
    })),
    createdAt: now, updatedAt: now,
  };
  const sleep = note('resource', { title: 'Sleep and recovery', url: 'https://en.wikipedia.org/wiki/Sleep_and_exercise', resourceType: 'article' });
  // The client opened the sleep article twice ("Viewed 2 times" on the coach's list).
  const viewed = (hoursAgo: number): Message => ({
    ...message(client, '', hoursAgo * 60), kind: 'view', targetType: 'resource', targetId: sleep.id,
  });
  return [
    ['messages', message(coach, `Hi ${client.firstName}, your sessions for the next two weeks are up.`, 3000)],
    ['messages', message(client, 'Thanks! Can we swap Friday for Saturday?', 2900)],
    ['messages', message(coach, 'Sure, moved it.', 2800)],
    ['notes', note('note', { title: 'Left knee', body: 'Watch depth on squats; no pain reported.', isPrivate: true })],
    ['notes', note('note', { title: 'Technique cue', body: 'Brace before you unrack.', isPrivate: false })],
    ['notes', note('summary', { title: 'Week summary', body: 'Three of four sessions done, squat up 5 kg.', weekOf: addDaysTo(today, -7) })],
    ['notes', sleep],
    ['messages', viewed(30)],
    ['messages', viewed(5)],
    ['plans', plan],
  ];
}
