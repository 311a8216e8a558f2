import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helper.ts';

// Wherever a password is set (a coach adding a client, an admin creating a trainer), the
// shared rule holds: 12 to 128 characters and not easy to guess, refused with the reason.
let s: TestServer;
let coach: string;
let admin: string;
beforeAll(async () => {
  s = await startTestServer();
  coach = (await s.login('coach@demo.test')).accessToken;
  admin = (await s.login('admin@demo.test')).accessToken;
});
afterAll(() => s?.close());

let n = 0;
const addClient = (password: string) => s.api(coach, 'POST', '/api/clients', { email: `policy${++n}@demo.test`, firstName: 'Pat', lastName: 'Policy', password });
const profile = { isPersonalTrainer: true, specializations: [], certifications: [], maxClients: 5, hourlyRate: null, bio: '', yearsExperience: null };
const addTrainer = (password: string) => s.api(admin, 'POST', '/api/admin/trainers', { email: `trainer${++n}@demo.test`, firstName: 'Tess', lastName: 'Policy', password, ...profile });

describe.each([
  ['a coach adding a client', addClient],
  ['an admin creating a trainer', addTrainer],
])('%s', (_who, create) => {
  it.each([
    ['ten spaces', ' '.repeat(10), 'body.password: A password needs at least 12 characters (this one has 10).'],
    ['a common password', 'password1234', 'body.password: This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.'],
    ['129 characters', 'k'.repeat(129), 'body.password: A password can have at most 128 characters.'],
  ])('refuses %s with 400 saying why', async (_name, password, message) => {
    const res = await create(password);
    expect(res).toMatchObject({ status: 400, body: { error: 'bad_request', message } });
  });

  it('accepts a 64-character passphrase, and the account signs in with it', async () => {
    const password = 'a squat rack, two benches and a rower by the window of the gym!!';
    expect(password).toHaveLength(64);
    const res = await create(password);
    expect(res.status).toBe(201);
    const email = res.body.client?.email ?? res.body.email;
    expect((await s.login(email, password)).user.email).toBe(email);
  });
});

it('refuses the account’s own name as its password', async () => {
  const res = await s.api(coach, 'POST', '/api/clients', { email: 'bartholomew.quince@demo.test', firstName: 'Bartholomew', lastName: 'Quince', password: 'bartholomew.quince' });
  expect(res.status).toBe(400);
  expect(res.body.message).toMatch(/^body\.password: This password is too easy to guess\./);
});
