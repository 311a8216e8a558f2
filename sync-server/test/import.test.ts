import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImportRequest, effectiveSets, namesOf, performedEntries, personalRecords, suggestMatches, weeklyVolume,
  type Exercise, type ImportRequest, type NameDecision, type SessionLog, type TrainingSession,
} from '@spotter/shared';
import { strFromU8, unzipSync } from 'fflate';
import { readHistoryCsv } from '@spotter/shared/domain/import/csv.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { pullAll, visible } from './wire.ts';

// Imports against the real server and a real SQLite file (docs/DESIGN.md "Import").
let s: TestServer;
const who: Record<string, { token: string; id: string }> = {};
let library: Exercise[];

beforeAll(async () => {
  s = await startTestServer();
  for (const email of ['coach', 'coach2', 'client', 'client2', 'client3', 'admin']) {
    const l = await s.login(`${email}@demo.test`);
    who[email] = { token: l.accessToken, id: l.user.id };
  }
  library = (await s.api(who.client!.token, 'GET', '/api/exercises')).body;
});
afterAll(async () => s?.close());

const strongCsv = `Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Reps;Distance;Seconds;Notes;Workout Notes;RPE
2025-03-03 07:30:00;"Upper";1h 2m;"Bench Press";W;40;10;0;0;"";"";
2025-03-03 07:30:00;"Upper";1h 2m;"Bench Press";1;70;8;0;0;"";"";8
2025-03-03 07:30:00;"Upper";1h 2m;"Bench Press";2;72,5;6;0;0;"";"";9
2025-03-03 07:30:00;"Upper";1h 2m;"Hip Airplane";1;0;8;0;0;"";"";
2025-03-05 07:30:00;"Lower";50m;"Barbell Back Squat";1;100;5;0;0;"";"";
2025-03-05 07:30:00;"Lower";50m;"Plank";1;0;0;0;60;"";"";
`;
const hevyCsv = `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe
Pull,"10 Mar 2025, 18:00","10 Mar 2025, 18:45",,Pull-up,,,0,normal,0,8,,,
Pull,"10 Mar 2025, 18:00","10 Mar 2025, 18:45",,Barbell Row,,,0,normal,135,10,,,
`;

/** Reads, matches and decides a file like the review step: unmatched names become custom exercises. */
function requestFor(csv: string, clientId: string): ImportRequest {
  const history = readHistoryCsv(csv, { unit: 'kg', timeZone: 'UTC' });
  const matched = suggestMatches(namesOf(history), library, []);
  const decisions = new Map<string, NameDecision>([...matched].map(([name, d]) => [name, d ?? { kind: 'custom', type: 'strength', pattern: 'core' }]));
  return buildImportRequest(history, decisions, clientId).request!;
}

const count = async (token: string, collection: string) => visible((await pullAll(s, token, collection)).docs).length;

