import { describe, expect, it } from 'vitest';
import { canSee, writeRefusal, type Relations, type Viewer } from './access.ts';
import type { CollectionName } from './collections.ts';
import * as f from './fixtures.ts';

// coach-1 trains client-1; coach-2 trains client-2. The admin manages the roster.
const coach: Viewer = { id: 'coach-1', role: 'coach' };
const client: Viewer = { id: 'client-1', role: 'client' };
const admin: Viewer = { id: 'admin-1', role: 'admin' };
const REL: Record<string, Relations> = {
  'coach-1': { clientIds: new Set(['client-1']), coachIds: new Set() },
  'client-1': { clientIds: new Set(), coachIds: new Set(['coach-1']) },
  'admin-1': { clientIds: new Set(), coachIds: new Set() },
};
type Doc = Record<string, unknown> & { id: string };
const other = { coachId: 'coach-2', clientId: 'client-2' };

describe('canSee', () => {
  const cases: [string, Viewer, CollectionName, Doc, boolean][] = [
    ['a client sees themself', client, 'people', f.person(), true],
    ['a client sees their coach', client, 'people', f.person({ id: 'coach-1', role: 'coach' }), true],
    ['a client does not see another coach', client, 'people', f.person({ id: 'coach-2', role: 'coach' }), false],
    ['a coach sees their client', coach, 'people', f.person(), true],
    ["a coach does not see another coach's client", coach, 'people', f.person({ id: 'client-2' }), false],
    ['an admin sees everyone', admin, 'people', f.person({ id: 'client-2' }), true],
    ['a coach sees their assignments', coach, 'assignments', f.assignment(), true],
    ["a coach does not see another coach's assignments", coach, 'assignments', f.assignment(other), false],
    ['a client sees their assignment', client, 'assignments', f.assignment(), true],
    ['an admin sees every assignment', admin, 'assignments', f.assignment(other), true],
    ['everyone sees the shared library: client', client, 'exercises', f.exercise(), true],
    ['everyone sees the shared library: admin', admin, 'exercises', f.exercise(), true],
    ["a client sees their coach's own exercises", client, 'exercises', f.exercise({ ownerId: 'coach-1' }), true],
    ["a client does not see another coach's exercises", client, 'exercises', f.exercise({ ownerId: 'coach-2' }), false],
    ["a coach does not see another coach's exercises", coach, 'exercises', f.exercise({ ownerId: 'coach-2' }), false],
    ["an admin does not see a coach's own exercises", admin, 'exercises', f.exercise({ ownerId: 'coach-1' }), false],
    ['a client sees their published session', client, 'sessions', f.session(), true],
    ['a client never sees a draft', client, 'sessions', f.session({ status: 'draft' }), false],
    ['a client never sees a submitted session', client, 'sessions', f.session({ status: 'submitted' }), false],
    ["a client does not see another client's session", client, 'sessions', f.session({ clientId: 'client-2' }), false],
    ['a coach sees their own draft', coach, 'sessions', f.session({ status: 'draft' }), true],
    ["a coach does not see another coach's draft for the same client", coach, 'sessions', f.session({ status: 'draft', coachId: 'coach-2' }), false],
    ["a new coach sees a former coach's published sessions (the client's history)", coach, 'sessions', f.session({ coachId: 'coach-0' }), true],
    ["a coach does not see another coach's client's sessions", coach, 'sessions', f.session(other), false],
    ['an admin sees no sessions', admin, 'sessions', f.session(), false],
    ["a coach sees their client's logs", coach, 'logs', f.sessionLog(), true],
    ['a client sees their logs', client, 'logs', f.sessionLog(), true],
    ["a client does not see another client's logs", client, 'logs', f.sessionLog({ clientId: 'client-2' }), false],
    ['an admin sees no logs', admin, 'logs', f.sessionLog(), false],
    ['a client does not see a private note', client, 'notes', f.note({ isPrivate: true }), false],
    ['a client sees a shared note', client, 'notes', f.note({ isPrivate: false }), true],
    ['a client sees a summary', client, 'notes', f.note({ kind: 'summary', isPrivate: true }), true],
    ['a coach sees their private note', coach, 'notes', f.note(), true],
    ["a coach does not see another coach's note on their client", coach, 'notes', f.note({ coachId: 'coach-0' }), false],
    ['a client does not see a draft plan', client, 'plans', f.plan({ status: 'draft' }), false],
    ['a client sees an active plan', client, 'plans', f.plan({ status: 'active' }), true],
    ['a client does not see a pending recommendation', client, 'recommendations', f.recommendation({ status: 'pending' }), false],
    ['a client sees an approved recommendation', client, 'recommendations', f.recommendation({ status: 'approved' }), true],
    ['a coach sees a pending recommendation', coach, 'recommendations', f.recommendation(), true],
    ['a client sees their messages', client, 'messages', f.message(), true],
    ["a client does not see another client's messages", client, 'messages', f.message(other), false],
    ['an admin sees no messages', admin, 'messages', f.message(), false],
    // Reminders (docs/DESIGN.md "Reminders"): the author's own planning.
    ['a coach sees the reminders they set', coach, 'reminders', f.reminder(), true],
    ['a coach sees a reminder for all their clients', coach, 'reminders', f.reminder({ clientId: null }), true],
    ["a client does not see their coach's reminder", client, 'reminders', f.reminder(), false],
    ['a client sees their own reminder', client, 'reminders', f.reminder({ authorId: 'client-1', authorRole: 'client' }), true],
    ["a coach does not see their client's own reminder", coach, 'reminders', f.reminder({ authorId: 'client-1', authorRole: 'client' }), false],
    ['an admin sees no reminders', admin, 'reminders', f.reminder(), false],
  ];
  it.each(cases)('%s', (_why, viewer, collection, doc, expected) => {
    expect(canSee(viewer, collection, doc, REL[viewer.id])).toBe(expected);
  });
});

