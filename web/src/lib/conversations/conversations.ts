import type { Message } from '@spotter/shared';

/**
 * Conversation helpers on top of the comments engineer's `conversation()` (lib/comments):
 * search and unread counts. "Read" is per device and per person, kept in localStorage: it is
 * nobody else's business and needs no sync.
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

export interface ReadMarkers {
  get(key: string): string | null;
  set(key: string, at: string): void;
}

export const conversationKey = (me: string, coachId: string, clientId: string) => `spotter.read.${me}.${coachId}.${clientId}`;

export function localReadMarkers(storage: Pick<Storage, 'getItem' | 'setItem'> = globalThis.localStorage): ReadMarkers {
  return {
    get: (key) => storage.getItem(key),
    set: (key, at) => {
      // Never move backwards: two tabs marking read at once keep the later time.
      const prev = storage.getItem(key);
      if (!prev || at > prev) storage.setItem(key, at);
    },
  };
}
