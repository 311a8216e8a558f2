import { markedRead, type Message, type Person } from '@spotter/shared';
import type { Device } from '../data/device.ts';

/**
 * Marks a conversation read up to `at` on the person's own document
 * (docs/DESIGN.md "The coach's inbox"): written offline like any edit, merged per
 * conversation, synced to their other devices. Writes nothing when the marker is already there, so an open thread that
 * re-renders does not edit the document again.
 */
export async function markConversationRead(device: Device, me: Person | null, otherId: string, at: string): Promise<void> {
  if (!me) return;
  const next = markedRead(me.readUpTo, otherId, at);
  if (next) await device.commands.updatePerson(me.id, { readUpTo: next });
}

/**
 * What opening a thread marks read: the newest message the other person wrote. One's own
 * messages are never unread, so sending one writes no marker (a message sent offline is one
 * change waiting to upload, not two).
 */
export const newestFromOther = (thread: readonly Message[], me: string): Message | undefined => thread.findLast((m) => m.authorId !== me);
