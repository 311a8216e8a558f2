import type { Role } from '@spotter/shared';

/** Each role's main places (docs/DESIGN.md "Surfaces"). */
export const navFor = (role: Role): { href: string; label: string }[] =>
  ({
    coach: [
      { href: '/coach', label: 'Clients' },
      { href: '/coach/inbox', label: 'Inbox' },
      { href: '/coach/exercises', label: 'Exercises' },
      { href: '/coach/plans', label: 'Plans' },
      { href: '/coach/reminders', label: 'Reminders' },
    ],
    client: [
      { href: '/client', label: 'Today' },
      { href: '/client/plan', label: 'Plan' },
      { href: '/client/progress', label: 'Progress' },
      { href: '/client/messages', label: 'Messages' },
      { href: '/client/reminders', label: 'Reminders' },
    ],
    admin: [{ href: '/admin', label: 'Trainers' }],
  })[role];

/**
 * Pages anyone opens, signed in or not: the links from emails and "forgot password"
 * (docs/DESIGN.md "Invitations and passwords"). The shell never redirects away from them.
 */
export const publicPaths = ['/invite', '/reset-password', '/forgot-password', '/confirm-email'] as const;
export const isPublicPath = (path: string): boolean => (publicPaths as readonly string[]).includes(path.replace(/\/$/, ''));

/** May this role open this path? Pages of another role send the user home instead. */
export function allowedPath(role: Role, path: string): boolean {
  const area = path.split('/')[1] ?? '';
  return area === role;
}
