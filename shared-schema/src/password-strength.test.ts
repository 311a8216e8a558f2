import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN } from './domain/password.ts';
import { accountPasswordProblem, passwordProblem } from './password-strength.ts';

// ASVS 5.0 §6.2: at least 12 characters, at least 64 allowed, common passwords refused, each
// refusal saying why (the forms show the message as is).
describe('passwordProblem', () => {
  it.each([
    ['too short', 'short', /at least 12 characters \(this one has 5\)/],
    ['ten spaces', ' '.repeat(10), /at least 12 characters/],
    ['twelve spaces', ' '.repeat(12), /too easy to guess\. Repeated characters/],
    ['a common password padded to length', 'password1234', /too easy to guess\. This is similar to a commonly used password\./],
    ['a keyboard row', 'qwertyuiop12', /too easy to guess/],
    ['a repeated character', 'aaaaaaaaaaaa', /too easy to guess/],
    ['longer than allowed', 'x'.repeat(PASSWORD_MAX + 1), /at most 128 characters/],
  ])('refuses %s', (_name, password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it.each([
    ['the demo password', 'spotter-demo'],
    ['a passphrase', 'correct horse battery staple'],
    ['64 characters', 'Lifting on a Tuesday morning before the gym floor fills up again!'.slice(0, 64)],
    ['the longest allowed', 'plates-and-barbells '.repeat(7).slice(0, PASSWORD_MAX)],
  ])('accepts %s', (_name, password) => {
    expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN);
    expect(passwordProblem(password)).toBeNull();
  });

  it("refuses a password made of the account's own email and name", () => {
    const body = { email: 'marguerite.fontaine@demo.test', firstName: 'Marguerite', lastName: 'Fontaine', password: 'marguerite.fontaine' };
    expect(passwordProblem(body.password)).toBeNull(); // fine for someone else
    expect(accountPasswordProblem(body)).toMatch(/too easy to guess/);
  });
});
