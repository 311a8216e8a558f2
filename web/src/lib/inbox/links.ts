import type { Message } from '@spotter/shared';

/** Where an inbox item opens (docs/DESIGN.md "The coach's inbox"): a message its thread, a comment the client's profile. */
export const itemHref = (m: Pick<Message, 'kind' | 'clientId'>): string =>
  m.kind === 'message' ? `/coach/clients/${m.clientId}/messages` : `/coach/clients/${m.clientId}`;

/** "3 unread" for a badge's accessible name; '' for none. */
export const unreadLabel = (n: number): string => (n > 0 ? `${n} unread` : '');