describe('POST /api/import', () => {
  it('is described in OpenAPI with its shared body and answer', async () => {
    const spec = (await s.api(null, 'GET', '/api/docs/json')).body;
    const op = spec.paths['/api/import'].post;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '409']));
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['clientId', 'source', 'exercises', 'workouts']);
  });

  it('refuses without a sign-in', async () => {
    expect((await s.api(null, 'POST', '/api/import', requestFor(hevyCsv, who.client!.id))).status).toBe(401);
  });

  it('imports a Strong file as sessions and logs with every set, and twice creates nothing new', async () => {
    const client = who.client!;
    const [sessionsBefore, logsBefore] = [await count(client.token, 'sessions'), await count(client.token, 'logs')];
    const body = requestFor(strongCsv, client.id);
    const first = await s.api(client.token, 'POST', '/api/import', body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ created: 2, existing: 0, sets: 6, exercisesCreated: 1 });
    const again = await s.api(client.token, 'POST', '/api/import', body);
    expect(again.body).toEqual({ created: 0, existing: 2, sets: 0, exercisesCreated: 0 });
    expect(await count(client.token, 'sessions')).toBe(sessionsBefore + 2);
    expect(await count(client.token, 'logs')).toBe(logsBefore + 2);

    // The coach sees them like logged workouts: a published session of theirs and its log.
    const seen = (await s.api(who.coach!.token, 'GET', `/api/clients/${client.id}/sessions?from=2025-03-01&to=2025-03-31`)).body;
    expect(seen.map((x: { session: TrainingSession }) => x.session.title)).toEqual(['Upper', 'Lower']);
    const upper = seen[0] as { session: TrainingSession; log: SessionLog };
    expect(upper.session).toMatchObject({ status: 'published', coachId: who.coach!.id, dueDate: '2025-03-03' });
    const bench = Object.values(upper.log.entries).find((e) => e.exerciseId === library.find((x) => x.name === 'Bench Press')!.id)!;
    expect(bench).toMatchObject({ setsCompleted: 2, repsCompleted: 6, weightUsed: 72.5, weightUnit: 'kg', loggedAt: '2025-03-03T08:32:00.000Z' });
    expect(Object.values(bench.sets!).filter((x) => x.warmup)).toHaveLength(1);
    const plank = Object.values(seen[1].log.entries as SessionLog['entries']).find((e) => e.exerciseId === library.find((x) => x.name === 'Plank')!.id)!;
    expect(plank.durationMinutes).toBe(1);
    // The unmatched name became an exercise of the coach's library, visible to the client.
    expect((await s.api(client.token, 'GET', '/api/exercises')).body.map((e: Exercise) => e.name)).toContain('Hip Airplane');
  });

  it('lets a coach import a Hevy file in lb for their own client, twice without duplicates', async () => {
    const body = requestFor(hevyCsv, who.client3!.id);
    expect((await s.api(who.coach!.token, 'POST', '/api/import', body)).body).toMatchObject({ created: 1, existing: 0, sets: 2 });
    expect((await s.api(who.coach!.token, 'POST', '/api/import', body)).body).toMatchObject({ created: 0, existing: 1 });
    const log = (await s.api(who.coach!.token, 'GET', `/api/clients/${who.client3!.id}/sessions?from=2025-03-10&to=2025-03-10`)).body[0].log as SessionLog;
    expect(Object.values(log.entries).map((e) => [e.weightUsed, e.weightUnit])).toEqual([[null, 'lb'], [135, 'lb']]);
  });

  it.each([
    ['a client for another client', 'client', 'client3', 403, 'import_not_yours'],
    ["a coach for another coach's client", 'coach2', 'client', 403, 'import_not_yours'],
    ['an admin', 'admin', 'client', 403, 'import_not_yours'],
  ])('refuses %s', async (_name, asker, target, status, code) => {
    const before = await count(who[target]!.token, 'sessions');
    const res = await s.api(who[asker]!.token, 'POST', '/api/import', requestFor(hevyCsv.replaceAll('Pull', 'Other'), who[target]!.id));
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await count(who[target]!.token, 'sessions')).toBe(before);
  });

  it("refuses an exercise the client cannot see (another coach's own), writing nothing", async () => {
    const foreign = (await s.api(who.coach2!.token, 'GET', '/api/exercises')).body.find((e: Exercise) => e.ownerId === who.coach2!.id);
    const body = requestFor(strongCsv.replaceAll('2025-03', '2024-03'), who.client!.id);
    if (foreign) body.exercises.push({ kind: 'library', exerciseId: foreign.id });
    else body.exercises.push({ kind: 'library', exerciseId: 'no-such-exercise' });
    body.workouts[1]!.exercises[0]!.exercise = body.exercises.length - 1;
    const before = await count(who.client!.token, 'sessions');
    const res = await s.api(who.client!.token, 'POST', '/api/import', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_exercise_hidden');
    expect(await count(who.client!.token, 'sessions')).toBe(before);
  });

  it('is all or nothing: one bad set among many refuses the whole file', async () => {
    const body = requestFor(strongCsv.replaceAll('2025-03', '2023-03'), who.client!.id);
    body.workouts[1]!.exercises[0]!.sets[0]!.rpe = 11;
    const before = await count(who.client!.token, 'sessions');
    const res = await s.api(who.client!.token, 'POST', '/api/import', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/workouts\.1\.exercises\.0\.sets\.0\.rpe/);
    expect(await count(who.client!.token, 'sessions')).toBe(before);
  });

  it("a client's own Spotter export (the real ZIP's sets.csv) reimports into a fresh account with the same progress figures", async () => {
    // client3's demo history, downloaded as the client would ("Download my data", spreadsheets).
    const rows = (await s.api(who.coach!.token, 'GET', `/api/clients/${who.client3!.id}/sessions?from=2000-01-01&to=2100-01-01`)).body as { session: TrainingSession; log: SessionLog | null }[];
    const logs = rows.flatMap((r) => (r.log ? [r.log] : []));
    const download = await fetch(`${s.url}/api/export?format=zip`, { headers: { authorization: `Bearer ${who.client3!.token}` } });
    expect(download.status).toBe(200);
    const setsCsv = strFromU8(unzipSync(new Uint8Array(await download.arrayBuffer()))['sets.csv']!);
    const lines = setsCsv.trim().split('\n');
    const logged = logs.reduce((n, l) => n + Object.values(l.entries).reduce((m, e) => m + effectiveSets(e).length, 0), 0);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length - 1).toBe(logged);
    const fresh = await s.api(who.coach!.token, 'POST', '/api/clients', { email: 'reimport@demo.test', firstName: 'Re', lastName: 'Import', password: 'a-good-long-password' });
    expect(fresh.status).toBe(201);
    const login = await s.login('reimport@demo.test', 'a-good-long-password');
    const res = await s.api(login.accessToken, 'POST', '/api/import', requestFor(setsCsv, login.user.id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const imported = visible((await pullAll<SessionLog>(s, login.accessToken, 'logs')).docs) as unknown as SessionLog[];
    const figures = (l: SessionLog[]) => {
      const performed = performedEntries(l, 'kg', { from: null, to: null }, 'UTC');
      return { volume: weeklyVolume(performed), records: personalRecords(performed).map((r) => [r.exerciseId, r.bestSet?.e1rm, r.heaviest?.weight]).sort() };
    };
    expect(figures(imported)).toEqual(figures(logs));
  });
});
