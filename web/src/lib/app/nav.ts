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

/** May this role open this path? Pages of another role send the user home instead. */
export function allowedPath(role: Role, path: string): boolean {
  const area = path.split('/')[1] ?? '';
  return area === role;
}
