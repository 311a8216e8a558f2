import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_TTL_MS } from '@spotter/shared';
import { newLink } from '../src/accounts/link-tokens.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helper.ts';
import { logCapture } from './log-capture.ts';
import { startMailbox, tokenIn, type Mailbox } from './mailbox.ts';
import { openEventStream } from './sse-reader.ts';

// Invitations and passwords (docs/DESIGN.md "Invitations and passwords", SECURITY.md "Account
// links"): a real server on a real database, mail over SMTP to an in-process SMTP server, and
// every link followed as the person would.

const STRONG = 'violet-harbor-quantum-sketch-91';
const OTHER_STRONG = 'amber-glacier-piano-lantern-58';
let s: TestServer;
let box: Mailbox;
let log: ReturnType<typeof logCapture>;
let n = 0;
const fresh = (name: string) => `${name}-${Date.now()}-${++n}@example.test`;

beforeAll(async () => {
  box = await startMailbox();
  log = logCapture();
  s = await startTestServer({ smtpPort: box.port, logStream: log.stream, trustProxy: '127.0.0.1' });
});
afterAll(async () => {
  await s?.close();
  await box?.close();
});

const invite = (token: string, body: unknown) => s.api(token, 'POST', '/api/invites', body);
const accept = (token: string, password = STRONG) => s.api(null, 'POST', '/api/auth/invite/accept', { token, password });
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('a coach invites a client by email', () => {
  it('the mail carries a link; following it, the client sets a password, signs in and is the coach\'s client', async () => {
    const coach = await s.login('coach@demo.test');
    const email = fresh('ana');
    const sent = await invite(coach.accessToken, { role: 'client', email: email.toUpperCase(), firstName: 'Ana', lastName: 'Invited' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ mailSent: true, invite: { email, status: 'pending', role: 'client' } });
    expect(Date.parse(sent.body.invite.expiresAt) - Date.parse(sent.body.invite.sentAt)).toBe(INVITE_TTL_MS);

    const mail = await box.next(email);
    expect(mail.subject).toMatch(/invites you to Spotter/);
    const link = new URL(mail.text.match(/https?:\/\/\S+/)![0]);
    expect(link.origin).toBe(s.url);
    expect(link.pathname).toBe('/invite');
    const token = tokenIn(mail);
    // Only a hash of the link's secret is stored.
    const row = await s.app.repo.findInvite(token.split('.')[0]!);
    expect(row?.tokenHash).not.toContain(token.split('.')[1]);
    expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);

    const preview = await s.api(null, 'POST', '/api/auth/invite/preview', { token });
    expect(preview.body).toMatchObject({ email, firstName: 'Ana', role: 'client', invitedBy: expect.stringMatching(/\S/) });

    // The password policy applies: too short, then too easy (the person's own name).
    expect((await accept(token, 'short')).status).toBe(400);
    const weak = await accept(token, 'passwordpassword');
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/too easy to guess/);

    const accepted = await accept(token);
    expect(accepted).toMatchObject({ status: 200, body: { email } });
    const client = await s.login(email, STRONG);
    expect(client.user).toMatchObject({ role: 'client', firstName: 'Ana' });
    const clients = await s.api(coach.accessToken, 'GET', '/api/clients');
    expect(clients.body.map((c: any) => c.client.email)).toContain(email);
    expect(clients.body.find((c: any) => c.client.email === email).assignment).toMatchObject({ status: 'active', coachId: coach.user.id });

    // Used: the same link again is refused, and the invitation is no longer pending.
    const again = await accept(token, OTHER_STRONG);
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/already accepted/);
    expect((await s.api(coach.accessToken, 'GET', '/api/invites')).body.map((i: any) => i.email)).not.toContain(email);
    expect(log.events('invite_accepted').some((l) => l.userId === client.user.id)).toBe(true);
    expect(log.text()).not.toContain(token.split('.')[1]);
  });

  it('two accepts of one link at once: exactly one account', async () => {
    const coach = await s.login('coach@demo.test');
    const email = fresh('race');
    await invite(coach.accessToken, { role: 'client', email, firstName: 'Rae', lastName: 'Race' });
    const token = tokenIn(await box.next(email));
    const results = await Promise.all([accept(token), accept(token, OTHER_STRONG), accept(token)]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 409 || r.status === 410)).toBe(true);
    expect((await s.app.repo.find('assignments', [{ field: 'clientId', op: 'eq', value: (await s.app.repo.findUserByEmail(email))!.person.id }])).length).toBe(1);
  });

  it('pending invitations are listed; a resend makes the old link useless, a cancel every link', async () => {
    const coach = await s.login('coach@demo.test');
    const email = fresh('res');
    const first = await invite(coach.accessToken, { role: 'client', email, firstName: 'Ren', lastName: 'Resent' });
    const oldToken = tokenIn(await box.next(email));
    // The same person twice from one coach: resend instead.
    expect((await invite(coach.accessToken, { role: 'client', email, firstName: 'Ren', lastName: 'Resent' })).body).toMatchObject({ code: 'invite_open' });
    const listed = await s.api(coach.accessToken, 'GET', '/api/invites');
    expect(listed.body.find((i: any) => i.id === first.body.invite.id)).toMatchObject({ email, status: 'pending' });

    const resent = await s.api(coach.accessToken, 'POST', `/api/invites/${first.body.invite.id}/resend`);
    expect(resent).toMatchObject({ status: 200, body: { mailSent: true } });
    const newToken = tokenIn(await box.next(email));
    expect(newToken).not.toBe(oldToken);
    expect((await s.api(null, 'POST', '/api/auth/invite/preview', { token: oldToken })).status).toBe(410);
    expect((await s.api(null, 'POST', '/api/auth/invite/preview', { token: newToken })).status).toBe(200);

    expect((await s.api(coach.accessToken, 'DELETE', `/api/invites/${first.body.invite.id}`)).status).toBe(200);
    const cancelled = await accept(newToken);
    expect(cancelled.status).toBe(410);
    expect(cancelled.body.message).toMatch(/cancelled/);
    expect(await s.app.repo.findUserByEmail(email)).toBeNull();
  });

  it('an expired link is refused and says so; resending makes a working one', async () => {
    const coach = await s.login('coach@demo.test');
    const email = fresh('late');
    const sent = await invite(coach.accessToken, { role: 'client', email, firstName: 'Lee', lastName: 'Late' });
    const token = tokenIn(await box.next(email));
    const row = (await s.app.repo.findInvite(sent.body.invite.id))!;
    const past = new Date(Date.now() - 1000).toISOString();
    await s.app.repo.renewInvite(row.id, row.tokenHash, row.sentAt, past);
    expect((await s.api(coach.accessToken, 'GET', '/api/invites')).body.find((i: any) => i.id === row.id).status).toBe('expired');
    const late = await accept(token);
    expect(late.status).toBe(410);
    expect(late.body.message).toMatch(/expired/);
    await s.api(coach.accessToken, 'POST', `/api/invites/${row.id}/resend`);
    expect((await accept(tokenIn(await box.next(email)))).status).toBe(200);
  });

  it('forged, truncated and unknown links are refused alike', async () => {
    const coach = await s.login('coach@demo.test');
    const email = fresh('forge');
    const sent = await invite(coach.accessToken, { role: 'client', email, firstName: 'Fay', lastName: 'Forged' });
    const token = tokenIn(await box.next(email));
    const forged = [
      `${sent.body.invite.id}.${newLink('x').token.split('.')[1]}`, // the right id, another secret
      newLink('0190f0f0-0000-7000-8000-000000000000').token, // an unknown id
      `${token}x`, // tampered
    ];
    for (const t of forged) {
      const res = await accept(t);
      expect(res.status).toBe(410);
      expect(res.body.message).toBe('This link is not valid. Open it again from the email, or ask for a new one.');
    }
    expect((await accept(token.split('.')[0]!)).status).toBe(400); // no secret at all: not even a link
    expect((await accept(token)).status).toBe(200);
  });
});

