import { describe, expect, it } from 'vitest';
import type { Assignment } from '@spotter/shared';
import { importAccess, importableExercise } from './imports.ts';

const a = (coachId: string, status: Assignment['status']): Assignment =>
  ({ id: `a.${coachId}`, coachId, clientId: 'm1', status, startDate: '2026-01-01', endDate: null, updatedAt: '2026-01-01T00:00:00.000Z' }) as unknown as Assignment;

describe('importAccess', () => {
  it.each([
    // A client imports for themselves, into their active trainer's sessions.
    ['client for self', { id: 'm1', role: 'client' }, 'm1', [a('c1', 'active')], { kind: 'allow', coachId: 'c1' }],
    // An active trainer wins over a paused one.
    ['client with a paused and an active coach', { id: 'm1', role: 'client' }, 'm1', [a('c0', 'paused'), a('c1', 'active')], { kind: 'allow', coachId: 'c1' }],
    // Sessions need a coach: a client without one cannot import.
    ['client without coach', { id: 'm1', role: 'client' }, 'm1', [a('c1', 'completed')], { kind: 'refuse', status: 409 }],
    // Never for someone else.
    ['client for another', { id: 'm2', role: 'client' }, 'm1', [a('c1', 'active')], { kind: 'refuse', status: 403 }],
    // A coach for their own (active or paused) client.
    ['coach for own client', { id: 'c1', role: 'coach' }, 'm1', [a('c1', 'paused')], { kind: 'allow', coachId: 'c1' }],
    ['coach for a former client', { id: 'c1', role: 'coach' }, 'm1', [a('c1', 'completed')], { kind: 'refuse', status: 403 }],
    ['coach for another coach\'s client', { id: 'c2', role: 'coach' }, 'm1', [a('c1', 'active')], { kind: 'refuse', status: 403 }],
    // An admin sees no sessions or logs.
    ['admin', { id: 'ad', role: 'admin' }, 'm1', [a('c1', 'active')], { kind: 'refuse', status: 403 }],
  ] as const)('%s', (_name, viewer, clientId, assignments, expected) => {
    expect(importAccess(viewer, clientId, assignments)).toMatchObject(expected);
  });
});

describe('importableExercise', () => {
  it.each([
    ['shared', { ownerId: null }, false, true],
    ["the client's coach's own", { ownerId: 'c1' }, false, true],
    ["another coach's own", { ownerId: 'c2' }, false, false],
    ['deleted', { ownerId: null }, true, false],
    ['missing', null, false, false],
  ] as const)('%s', (_name, exercise, deleted, ok) => {
    expect(importableExercise(exercise, deleted, new Set(['c1']))).toBe(ok);
  });
});
