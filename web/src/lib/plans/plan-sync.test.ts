import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCompletionStats, todayLocal, type Exercise, type Plan, type TrainingSession, type Weekday } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { newPrescription } from '../coach/draft.ts';
import type { Device } from '../data/device.ts';
import { localDoc, localDocs, syncedCoach, until } from '../data/test-device.ts';
import { activate, activationRefusal, newPlan, setDayExercises, toggleDay, WEEKDAYS } from './plan-edit.ts';

// A coach's device (real RxDB on fake-indexeddb) against the REAL sync server: a plan built
// and activated with sync stopped reaches the server when sync resumes, which schedules its
// sessions; they come back to the device linked to the plan. Nothing is mocked.
let server: TestServer;
let device: Device;
let clientId: string;
let library: Exercise[];

beforeAll(async () => {
  server = await startTestServer();
  ({ device, clientId, library } = await syncedCoach(server));
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

describe('a plan built offline', () => {
  it('is activated when the device syncs: the server schedules its sessions and they reach the device', async () => {
    const me = device.syncState$.value.user!.id;
    await device.stopSync(); // offline from here
    const today = todayLocal();
    // Today's weekday is a training day, so this week has a session whatever day the test runs.
    const todayName = WEEKDAYS[(new Date(`${today}T12:00:00`).getDay() + 6) % 7] as Weekday;
    let plan: Plan = newPlan(me, clientId, null, { id: device.commands.newId, now: new Date().toISOString() });
    plan = { ...plan, title: '4-Week Strength', goals: 'Build overall strength', days: toggleDay(plan, todayName) };
    plan = { ...plan, days: setDayExercises(plan, todayName, [newPrescription(library[0]!, device.commands.newId()), newPrescription(library[1]!, device.commands.newId())]) };
    expect(activationRefusal(plan)).toBeNull();
    await device.commands.savePlan(plan);
    await device.commands.savePlan(activate(plan, today, new Date().toISOString()));

    device.startSync();
    const stored = await until(
      async () => (await localDoc(device, 'plans', plan.id)) ?? undefined,
      (p) => !!p?.assignmentId,
    );
    expect(stored).toMatchObject({ status: 'active', startDate: today, title: '4-Week Strength' });

    const sessions = await until(
      async () => (await localDocs(device, 'sessions')).filter((s) => s.planId === plan.id),
      (s) => s.length === 4,
    );
    expect(sessions.map((s) => s.status)).toEqual(['published', 'published', 'published', 'published']);
    expect(sessions.some((s) => s.dueDate === today)).toBe(true);
    expect(planCompletionStats(plan.id, sessions, [])).toEqual({ totalExercises: 8, completedExercises: 0, percentage: 0 });
  });
});
