import { addDaysTo, todayLocal, type Assignment, type CollectionName, type Exercise, type Note, type Plan, type Recommendation, type SessionLog, type TrainingSession } from '@spotter/shared';
import type { Device } from '@spotter/web/lib/data/device.ts';
import { internals } from '@spotter/web/lib/data/internals.ts';
import { newPrescription } from '@spotter/web/lib/coach/draft.ts';
import { activate, newPlan, setDayExercises, toggleDay, WEEKDAYS } from '@spotter/web/lib/plans/plan-edit.ts';
import { approveRecommendation, deleteNote, dismissRecommendation, generateRecommendations, saveNote } from '@spotter/web/lib/progress/actions.ts';
import type { UserOp } from '../schedule.ts';
import { stampAt, type OpResult } from './op-result.ts';

/**
 * The coach's plan, note and recommendation operations, done as the plan editor and the client
 * profile do them (web/src/lib/plans, web/src/lib/progress). Like every operation they act on
 * what this device believes: an offline coach whose client was reassigned still writes for
 * that client, and the server must refuse it with a reason the device keeps.
 */
type CoachOp = Extract<UserOp, { kind: 'createPlan' | 'editPlan' | 'activatePlan' | 'createNote' | 'editNote' | 'deleteNote' | 'recommend' | 'approveRecommendation' | 'dismissRecommendation' }>;
export const coachOpKinds = new Set<string>(['createPlan', 'editPlan', 'activatePlan', 'createNote', 'editNote', 'deleteNote', 'recommend', 'approveRecommendation', 'dismissRecommendation']);

const skip = (note: string): OpResult => ({ applied: false, writes: [], note });
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

async function all(device: Device, collection: CollectionName): Promise<any[]> {
  return ((await internals(device).store.all(collection)) as any[]).sort(byId);
}

export async function runCoachOp(device: Device, op: CoachOp, marker: string): Promise<OpResult> {
  const me = device.syncState$.value.user;
  if (!me || me.role !== 'coach') return skip('not a coach');
  const now = () => new Date().toISOString();
  const assignments = ((await all(device, 'assignments')) as Assignment[]).filter((a) => a.status === 'active' && a.coachId === me.id);
  const mine = <T extends { coachId: string; clientId: string }>(docs: T[]) => docs.filter((d) => d.coachId === me.id && assignments.some((a) => a.clientId === d.clientId));
  const choose = <T>(list: T[]) => (list.length ? list[op.pick % list.length]! : null);
  const wrote = (collection: CollectionName, saved: { id: string; updatedAt: string; fieldClocks?: Record<string, string> }, path: string[], value: string): OpResult => ({
    applied: true,
    writes: [{ collection, id: saved.id, path, value, at: stampAt(saved, path) }],
  });

  switch (op.kind) {
    case 'createPlan': {
      const asg = choose(assignments);
      const exercises = ((await all(device, 'exercises')) as Exercise[]).filter((e) => e.ownerId === null || e.ownerId === me.id);
      if (!asg || exercises.length === 0) return skip('no active client or no exercise');
      let plan: Plan = { ...newPlan(me.id, asg.clientId, asg.id, { id: device.commands.newId, now: now() }), title: marker, durationWeeks: op.weeks };
      // The editor: turn days on, give each an exercise or two (weekdays spread by the pick).
      for (let i = 0; i < op.days; i++) {
        const day = WEEKDAYS[(op.exPick + i * 3) % 7]!;
        if (!plan.days.some((d) => d.day === day)) plan = { ...plan, days: toggleDay(plan, day) };
        const ex = exercises[(op.exPick >> (i + 1)) % exercises.length]!;
        plan = { ...plan, days: setDayExercises(plan, day, [newPrescription(ex, device.commands.newId())]) };
      }
      return wrote('plans', await internals(device).store.put('plans', plan), ['title'], marker);
    }
    case 'editPlan': {
      const picked = choose(mine((await all(device, 'plans')) as Plan[]).filter((p) => p.status === 'draft' || p.status === 'active'));
      if (!picked) return skip('no plan');
      return wrote('plans', await internals(device).store.patch('plans', picked.id, { [op.field]: marker }), [op.field], marker);
    }
    case 'activatePlan': {
      const picked = choose(mine((await all(device, 'plans')) as Plan[]).filter((p) => p.status === 'draft'));
      if (!picked) return skip('no draft plan');
      const plan = (await internals(device).store.get('plans', picked.id)) as Plan;
      await internals(device).store.put('plans', activate(plan, addDaysTo(todayLocal(), op.startIn), now()));
      return { applied: true, writes: [] }; // the server's scheduling is checked by the plan invariants
    }
    case 'createNote': {
      const asg = choose(assignments);
      if (!asg) return skip('no active client');
      const fields = {
        kind: op.noteKind,
        title: `${op.noteKind} ${marker}`,
        body: marker,
        url: op.noteKind === 'resource' ? `https://example.com/${marker}` : '',
        resourceType: op.noteKind === 'resource' ? 'article' : '',
        isPrivate: op.isPrivate,
        weekOf: op.noteKind === 'summary' ? todayLocal() : null,
      };
      return wrote('notes', await saveNote(device.commands, { coachId: me.id, clientId: asg.clientId }, fields), ['body'], marker);
    }
    case 'editNote': {
      const picked = choose(mine((await all(device, 'notes')) as Note[]));
      if (!picked) return skip('no note');
      return wrote('notes', await internals(device).store.patch('notes', picked.id, { [op.field]: marker }), [op.field], marker);
    }
    case 'deleteNote': {
      const picked = choose(mine((await all(device, 'notes')) as Note[]));
      if (!picked) return skip('no note');
      await deleteNote(device.commands, picked.id);
      return { applied: true, writes: [] };
    }
    case 'recommend': {
      const asg = choose(assignments);
      if (!asg) return skip('no active client');
      const ofClient = <T extends { clientId: string }>(docs: T[]) => docs.filter((d) => d.clientId === asg.clientId);
      const history = {
        sessions: ofClient((await all(device, 'sessions')) as TrainingSession[]),
        logs: ofClient((await all(device, 'logs')) as SessionLog[]),
        exercises: (await all(device, 'exercises')) as Exercise[],
        recommendations: ofClient((await all(device, 'recommendations')) as Recommendation[]),
        units: 'kg' as const,
      };
      const owner = { coachId: me.id, clientId: asg.clientId };
      const fresh = await generateRecommendations(device.commands, owner, history, todayLocal());
      if (fresh.length) return { applied: true, writes: [] }; // engine titles: no marker to follow
      // Nothing for the engine to say yet: the coach writes one of their own.
      const at = now();
      const rec: Recommendation = { id: device.commands.newId(), ...owner, kind: 'custom', priority: 2, pattern: null, exerciseId: null, title: marker, reason: '', status: 'pending', createdAt: at, updatedAt: at };
      return wrote('recommendations', await internals(device).store.put('recommendations', rec), ['title'], marker);
    }
    case 'approveRecommendation':
    case 'dismissRecommendation': {
      const picked = choose(mine((await all(device, 'recommendations')) as Recommendation[]).filter((r) => r.status === 'pending'));
      if (!picked) return skip('no pending recommendation');
      if (op.kind === 'dismissRecommendation') {
        await dismissRecommendation(device.commands, picked.id);
        return { applied: true, writes: [] };
      }
      // The coach edits the wording while approving: the client sees exactly that.
      return wrote('recommendations', await approveRecommendation(device.commands, picked.id, { title: marker, reason: picked.reason }), ['title'], marker);
    }
  }
}
