import { describe, expect, it } from 'vitest';
import { addClientRefusal, type AddClientFacts } from './clients.ts';

const ok: AddClientFacts = { role: 'coach', emailTaken: false, maxClients: 2, activeClients: 1 };

describe('addClientRefusal', () => {
  it.each<[string, Partial<AddClientFacts>, ReturnType<typeof addClientRefusal>]>([
    ['a coach with room', {}, null],
    ['an admin', { role: 'admin' }, { status: 403, refusal: { code: 'coach_only_adds_clients', message: 'Only coaches add clients here; admins assign them.' } }],
    ['a taken email', { emailTaken: true }, { status: 409, refusal: { code: 'email_taken', message: 'An account with this email already exists.' } }],
    ['a full coach', { activeClients: 2 }, { status: 409, refusal: { code: 'coach_at_capacity', message: 'You are at capacity (2/2 clients).' } }],
  ])('%s', (_, o, expected) => {
    expect(addClientRefusal({ ...ok, ...o })).toEqual(expected);
  });
});
