import type { Message } from '@spotter/shared';

/**
 * Conversation helpers on top of the comments engineer's `conversation()` (lib/comments):
 * search and unread counts. How far a conversation was read is the person's own `readUpTo`
 * (docs/DESIGN.md "The coach's inbox"), synced to their other devices and to nobody else;
 * read-state.ts moves it.
 */

/** Messages from the other person written after `lastReadAt` (null: never opened). */
export function unreadCount(messages: readonly Message[], me: string, lastReadAt: string | null): number {
  return messages.filter((m) => m.kind === 'message' && m.authorId !== me && (lastReadAt === null || m.createdAt > lastReadAt)).length;
}

/** Case- and accent-insensitive match of every word of `query`; an empty query keeps all. */
export function searchMessages(messages: readonly Message[], query: string): Message[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...messages];
  return messages.filter((m) => {
    const body = fold(m.body);
    return words.every((w) => body.includes(w));
  });
}
