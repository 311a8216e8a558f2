import { addDaysTo, INBOX_WINDOW_DAYS, inboxItems, todayLocal, unreadCounts, type InboxFilter, type InboxItem, type Message, type Person } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll } from '../data/watch.ts';

/**
 * The coach's inbox as the pages read it (docs/DESIGN.md "The coach's inbox"): the recent
 * messages and comments of all their conversations, and the people to name them by. What is
 * read comes from the coach's own document (`readUpTo`), passed in by the page, so marking a
 * conversation read on another device shows here with the next sync.
 */
export class InboxData {
  messages = $state.raw<Message[]>([]);
  people = $state.raw<Person[]>([]);
  ready = $state(false);
  readonly #stop: () => void;

  constructor(device: Device, coachId: string, today = todayLocal()) {
    const since = `${addDaysTo(today, -INBOX_WINDOW_DAYS)}T00:00:00.000Z`;
    this.#stop = watchAll(
      [watch(device.queries.inboxMessages(coachId, since), (v) => (this.messages = v)), watch(device.queries.people(), (v) => (this.people = v))],
      () => (this.ready = true),
    );
  }

  destroy(): void {
    this.#stop();
  }

  items(me: string, readUpTo: Record<string, string> | undefined, filter: InboxFilter): InboxItem[] {
    return inboxItems(this.messages, me, readUpTo, filter);
  }

  unread(me: string, readUpTo: Record<string, string> | undefined): { byPerson: Record<string, number>; total: number } {
    return unreadCounts(this.messages, me, readUpTo);
  }

  get names(): Record<string, string> {
    return Object.fromEntries(this.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`.trim()]));
  }
}
