import { addDaysTo, orderedSets, sessionLogId, setKindOf, todayLocal, type Assignment, type CollectionName, type Exercise, type Note, type Prescription, type SessionLog, type TrainingSession } from '@spotter/shared';
import type { Device } from '@spotter/web/lib/data/device.ts';
import { internals } from '@spotter/web/lib/data/internals.ts';
import { editSession, newPrescription, submitSession } from '@spotter/web/lib/coach/draft.ts';
import { coachWrites } from '@spotter/web/lib/coach/queue.ts';
import { withCompletion, withEntry } from '@spotter/web/lib/client/log-entry.ts';
import { appendSet, changeEntry, changeSet, removeSet, type EntryChange, type SetContext } from '@spotter/web/lib/client/log-sets.ts';
import { newComment, newMessage } from '@spotter/web/lib/comments/comments.ts';
import { recordView } from '@spotter/web/lib/progress/actions.ts';
import type { UserOp } from '../schedule.ts';
import { coachOpKinds, runCoachOp } from './coach-ops.ts';
import { stampAt, type OpResult } from './op-result.ts';

/**
 * The users' operations, done the way the app's pages do them: the feature folders' pure
 * helpers build the document, the data layer writes it. Each returns the marked writes the
 * parent's oracle follows: the field (a path into the document) and the unique value written.
 */
const skip = (note: string): OpResult => ({ applied: false, writes: [], note });
const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

async function all<C extends CollectionName>(device: Device, collection: C): Promise<any[]> {
  return ((await internals(device).store.all(collection)) as any[]).sort(byId);
}

