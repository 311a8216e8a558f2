import { describe, expect, it } from 'vitest';
import { confirmEmailMail, inviteMail, resetMail } from './messages.ts';

describe('emails', () => {
  const link = 'https://spotter.example/invite#0190.secret_-x';
  it.each([
    ['a client invitation', inviteMail({ to: 'a@b.c', firstName: 'Ana', inviter: 'Jo Coach', role: 'client', link, ttlMs: 7 * 86_400_000 }), 'Jo Coach invites you to Spotter', '7 days'],
    ['a trainer invitation', inviteMail({ to: 'a@b.c', firstName: 'Ana', inviter: 'Ad Min', role: 'coach', link, ttlMs: 7 * 86_400_000 }), 'You are invited to Spotter as a trainer', '7 days'],
    ['a reset', resetMail({ to: 'a@b.c', firstName: 'Ana', link, ttlMs: 30 * 60_000 }), 'Reset your Spotter password', '30 minutes'],
    ['an email change', confirmEmailMail({ to: 'a@b.c', firstName: 'Ana', link, ttlMs: 24 * 3_600_000 }), 'Confirm your new Spotter email', '24 hours'],
  ])('%s: the link whole on its own line, how long it works', (_n, m, subject, ttl) => {
    expect(m.subject).toBe(subject);
    expect(m.text.split('\n')).toContain(link);
    expect(m.text).toContain(ttl);
    expect(m.html).toContain(`href="${link}"`);
  });

  it('escapes names in HTML', () => {
    const m = inviteMail({ to: 'a@b.c', firstName: '<img src=x>', inviter: 'Jo "Coach"', role: 'client', link, ttlMs: 1 });
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img src=x&gt;');
  });
});