describe('who may invite whom', () => {
  it('a client invites nobody, a coach no trainer, an admin no client; nobody touches another\'s invitations', async () => {
    const client = await s.login('client@demo.test');
    const coach = await s.login('coach@demo.test');
    const coach2 = await s.login('coach2@demo.test');
    const admin = await s.login('admin@demo.test');
    const body = { role: 'client', email: fresh('x'), firstName: 'X', lastName: '' };
    expect((await invite(client.accessToken, body)).body).toMatchObject({ code: 'coach_only_invites_clients' });
    expect((await invite(admin.accessToken, body)).body).toMatchObject({ code: 'coach_only_invites_clients' });
    expect((await invite(coach.accessToken, { ...body, role: 'coach', isPersonalTrainer: true, specializations: [], certifications: [], maxClients: 3, hourlyRate: null, bio: '', yearsExperience: null })).status).toBe(403);
    expect((await s.api(client.accessToken, 'GET', '/api/invites')).status).toBe(403);
    // An account's email cannot be invited.
    expect((await invite(coach.accessToken, { ...body, email: 'client2@demo.test' })).body).toMatchObject({ code: 'email_taken' });

    const mine = await invite(coach.accessToken, body);
    await box.next(body.email);
    const id = mine.body.invite.id;
    // Another coach: not listed, not resent, not cancelled (404, and logged).
    expect((await s.api(coach2.accessToken, 'GET', '/api/invites')).body.map((i: any) => i.id)).not.toContain(id);
    expect((await s.api(coach2.accessToken, 'POST', `/api/invites/${id}/resend`)).status).toBe(404);
    expect((await s.api(coach2.accessToken, 'DELETE', `/api/invites/${id}`)).status).toBe(404);
    expect((await s.api(admin.accessToken, 'DELETE', `/api/invites/${id}`)).status).toBe(404);
    expect(log.events('access_denied').some((l) => l.invite === id && l.userId === coach2.user.id)).toBe(true);
    expect((await s.api(coach.accessToken, 'GET', '/api/invites')).body.map((i: any) => i.id)).toContain(id);
  });

  it('open invitations hold a place: a coach cannot invite past their capacity', async () => {
    const admin = await s.login('admin@demo.test');
    const email = fresh('small');
    const trainer = await s.api(admin.accessToken, 'POST', '/api/admin/trainers', {
      email, firstName: 'Sam', lastName: 'Small', password: STRONG, isPersonalTrainer: true, specializations: [], certifications: [], maxClients: 1, hourlyRate: null, bio: '', yearsExperience: null,
    });
    expect(trainer.status).toBe(201);
    const small = await s.login(email, STRONG);
    const one = fresh('one');
    expect((await invite(small.accessToken, { role: 'client', email: one, firstName: 'One', lastName: '' })).status).toBe(201);
    const two = await invite(small.accessToken, { role: 'client', email: fresh('two'), firstName: 'Two', lastName: '' });
    expect(two).toMatchObject({ status: 409, body: { code: 'coach_full_with_invites' } });
    expect((await accept(tokenIn(await box.next(one)))).status).toBe(200);
    expect((await invite(small.accessToken, { role: 'client', email: fresh('three'), firstName: 'Three', lastName: '' })).body).toMatchObject({ code: 'coach_at_capacity' });
  });

  it('an admin invites a trainer with their profile; the trainer sets a password and signs in as a coach', async () => {
    const admin = await s.login('admin@demo.test');
    const coach = await s.login('coach@demo.test');
    const email = fresh('trainer');
    const profile = { isPersonalTrainer: true, specializations: ['Mobility'], certifications: ['CSCS'], maxClients: 4, hourlyRate: 60, bio: 'Moves well.', yearsExperience: 3 };
    expect((await invite(admin.accessToken, { role: 'coach', email, firstName: 'Tia', lastName: 'Trainer', ...profile })).status).toBe(201);
    const mail = await box.next(email);
    expect(mail.subject).toBe('You are invited to Spotter as a trainer');
    // Every admin sees trainer invitations; a coach does not.
    expect((await s.api(admin.accessToken, 'GET', '/api/invites')).body.map((i: any) => i.email)).toContain(email);
    expect((await s.api(coach.accessToken, 'GET', '/api/invites')).body.map((i: any) => i.email)).not.toContain(email);
    expect((await accept(tokenIn(mail))).status).toBe(200);
    const trainer = await s.login(email, STRONG);
    expect(trainer.user.role).toBe('coach');
    expect((await s.api(trainer.accessToken, 'GET', '/api/me')).body).toMatchObject(profile);
  });
});

