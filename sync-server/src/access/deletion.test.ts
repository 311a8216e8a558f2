import { describe, expect, it } from 'vitest';
import type { CollectionName } from '@spotter/shared';
import { cancelRefusal, deletionRefusal, fateOf, type DeletionFacts, type Fate } from './deletion.ts';

const client = { id: 'cl-1', role: 'client' as const };
const coach = { id: 'co-1', role: 'coach' as const };
const admin = { id: 'ad-1', role: 'admin' as const };
const selfClient: DeletionFacts = { asker: client, target: client, self: true, pending: null };

describe('deletionRefusal', () => {
  it.each<[string, Partial<DeletionFacts>, string | null, number?]>([
    ['a client deletes their own account', {}, null],
    ['a coach does not delete themselves (their clients need a trainer first)', { asker: coach, target: coach }, 'deletion_self_client_only', 403],
    ['an admin does not delete themselves from their own account', { asker: admin, target: admin }, 'deletion_self_client_only', 403],
    ['a second request while one waits (a replay, a parallel click)', { pending: { byAdmin: false } }, 'deletion_pending', 409],
    ['an admin deletes a client', { asker: admin, target: client, self: false }, null],
    ['an admin deletes a trainer', { asker: admin, target: coach, self: false }, null],
    ['an admin does not delete an admin', { asker: admin, target: { id: 'ad-2', role: 'admin' }, self: false }, 'deletion_not_admins', 409],
    ['a client cannot delete another person', { asker: client, target: { id: 'cl-2', role: 'client' }, self: false }, 'deletion_admin_only', 403],
    ['a coach cannot delete their client', { asker: coach, target: client, self: false }, 'deletion_admin_only', 403],
    // Order: the role before the target, so a non-admin cannot tell which ids exist.
    ['a coach probing an unknown id learns nothing', { asker: coach, target: null, self: false }, 'deletion_admin_only', 403],
    ['an admin names nobody', { asker: admin, target: null, self: false }, 'not_found', 404],
    ['an admin asks again while one waits', { asker: admin, target: client, self: false, pending: { byAdmin: false } }, 'deletion_pending', 409],
  ])('%s', (_name, change, code, status) => {
    const r = deletionRefusal({ ...selfClient, ...change });
    expect(r?.refusal.code ?? null).toBe(code);
    if (status) expect(r?.status).toBe(status);
  });
});

describe('cancelRefusal', () => {
  it.each<[string, Partial<DeletionFacts>, string | null]>([
    ['a client cancels their own deletion', { pending: { byAdmin: false } }, null],
    ['nothing waits', {}, 'deletion_none'],
    ["a client cannot undo an admin's deletion", { pending: { byAdmin: true } }, 'deletion_not_yours_to_cancel'],
    ["an admin cancels a client's own deletion", { asker: admin, self: false, pending: { byAdmin: false } }, null],
    ['an admin cancels their own', { asker: admin, self: false, pending: { byAdmin: true } }, null],
    ["a coach cannot cancel a client's deletion", { asker: coach, self: false, pending: { byAdmin: false } }, 'deletion_admin_only'],
  ])('%s', (_name, change, code) => {
    expect(cancelRefusal({ ...selfClient, ...change })?.refusal.code ?? null).toBe(code);
  });
});

const other = 'cl-2';
describe('fateOf', () => {
  it.each<[string, { id: string; role: 'client' | 'coach' }, CollectionName, Record<string, unknown>, Fate]>([
    ['the client themselves', client, 'people', { id: client.id }, 'erase'],
    ['their coach stays', client, 'people', { id: coach.id }, 'keep'],
    ['their assignment', client, 'assignments', { clientId: client.id, coachId: coach.id, status: 'active' }, 'erase'],
    ['a session written for them', client, 'sessions', { clientId: client.id, coachId: coach.id, status: 'published' }, 'erase'],
    ["their coach's private note about them", client, 'notes', { clientId: client.id, coachId: coach.id, kind: 'note', isPrivate: true }, 'erase'],
    ['a message their coach wrote to them', client, 'messages', { clientId: client.id, coachId: coach.id, authorId: coach.id }, 'erase'],
    ["another client's log", client, 'logs', { clientId: other, coachId: coach.id }, 'keep'],
    ['their own reminder', client, 'reminders', { authorId: client.id, clientId: client.id }, 'erase'],
    ["their coach's reminder for them", client, 'reminders', { authorId: coach.id, clientId: client.id }, 'erase'],
    ["their coach's reminder for all clients", client, 'reminders', { authorId: coach.id, clientId: null }, 'keep'],
    ["their coach's exercise", client, 'exercises', { ownerId: coach.id }, 'keep'],
    ["a coach's active assignment ends", coach, 'assignments', { clientId: other, coachId: coach.id, status: 'active' }, 'end'],
    ["a coach's paused assignment ends", coach, 'assignments', { clientId: other, coachId: coach.id, status: 'paused' }, 'end'],
    ['a completed one stays history', coach, 'assignments', { clientId: other, coachId: coach.id, status: 'completed' }, 'keep'],
    ['a published session stays the client\'s history', coach, 'sessions', { clientId: other, coachId: coach.id, status: 'published' }, 'keep'],
    ["the coach's draft session goes", coach, 'sessions', { clientId: other, coachId: coach.id, status: 'draft' }, 'erase'],
    ['the client\'s log stays', coach, 'logs', { clientId: other, coachId: coach.id }, 'keep'],
    ["the coach's messages go", coach, 'messages', { clientId: other, coachId: coach.id, authorId: coach.id }, 'erase'],
    ["the client's messages stay", coach, 'messages', { clientId: other, coachId: coach.id, authorId: other }, 'keep'],
    ["the coach's private note goes", coach, 'notes', { clientId: other, coachId: coach.id, kind: 'note', isPrivate: true }, 'erase'],
    ['a summary the client was given stays', coach, 'notes', { clientId: other, coachId: coach.id, kind: 'summary', isPrivate: false }, 'keep'],
    ['an active plan stays', coach, 'plans', { clientId: other, coachId: coach.id, status: 'active' }, 'keep'],
    ['a draft plan goes', coach, 'plans', { clientId: other, coachId: coach.id, status: 'draft' }, 'erase'],
    ['a pending recommendation goes', coach, 'recommendations', { clientId: other, coachId: coach.id, status: 'pending' }, 'erase'],
    ['an approved recommendation stays', coach, 'recommendations', { clientId: other, coachId: coach.id, status: 'approved' }, 'keep'],
    ["the coach's own reminders go", coach, 'reminders', { authorId: coach.id, clientId: null }, 'erase'],
    ["the coach's exercises stay (sessions name them)", coach, 'exercises', { ownerId: coach.id }, 'keep'],
  ])('%s', (_name, gone, collection, doc, fate) => {
    expect(fateOf(gone, collection, { id: 'doc-1', ...doc } as never)).toBe(fate);
  });
});
