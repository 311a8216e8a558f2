import { describe, expect, it } from 'vitest';
import type { Person } from '@spotter/shared';
import { linkByEmail, type ProviderClaims } from './link.ts';

const person = { id: 'p1', email: 'coach@demo.test' } as Person;
const found = { person, deleted: false };

describe('linkByEmail: which account a provider sign-in opens', () => {
  const cases: [string, ProviderClaims, typeof found | null, string][] = [
    ['a verified email with an account', { email: 'coach@demo.test', email_verified: true }, found, 'sign-in'],
    ['the same email in other letter case', { email: 'Coach@Demo.TEST', email_verified: true }, found, 'sign-in'],
    ['an unverified email', { email: 'coach@demo.test', email_verified: false }, found, 'unverified'],
    ['"verified" as a string, not true', { email: 'coach@demo.test', email_verified: 'true' }, found, 'unverified'],
    ['no verification claim', { email: 'coach@demo.test' }, found, 'unverified'],
    ['no email', { email_verified: true }, found, 'unverified'],
    ['an empty email', { email: '', email_verified: true }, found, 'unverified'],
    ['no account', { email: 'nobody@demo.test', email_verified: true }, null, 'no-account'],
    ['a deleted account', { email: 'coach@demo.test', email_verified: true }, { person, deleted: true }, 'no-account'],
    ['an account found under another email', { email: 'other@demo.test', email_verified: true }, found, 'no-account'],
  ];
  it.each(cases)('%s', (_name, claims, account, expected) => {
    const decision = linkByEmail(claims, account);
    expect(decision.kind === 'sign-in' ? 'sign-in' : decision.reason).toBe(expected);
    if (decision.kind === 'sign-in') expect(decision.person).toBe(person);
  });
});
