import { expect } from '@playwright/test';
import type { TrainingSession } from '@spotter/shared';
import { todayLocal } from '@spotter/shared';
import { api } from './fixtures.ts';

/**
 * A trainer and a client made for one test (their preferences are the test's to change without
 * touching the demo accounts other files assert on), and a session due today with one
 * exercise prescribed at `weight`.
 */
export async function trainerWithClient(baseURL: string, tag: string, weight = '60 kg') {
  const stamp = `${tag}-${Date.now().toString(36)}`;
  const admin = await api.login(baseURL, 'admin@demo.test');
  const password = 'a-long-password';
  const coach = await api.post(baseURL, admin.accessToken, '/api/admin/trainers', {
    firstName: 'Uma', lastName: `Coach ${stamp}`, email: `e2e-coach-${stamp}@demo.test`, password,
    isPersonalTrainer: true, specializations: [], certifications: [], bio: '', yearsExperience: 1, hourlyRate: 40, maxClients: 5,
  });
  const coachToken = (await api.login(baseURL, coach.email, password)).accessToken;
  const { client } = await api.post(baseURL, coachToken, '/api/clients', { email: `e2e-client-${stamp}@demo.test`, firstName: 'Lou', lastName: `Member ${stamp}`, password });
  const exercise = (await api.pull(baseURL, coachToken, 'exercises')).find((e) => e.type === 'strength')!;
  const at = new Date().toISOString();
  const session: TrainingSession = {
    id: `ses-${stamp}`, coachId: coach.id, clientId: client.id, dueDate: todayLocal(), title: `Strength ${stamp}`, notes: '',
    exercises: [{ id: `rx-${stamp}`, exerciseId: exercise.id, sets: 3, reps: '5', weight, restSeconds: 120, notes: '' }],
    status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
  };
  expect(await api.post(baseURL, coachToken, '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...session, _deleted: false } }])).toMatchObject([{ status: 'published' }]);
  return { coach, client, password, session, exerciseName: exercise.name as string };
}