describe('forgot password', () => {
  it('answers the same whether or not the email has an account; only an account gets a mail', async () => {
    const known = await s.api(null, 'POST', '/api/auth/forgot-password', { email: 'client3@demo.test' }, from('198.51.100.20'));
    const unknown = await s.api(null, 'POST', '/api/auth/forgot-password', { email: 'nobody-here@demo.test' }, from('198.51.100.20'));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect([...unknown.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    await box.next('client3@demo.test');
    expect(box.received.some((m) => m.to.includes('nobody-here@demo.test'))).toBe(false);
    expect(log.events('password_reset_requested').map((l) => l.known)).toEqual(expect.arrayContaining([true, false]));
  });

  it('a reset link sets a new password once, and ends every session of the person', async () => {
    const email = fresh('reset');
    const coach = await s.login('coach@demo.test');
    await invite(coach.accessToken, { role: 'client', email, firstName: 'Rita', lastName: 'Reset' });
    await accept(tokenIn(await box.next(email)));
    const phone = await s.login(email, STRONG);
    const laptop = await s.login(email, STRONG);
    const stream = await openEventStream(s.url, phone.accessToken);
    expect(await stream.next()).toBe('RESYNC');

    await s.api(null, 'POST', '/api/auth/forgot-password', { email });
    const mail = await box.next(email);
    expect(mail.subject).toBe('Reset your Spotter password');
    expect(new URL(mail.text.match(/https?:\/\/\S+/)![0]).pathname).toBe('/reset-password');
    const token = tokenIn(mail);
    const reset = await s.api(null, 'POST', '/api/auth/reset-password', { token, password: OTHER_STRONG });
    expect(reset).toMatchObject({ status: 200, body: { email } });

    // Every session ended: access tokens, refresh cookies and the open stream.
    await expect(stream.next()).rejects.toThrow('stream ended');
    for (const session of [phone, laptop]) {
      expect((await s.api(session.accessToken, 'GET', '/api/me')).status).toBe(401);
      expect((await s.refresh(session.cookie)).status).toBe(401);
    }
    await expect(s.login(email, STRONG)).rejects.toThrow(/401/);
    expect((await s.login(email, OTHER_STRONG)).user.email).toBe(email);
    // Single use.
    const again = await s.api(null, 'POST', '/api/auth/reset-password', { token, password: 'a-third-long-and-unusual-phrase' });
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/already used/);
    expect(log.events('password_reset').some((l) => l.endedSessions === 2)).toBe(true);
  });

  it('an expired reset link is refused; a forged one too', async () => {
    const user = (await s.app.repo.findUserByEmail('client2@demo.test'))!.person;
    const link = newLink('0190aaaa-0000-7000-8000-000000000001');
    const t = Date.now();
    await s.app.repo.insertAccountToken({ id: '0190aaaa-0000-7000-8000-000000000001', purpose: 'reset', userId: user.id, newEmail: null, tokenHash: link.hash, createdAt: new Date(t - 31 * 60_000).toISOString(), expiresAt: new Date(t - 60_000).toISOString(), usedAt: null });
    const expired = await s.api(null, 'POST', '/api/auth/reset-password', { token: link.token, password: STRONG });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired/);
    const forged = await s.api(null, 'POST', '/api/auth/reset-password', { token: `0190aaaa-0000-7000-8000-000000000001.${'A'.repeat(43)}`, password: STRONG });
    expect(forged.status).toBe(410);
    expect((await s.login('client2@demo.test')).user.email).toBe('client2@demo.test');
  });

  it('refused links from one address are limited', async () => {
    const limited = await startTestServer({ trustProxy: '127.0.0.1', accountLimits: { linkFailuresPerAddress: { max: 3, windowMs: 60_000 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.api(null, 'POST', '/api/auth/reset-password', { token: newLink(`guess-${i}`).token, password: STRONG }, from('203.0.113.9'))).status);
      expect(statuses).toEqual([410, 410, 410, 429, 429]);
      // Another address is not affected.
      expect((await limited.api(null, 'POST', '/api/auth/reset-password', { token: newLink('other').token, password: STRONG }, from('203.0.113.10'))).status).toBe(410);
    } finally {
      await limited.close();
    }
  });
});

describe('a signed-in person\'s own account', () => {
  async function newClient(name: string) {
    const coach = await s.login('coach@demo.test');
    const email = fresh(name);
    await invite(coach.accessToken, { role: 'client', email, firstName: 'Pat', lastName: 'Own' });
    await accept(tokenIn(await box.next(email)));
    return email;
  }

  it('changes their password with the current one; their other devices are signed out, this one stays', async () => {
    const email = await newClient('pw');
    const here = await s.login(email, STRONG);
    const there = await s.login(email, STRONG);
    const wrong = await s.api(here.accessToken, 'POST', '/api/account/password', { currentPassword: 'not-my-password', newPassword: OTHER_STRONG });
    expect(wrong).toMatchObject({ status: 400, body: { message: 'Your current password is not right.' } });
    const changed = await s.api(here.accessToken, 'POST', '/api/account/password', { currentPassword: STRONG, newPassword: OTHER_STRONG });
    expect(changed.status).toBe(200);
    expect((await s.api(here.accessToken, 'GET', '/api/me')).status).toBe(200);
    expect((await s.api(there.accessToken, 'GET', '/api/me')).status).toBe(401);
    expect((await s.login(email, OTHER_STRONG)).user.email).toBe(email);
    expect((await box.next(email)).subject).toBe('Your Spotter password was changed');
  });

  it('changes their email through a link sent to the new address', async () => {
    const email = await newClient('mail');
    const session = await s.login(email, STRONG);
    const next = fresh('moved');
    expect((await s.api(session.accessToken, 'POST', '/api/account/email', { password: 'wrong-password', newEmail: next })).status).toBe(400);
    const asked = await s.api(session.accessToken, 'POST', '/api/account/email', { password: STRONG, newEmail: next });
    expect(asked.status).toBe(200);
    // Nothing changes until the link is opened.
    expect((await s.login(email, STRONG)).user.email).toBe(email);
    const mail = await box.next(next);
    expect(new URL(mail.text.match(/https?:\/\/\S+/)![0]).pathname).toBe('/confirm-email');
    expect((await s.api(null, 'POST', '/api/auth/confirm-email', { token: tokenIn(mail) })).body).toEqual({ email: next });
    expect((await s.login(next, STRONG)).user.email).toBe(next);
    await expect(s.login(email, STRONG)).rejects.toThrow(/401/);
    expect((await box.next(email)).subject).toBe('Your Spotter email was changed');
    // An address with an account: the same answer, and no mail to it.
    const taken = await s.api(session.accessToken, 'POST', '/api/account/email', { password: STRONG, newEmail: 'coach2@demo.test' });
    expect(taken.status).toBe(200);
    expect(taken.body.message).toMatch(/We sent a link to coach2@demo.test/);
  });

  it('sees their signed-in devices and ends one: its tokens and its open stream end at once', async () => {
    const email = await newClient('dev');
    const phone = await s.api(null, 'POST', '/api/auth/login', { email, password: STRONG }, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36' });
    const laptop = await s.api(null, 'POST', '/api/auth/login', { email, password: STRONG }, { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0' });
    const devices = await s.api(laptop.body.accessToken, 'GET', '/api/account/devices');
    expect(devices.body.map((d: any) => [d.label, d.current])).toEqual(expect.arrayContaining([['Chrome on Android', false], ['Firefox on macOS', true]]));
    const phoneId = devices.body.find((d: any) => d.label === 'Chrome on Android').id;
    const stream = await openEventStream(s.url, phone.body.accessToken);
    expect(await stream.next()).toBe('RESYNC');

    // Someone else cannot end it.
    const other = await s.login('client2@demo.test');
    expect((await s.api(other.accessToken, 'DELETE', `/api/account/devices/${phoneId}`)).status).toBe(404);
    expect((await s.api(phone.body.accessToken, 'GET', '/api/me')).status).toBe(200);

    expect((await s.api(laptop.body.accessToken, 'DELETE', `/api/account/devices/${phoneId}`)).status).toBe(200);
    await expect(stream.next()).rejects.toThrow('stream ended');
    expect((await s.api(phone.body.accessToken, 'GET', '/api/me')).status).toBe(401);
    expect((await s.api(laptop.body.accessToken, 'GET', '/api/account/devices')).body.map((d: any) => d.id)).not.toContain(phoneId);
    expect(log.events('session_ended').some((l) => l.family === phoneId)).toBe(true);
  });
});

it('the demo password still signs in (the demo data is untouched)', async () => {
  expect((await s.login('coach@demo.test', DEMO_PASSWORD)).user.role).toBe('coach');
});