export async function runUserOp(device: Device, op: UserOp, marker: string): Promise<OpResult> {
  const me = device.syncState$.value.user;
  if (!me) return skip('not signed in');
  if (coachOpKinds.has(op.kind)) return runCoachOp(device, op as Parameters<typeof runCoachOp>[1], marker);
  const now = () => new Date().toISOString();
  const sessions = (await all(device, 'sessions')) as TrainingSession[];
  const assignments = ((await all(device, 'assignments')) as Assignment[]).filter((a) => a.status === 'active');
  const choose = <T>(list: T[]) => (list.length ? list[op.pick % list.length]! : null);
  const drafts = sessions.filter((s) => s.coachId === me.id && s.status === 'draft');
  const mine = (s: TrainingSession) => (me.role === 'coach' ? s.coachId === me.id : s.clientId === me.id);
  const published = sessions.filter((s) => s.status === 'published' && mine(s));

  // The pages edit the live document (the builder re-reads what sync brings in), so an
  // operation re-reads its target right before writing rather than editing the list it picked from.
  const fresh = async (picked: TrainingSession | null) => (picked ? ((await internals(device).store.get('sessions', picked.id)) as TrainingSession | null) : null);
  const put = async (collection: CollectionName, doc: any, path: string[], value: string): Promise<OpResult> => {
    const saved = (await internals(device).store.put(collection, doc)) as any;
    return { applied: true, writes: [{ collection, id: saved.id, path, value, at: stampAt(saved, path) }] };
  };
  // The builder's write: what its form changed from what it read, over the session as stored (commands.editSession).
  const edit = async (read: TrainingSession, doc: TrainingSession, path: string[], value: string): Promise<OpResult> => {
    const saved = (await device.commands.editSession(read, doc)) as any;
    return { applied: true, writes: [{ collection: 'sessions', id: saved.id, path, value, at: stampAt(saved, path) }] };
  };

  // The log page's edits: a change of the entry as stored at write time (client/log-sets.ts).
  const setContext = async (rx: Prescription): Promise<SetContext> => {
    const exercise = ((await all(device, 'exercises')) as Exercise[]).find((e) => e.id === rx.exerciseId);
    return { kind: setKindOf(exercise, rx), rx, units: 'kg', last: [], newId: () => device.commands.newId(), now: now() };
  };
  // Through the command the log page uses: the change applies to the log as stored when it is written.
  const changeLog = (s: TrainingSession, rx: Prescription, change: EntryChange) =>
    device.commands.updateLog(sessionLogId(s.id), (log) => withEntry(log, s, rx.id, change(log?.entries[rx.id] ?? null), now()));
  /** A set of the picked session's logged entries, or null. */
  const pickSet = async (s: TrainingSession | null, setPick: number) => {
    const log = s ? ((await internals(device).store.get('logs', sessionLogId(s.id))) as SessionLog | null) : null;
    const sets = s && log ? s.exercises.flatMap((rx) => orderedSets(log.entries[rx.id]?.sets).map(([id]) => ({ rx, id }))) : [];
    return sets.length ? sets[setPick % sets.length]! : null;
  };
  const setField = (rx: Prescription, id: string) => ['entries', rx.id, 'sets', id, 'seconds'];
  const opNumber = Number(/\d+/.exec(marker)?.[0] ?? 0);

  switch (op.kind) {
    case 'createDraft': {
      const asg = choose(assignments.filter((a) => a.coachId === me.id));
      if (!asg) return skip('no active client');
      // "Add Session" as the builder does it, then the coach types the title.
      const draft = await coachWrites(device.commands, me.id, () => addDaysTo(todayLocal(), op.dueIn)).addDraft(asg.clientId);
      return edit(draft, editSession(draft, { title: marker }, now()), ['title'], marker);
    }
    case 'editDraft': {
      const s = await fresh(choose(drafts));
      if (!s) return skip('no draft');
      return edit(s, editSession(s, { [op.field]: marker }, now()), [op.field], marker);
    }
    case 'addExercise': {
      const s = await fresh(choose(drafts));
      const exercises = ((await all(device, 'exercises')) as Exercise[]).filter((e) => e.ownerId === null || e.ownerId === me.id);
      if (!s || exercises.length === 0) return skip('no draft or no exercise');
      const rx = { ...newPrescription(exercises[op.exPick % exercises.length]!, device.commands.newId()), notes: marker };
      await device.commands.editSession(s, editSession(s, { exercises: [...s.exercises, rx] }, now()));
      return { applied: true, writes: [] }; // arrays are replaced whole by the merge: not followed field by field
    }
    case 'submitDraft': {
      const s = await fresh(choose(drafts));
      if (!s) return skip('no draft');
      await device.commands.editSession(s, submitSession(s, now()));
      return { applied: true, writes: [] };
    }
    case 'discardDraft': {
      const s = choose(drafts);
      if (!s) return skip('no draft');
      await coachWrites(device.commands, me.id).discard(s);
      return { applied: true, writes: [] };
    }
    case 'editPublished': {
      const s = await fresh(choose(published));
      if (!s) return skip('no published session');
      return edit(s, editSession(s, { [op.field]: marker }, now()), [op.field], marker);
    }
    case 'logEntry': {
      const s = choose(published);
      if (!s || s.exercises.length === 0) return skip('no session to log');
      const rx = s.exercises[Math.floor(op.pick / 7) % s.exercises.length]!;
      const saved = await changeLog(s, rx, changeEntry(await setContext(rx), { notes: marker }));
      return { applied: true, writes: [{ collection: 'logs', id: saved.id, path: ['entries', rx.id, 'notes'], value: marker, at: stampAt(saved, ['entries', rx.id, 'notes']) }] };
    }
    // Each set write marks the set's seconds with the operation's number (unique per set and field).
    case 'addSet': {
      const s = choose(published);
      if (!s || s.exercises.length === 0) return skip('no session to log');
      const rx = s.exercises[op.setPick % s.exercises.length]!;
      const ctx = await setContext(rx);
      const id = device.commands.newId();
      const saved = await changeLog(s, rx, (e) => changeSet(ctx, id, { seconds: opNumber, done: true })(appendSet(ctx, id)(e)));
      return { applied: true, writes: [{ collection: 'logs', id: saved.id, path: setField(rx, id), value: opNumber, at: stampAt(saved, setField(rx, id)) }] };
    }
    case 'editSet': {
      const s = choose(published);
      const picked = await pickSet(s, op.setPick);
      if (!s || !picked) return skip('no set to edit');
      const saved = await changeLog(s, picked.rx, changeSet(await setContext(picked.rx), picked.id, { seconds: opNumber }));
      return { applied: true, writes: [{ collection: 'logs', id: saved.id, path: setField(picked.rx, picked.id), value: opNumber, at: stampAt(saved, setField(picked.rx, picked.id)) }] };
    }
    case 'removeSet': {
      const s = choose(published);
      const picked = await pickSet(s, op.setPick);
      if (!s || !picked) return skip('no set to remove');
      const saved = await changeLog(s, picked.rx, removeSet(await setContext(picked.rx), picked.id));
      // The set's absence is this write's value: a later edit of the set may bring it back.
      return { applied: true, writes: [{ collection: 'logs', id: saved.id, path: setField(picked.rx, picked.id), value: undefined, at: stampAt(saved, setField(picked.rx, picked.id)) }] };
    }
    case 'completeSession': {
      const s = choose(published);
      if (!s) return skip('no session');
      const at = now();
      const saved = await device.commands.updateLog(sessionLogId(s.id), (log) => withCompletion(log, s, at, at));
      return { applied: true, writes: [{ collection: 'logs', id: saved.id, path: ['completedAt'], value: at, at: stampAt(saved, ['completedAt']) }] };
    }
    case 'comment': {
      const s = choose(me.role === 'coach' ? sessions.filter((x) => x.status === 'published' && assignments.some((a) => a.coachId === me.id && a.clientId === x.clientId)) : published);
      if (!s) return skip('no session');
      const doc = newComment(device.commands.newId(), { id: me.id, role: me.role }, { coachId: s.coachId, clientId: s.clientId }, { type: 'session', id: s.id }, marker, now());
      return put('messages', doc, ['body'], marker);
    }
    case 'message': {
      const pairs = assignments.filter((a) => (me.role === 'coach' ? a.coachId === me.id : a.clientId === me.id));
      const asg = choose(pairs);
      if (!asg) return skip('no coach/client pair');
      const doc = newMessage(device.commands.newId(), { id: me.id, role: me.role }, { coachId: asg.coachId, clientId: asg.clientId }, marker, now());
      return put('messages', doc, ['body'], marker);
    }
    case 'viewResource': {
      // The client opens a resource their coach shared (the coach may delete it meanwhile, on
      // another device, offline: then the server refuses the view and the device keeps it).
      const resource = choose(((await all(device, 'notes')) as Note[]).filter((n) => n.kind === 'resource' && n.clientId === me.id));
      if (!resource) return skip('no resource shared with this client');
      const saved = await recordView(device.commands, resource);
      return { applied: true, writes: [{ collection: 'messages', id: saved.id, path: ['createdAt'], value: saved.createdAt, at: stampAt(saved, ['createdAt']) }] };
    }
  }
  return skip(`no such operation: ${op.kind}`);
}

/** One step of the targeted conflict scenario: an edit of one field of a known session. */
export async function editField(device: Device, id: string, field: string, marker: string): Promise<OpResult> {
  const s = (await internals(device).store.get('sessions', id)) as TrainingSession | null;
  if (!s) return skip(`session ${id} not on this device`);
  const saved = await device.commands.editSession(s, editSession(s, { [field]: marker }, new Date().toISOString()));
  return { applied: true, writes: [{ collection: 'sessions', id, path: [field], value: marker, at: stampAt(saved, [field]) }] };
}