// Comments on one exercise and recommendation ratings: which fields go
// together and who may rate. Whether the target exists is the server's (rules.ts).
const fromClient = { authorId: 'client-1', authorRole: 'client' as const };
const onEntry = { kind: 'comment' as const, targetType: 'log' as const, targetId: 'log.ses-1', targetEntryId: 'rx-1' };
const viewed = { ...fromClient, kind: 'view' as const, targetType: 'resource' as const, targetId: 'note-1', body: '' };
const rated = { ...fromClient, kind: 'comment' as const, targetType: 'recommendation' as const, targetId: 'rec-1', rating: 4 };
const messageShapes: [string, Viewer, CollectionName, Doc | null, Doc, string | null][] = [
  ["a client comments on one exercise's log", client, 'messages', null, f.message({ ...fromClient, ...onEntry }), null],
  ["a coach comments on one exercise's log", coach, 'messages', null, f.message(onEntry), null],
  ['an exercise comment is on the log, not the session', coach, 'messages', null, f.message({ ...onEntry, targetType: 'session', targetId: 'ses-1' }), "Only a log's exercise entries take a comment of their own."],
  ['a plain message names no exercise', coach, 'messages', null, f.message({ targetEntryId: 'rx-1' }), 'Only comments have a target.'],
  ['a plain message carries no rating', client, 'messages', null, f.message({ ...fromClient, rating: 3 }), 'Only comments have a target.'],
  ['a comment needs a target', coach, 'messages', null, f.message({ kind: 'comment' }), 'A comment needs what it is about.'],
  ['an exercise comment needs its session or log', coach, 'messages', null, f.message({ kind: 'comment', targetEntryId: 'rx-1' }), 'A comment needs what it is about.'],
  ['an empty comment is refused', coach, 'messages', null, f.message({ kind: 'comment', targetType: 'session', targetId: 'ses-1', body: '  ' }), 'A message needs some text.'],
  ['an empty message is refused', client, 'messages', null, f.message({ ...fromClient, body: '' }), 'A message needs some text.'],
  ['a client rates a recommendation with a comment', client, 'messages', null, f.message({ ...rated, body: 'Felt right' }), null],
  ['a client rates a recommendation without words', client, 'messages', null, f.message({ ...rated, body: '' }), null],
  ['a client changes their rating', client, 'messages', f.message(rated), f.message({ ...rated, rating: 2, updatedAt: '2026-03-03T09:00:00.000Z' }), null],
  ['feedback on a recommendation needs a rating', client, 'messages', null, f.message({ ...rated, rating: null }), 'Feedback on a recommendation needs a rating (1-5).'],
  ['a recommendation has no exercise entries', client, 'messages', null, f.message({ ...rated, targetEntryId: 'rx-1' }), "Only a log's exercise entries take a comment of their own."],
  ['a session comment carries no rating', client, 'messages', null, f.message({ ...fromClient, kind: 'comment', targetType: 'session', targetId: 'ses-1', rating: 5 }), 'Only a recommendation is rated.'],
  ['a coach cannot rate a recommendation', coach, 'messages', null, f.message({ kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 5 }), 'Only the client rates a recommendation.'],
  ["a client cannot rate as another client", client, 'messages', null, f.message({ ...rated, clientId: 'client-2' }), 'You can only message your own coach.'],
  ['a rating cannot move to another recommendation', client, 'messages', f.message(rated), f.message({ ...rated, targetId: 'rec-2' }), 'The field targetId cannot be changed once it is set.'],
  ['a comment cannot move to another exercise', coach, 'messages', f.message(onEntry), f.message({ ...onEntry, targetEntryId: 'rx-2' }), 'The field targetEntryId cannot be changed once it is set.'],
  // Resource views (docs/DESIGN.md "Resources and views"): the client's own openings, nothing more.
  ['a client records opening a resource', client, 'messages', null, f.message(viewed), null],
  ["a coach's openings are not views", coach, 'messages', null, f.message({ ...viewed, authorId: 'coach-1', authorRole: 'coach' }), "Only a client's openings of a resource are counted."],
  ['a view names its resource', client, 'messages', null, f.message({ ...viewed, targetId: null }), 'A view is of a resource.'],
  ['a view is of a resource, not a session', client, 'messages', null, f.message({ ...viewed, targetType: 'session' }), 'A view is of a resource.'],
  ['a view carries no text', client, 'messages', null, f.message({ ...viewed, body: 'nice' }), 'A view carries no text or rating.'],
  ['a view carries no rating', client, 'messages', null, f.message({ ...viewed, rating: 5 }), 'A view carries no text or rating.'],
  ['a comment is not about a resource', client, 'messages', null, f.message({ ...fromClient, kind: 'comment', targetType: 'resource', targetId: 'note-1' }), 'Only a view is about a resource.'],
  ['a message is not about a resource', client, 'messages', null, f.message({ ...fromClient, targetType: 'resource', targetId: 'note-1' }), 'Only a view is about a resource.'],
  ['a view cannot move to another resource', client, 'messages', f.message(viewed), f.message({ ...viewed, targetId: 'note-2' }), 'The field targetId cannot be changed once it is set.'],
  ["a client cannot record another client's view", client, 'messages', null, f.message({ ...viewed, clientId: 'client-2' }), 'You can only message your own coach.'],
];

