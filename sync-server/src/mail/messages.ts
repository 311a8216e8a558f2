import type { Mail } from './mailer.ts';

/**
 * The emails the server sends, as pure functions of what they say: plain text with each link
 * on a line of its own, and the same in minimal HTML. Names are escaped in HTML; nothing a
 * person typed ever becomes a link.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function mail(to: string, subject: string, paragraphs: string[], link?: { href: string; label: string }): Mail {
  const text = [...paragraphs.slice(0, 1), ...(link ? [`${link.label}:\n${link.href}`] : []), ...paragraphs.slice(1), '— Spotter'].join('\n\n');
  const html = [
    ...paragraphs.slice(0, 1).map((p) => `<p>${escape(p)}</p>`),
    ...(link ? [`<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>`] : []),
    ...paragraphs.slice(1).map((p) => `<p>${escape(p)}</p>`),
    '<p>— Spotter</p>',
  ].join('\n');
  return { to, subject, text, html };
}

const days = (ms: number) => Math.round(ms / 86_400_000);
const minutes = (ms: number) => Math.round(ms / 60_000);

export function inviteMail(p: { to: string; firstName: string; inviter: string; role: 'client' | 'coach'; link: string; ttlMs: number }): Mail {
  const what = p.role === 'client' ? `${p.inviter} invites you to train with them on Spotter.` : `${p.inviter} invites you to join Spotter as a trainer.`;
  return mail(p.to, p.role === 'client' ? `${p.inviter} invites you to Spotter` : 'You are invited to Spotter as a trainer', [
    `Hi ${p.firstName}, ${what}`,
    `Open the link to choose your password. It works once, for ${days(p.ttlMs)} days.`,
    'Not expecting this? Ignore this email: no account is created.',
  ], { href: p.link, label: 'Accept the invitation' });
}

export function resetMail(p: { to: string; firstName: string; link: string; ttlMs: number }): Mail {
  return mail(p.to, 'Reset your Spotter password', [
    `Hi ${p.firstName}, someone (we hope you) asked to reset your Spotter password.`,
    `The link works once, for ${minutes(p.ttlMs)} minutes. Resetting signs you out on every device.`,
    'Did not ask? Ignore this email: your password stays as it is.',
  ], { href: p.link, label: 'Choose a new password' });
}

export function confirmEmailMail(p: { to: string; firstName: string; link: string; ttlMs: number }): Mail {
  return mail(p.to, 'Confirm your new Spotter email', [
    `Hi ${p.firstName}, confirm that you sign in to Spotter with this address from now on.`,
    `The link works once, for ${Math.round(p.ttlMs / 3_600_000)} hours. Until then your old address stays.`,
  ], { href: p.link, label: 'Confirm this email' });
}

/** To the old address after a change: the owner learns of it even if someone else made it. */
export function emailChangedMail(p: { to: string; firstName: string; newEmail: string }): Mail {
  return mail(p.to, 'Your Spotter email was changed', [
    `Hi ${p.firstName}, your Spotter account now signs in with ${p.newEmail}.`,
    'Not you? Reset your password from the sign-in page and tell your coach or admin.',
  ]);
}

export function passwordChangedMail(p: { to: string; firstName: string }): Mail {
  return mail(p.to, 'Your Spotter password was changed', [
    `Hi ${p.firstName}, the password of your Spotter account was just changed.`,
    'Not you? Reset it from the sign-in page ("Forgot password?"): that signs out every device.',
  ]);
}
