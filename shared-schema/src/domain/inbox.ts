import type { Message } from '../docs/messages.ts';

/**
 * The coach's inbox (docs/DESIGN.md "The coach's inbox"): every message and comment of every
 * conversation, newest first, and what is unread. Read state is a marker per conversation (the
 * person's `readUpTo`: the other person's id → the newest item read), so marking read on one
 * device reaches the others with the person's document. Pure: the page feeds it local data.
 */

/**
 * How far back the inbox and its unread counts look: older news is history, not inbox. No
 * longer than the dashboard's window (recent-window.test.ts): a first sync brings those weeks
 * first, and the dashboard's "N unread" must not keep changing while older history downloads
 * (at 60 days the coach's rows changed until the sync's end, 17.8 s on the bench's account).
 */
export const INBOX_WINDOW_DAYS = 44;

export type InboxKind = 'all' | 'message' | 'comment';
export interface InboxFilter {
  unreadOnly: boolean;
  /** One client's conversation, or every one (null). */
  clientId: string | null;
  kind: InboxKind;
}
export const allOfInbox: InboxFilter = { unreadOnly: false, clientId: null, kind: 'all' };

export interface InboxItem {
  message: Message;
  /** Whom the conversation is with, from `me`'s side. */
  otherId: string;
  unread: boolean;
}

/** A conversation is keyed by the other person: a coach's with each client, a client's with each coach. */
export const otherOf = (m: Pick<Message, 'coachId' | 'clientId'>, me: string): string => (m.coachId === me ? m.clientId : m.coachId);

/** Things a person reads in the inbox: messages and comments (ratings included), never system notes or views. */
const readable = (m: Message) => m.kind === 'message' || m.kind === 'comment';

/** Written by the other side after the conversation was last read. Your own words are never unread. */
export function isUnread(m: Message, me: string, readUpTo: Readonly<Record<string, string>> | undefined): boolean {
  if (!readable(m) || m.authorId === me) return false;
  const mark = readUpTo?.[otherOf(m, me)];
  return mark === undefined || m.createdAt > mark;
}

/** The inbox, newest first, filtered. */
export function inboxItems(messages: readonly Message[], me: string, readUpTo: Readonly<Record<string, string>> | undefined, filter: InboxFilter = allOfInbox): InboxItem[] {
  return messages
    .filter((m) => readable(m) && (filter.kind === 'all' || m.kind === filter.kind) && (filter.clientId === null || m.clientId === filter.clientId))
    .map((message) => ({ message, otherId: otherOf(message, me), unread: isUnread(message, me, readUpTo) }))
    .filter((i) => !filter.unreadOnly || i.unread)
    .sort((a, b) => (a.message.createdAt === b.message.createdAt ? b.message.id.localeCompare(a.message.id) : b.message.createdAt.localeCompare(a.message.createdAt)));
}

/** Unread items per conversation (only those with any) and in all. */
export function unreadCounts(messages: readonly Message[], me: string, readUpTo: Readonly<Record<string, string>> | undefined): { byPerson: Record<string, number>; total: number } {
  const byPerson: Record<string, number> = {};
  let total = 0;
  for (const m of messages) {
    if (!isUnread(m, me, readUpTo)) continue;
    const other = otherOf(m, me);
    byPerson[other] = (byPerson[other] ?? 0) + 1;
    total++;
  }
  return { byPerson, total };
}

/**
 * The markers after reading a conversation up to `at`, or null when nothing changes (so opening
 * a read conversation writes nothing). A marker never moves back: a device that shows an older
 * page of the thread does not make newer items unread again.
 */
export function markedRead(readUpTo: Readonly<Record<string, string>> | undefined, otherId: string, at: string): Record<string, string> | null {
  const current = readUpTo?.[otherId];
  if (current !== undefined && current >= at) return null;
  return { ...readUpTo, [otherId]: at };
}