// Reminders: who may set one for whom, and which fields go together (domain/reminders.ts).
const ownReminder = { authorId: 'client-1', authorRole: 'client' as const };
const reminderCases: [string, Viewer, CollectionName, Doc | null, Doc, string | null][] = [
  ['a coach reminds their client', coach, 'reminders', null, f.reminder(), null],
  ['a coach reminds all their clients', coach, 'reminders', null, f.reminder({ clientId: null }), null],
  ['a coach cannot remind an unassigned client', coach, 'reminders', null, f.reminder({ clientId: 'client-2' }), 'This client is no longer assigned to you.'],
  ['a coach cannot write as another coach', coach, 'reminders', null, f.reminder({ authorId: 'coach-2' }), 'You can only write as yourself.'],
  ["a client sets today's session reminder", client, 'reminders', null, f.reminder({ ...ownReminder, repeat: 'sessionDay', time: '07:30' }), null],
  ['a client reminds only themself', client, 'reminders', null, f.reminder({ ...ownReminder, clientId: 'client-2' }), 'You can only set reminders for yourself.'],
  ['a client reminds not all clients', client, 'reminders', null, f.reminder({ ...ownReminder, clientId: null }), 'You can only set reminders for yourself.'],
  ['a client cannot pose as a coach', client, 'reminders', null, f.reminder({ authorId: 'client-1' }), 'You can only write as yourself.'],
  ['a reminder cannot move to another client', coach, 'reminders', f.reminder(), f.reminder({ clientId: null }), 'The field clientId cannot be changed once it is set.'],
  ['a one-off needs its day', coach, 'reminders', null, f.reminder({ repeat: 'once' }), 'A one-off reminder needs its day.'],
  ['a one-off takes no weekdays', coach, 'reminders', null, f.reminder({ repeat: 'once', date: '2026-03-05', weekdays: [1] }), 'A one-off reminder needs its day.'],
  ['a weekly reminder needs days', coach, 'reminders', null, f.reminder({ repeat: 'weekly' }), 'Pick the days of the week this reminder comes on.'],
  ['a weekly reminder names a day once', coach, 'reminders', null, f.reminder({ repeat: 'weekly', weekdays: [1, 1] }), 'Pick the days of the week this reminder comes on.'],
  ['a weekly reminder on Mondays', coach, 'reminders', null, f.reminder({ repeat: 'weekly', weekdays: [1] }), null],
  ['a session reminder takes no day', coach, 'reminders', null, f.reminder({ date: '2026-03-05' }), 'A session reminder comes with the sessions: it takes no day of its own.'],
];

describe('writeRefusal', () => {
  const cases: [string, Viewer, CollectionName, Doc | null, Doc, string | null][] = [
    ['a coach creates a session for their client', coach, 'sessions', null, f.session(), null],
    ['a client cannot write sessions', client, 'sessions', null, f.session(), 'A client cannot change sessions.'],
    ['a coach cannot write as another coach', coach, 'sessions', null, f.session({ coachId: 'coach-2' }), 'You can only write as yourself.'],
    ['a coach cannot program an unassigned client', coach, 'sessions', null, f.session({ clientId: 'client-2' }), 'This client is no longer assigned to you.'],
    ['a session cannot move to another client', coach, 'sessions', f.session(), f.session({ clientId: 'client-2' }), 'The field clientId cannot be changed once it is set.'],
    // Order: the writer role first, then fixed fields, then the collection's own rule.
    ['role before fixed fields', client, 'sessions', f.session(), f.session({ clientId: 'client-2' }), 'A client cannot change sessions.'],
    ['fixed fields before ownership', coach, 'sessions', f.session({ coachId: 'coach-2' }), f.session(), 'The field coachId cannot be changed once it is set.'],
    ['a client logs their session', client, 'logs', null, f.sessionLog(), null],
    ["a client cannot log someone else's session", client, 'logs', null, f.sessionLog({ clientId: 'client-2' }), 'You can only log your own sessions.'],
    ['a coach cannot write logs', coach, 'logs', null, f.sessionLog(), 'A coach cannot change logs.'],
    ['accounts are not created through sync', admin, 'people', null, f.person(), 'Accounts are created through the sign-up API, not through sync.'],
    ['a client renames themself', client, 'people', f.person(), f.person({ firstName: 'Sammy', units: 'lb' }), null],
    ['a client cannot raise their own max clients', client, 'people', f.person(), f.person({ maxClients: 50 }), 'Only an admin can change maxClients.'],
    ['a client cannot edit someone else', client, 'people', f.person({ id: 'coach-1', role: 'coach' }), f.person({ id: 'coach-1', role: 'coach', bio: 'x' }), 'You can only change your own profile.'],
    ['an admin edits a trainer profile', admin, 'people', f.person({ id: 'coach-1', role: 'coach' }), f.person({ id: 'coach-1', role: 'coach', maxClients: 20 }), null],
    ['not even an admin changes a role', admin, 'people', f.person(), f.person({ role: 'coach' }), 'The field role cannot be changed once it is set.'],
    ['an admin assigns', admin, 'assignments', null, f.assignment(), null],
    ['a coach cannot assign', coach, 'assignments', null, f.assignment(), 'A coach cannot change assignments.'],
    ['an admin edits the shared library', admin, 'exercises', null, f.exercise(), null],
    ["an admin does not edit a coach's exercise", admin, 'exercises', null, f.exercise({ ownerId: 'coach-1' }), "An admin edits the shared library, not a coach's own exercises."],
    ['a coach adds their own exercise', coach, 'exercises', null, f.exercise({ ownerId: 'coach-1' }), null],
    ['a coach cannot edit the shared library', coach, 'exercises', f.exercise(), f.exercise({ name: 'Bench' }), 'You can only change your own exercises.'],
    ['a coach cannot add to the shared library', coach, 'exercises', null, f.exercise(), 'You can only change your own exercises.'],
    ["a coach cannot take over a shared exercise", coach, 'exercises', f.exercise(), f.exercise({ ownerId: 'coach-1' }), 'The field ownerId cannot be changed once it is set.'],
    ['a client messages their coach', client, 'messages', null, f.message({ authorId: 'client-1', authorRole: 'client' }), null],
    ['a coach messages their client', coach, 'messages', null, f.message(), null],
    ['a client cannot write as their coach', client, 'messages', null, f.message(), 'You can only write as yourself.'],
    ['nobody writes system messages', coach, 'messages', null, f.message({ kind: 'system' }), 'System messages are written by the server.'],
    ['a coach cannot message an unassigned client', coach, 'messages', null, f.message({ clientId: 'client-2' }), 'You can only message your own clients.'],
    ['a client cannot message another coach', client, 'messages', null, f.message({ authorId: 'client-1', authorRole: 'client', coachId: 'coach-2' }), 'You can only message your own coach.'],
    ...messageShapes,
    ...reminderCases,
    ['a coach writes a note on their client', coach, 'notes', null, f.note(), null],
    ['a coach cannot write a plan for an unassigned client', coach, 'plans', null, f.plan({ clientId: 'client-2' }), 'This client is no longer assigned to you.'],
    ['a client cannot approve a recommendation', client, 'recommendations', f.recommendation(), f.recommendation({ status: 'approved' }), 'A client cannot change recommendations.'],
  ];
  it.each(cases)('%s', (_why, viewer, collection, prev, next, expected) => {
    expect(writeRefusal(viewer, collection, prev, next, REL[viewer.id])?.message ?? null).toBe(expected);
  });
});
