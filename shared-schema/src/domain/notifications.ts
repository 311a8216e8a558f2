import type { SessionLog } from '../docs/logs.ts';
import type { Message } from '../docs/messages.ts';
import type { NotificationPrefs } from '../docs/people.ts';
import type { TrainingSession } from '../docs/sessions.ts';

/**
 * Push notifications (docs/DESIGN.md "Notifications"): which accepted write tells whom what,
 * and whether a person wants to be told now. Pure: the server loads the documents and names,
 * calls these, and sends what they answer after the write has committed.
 */

/** The preference switch an event falls under. */
export type NotificationKind = 'newSession' | 'messages' | 'clientLogged' | 'reminders' | 'clientAlerts';

/** What one person's devices are shown. `url` is the app page a tap opens; `tag` lets a newer notice replace an older one about the same thing. */
export interface Notice {
  recipientId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** Everything on, no quiet hours: what a person who never opened the settings gets. */
export const defaultNotificationPrefs = (timeZone = 'UTC'): NotificationPrefs => ({
  newSession: true,
  messages: true,
  clientLogged: true,
  quietFrom: null,
  quietTo: null,
  timeZone,
});

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock time (minutes after midnight) of `at` in `timeZone`; an unknown zone reads as UTC. */
export function minuteOfDay(at: Date, timeZone: string): number {
  let f = clockFormats.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      // A zone this runtime does not know (a newer tz database on the device): UTC rather than no notice at all.
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    clockFormats.set(timeZone, f);
  }
  return minutes(f.format(at));
}

/** Inside quiet hours at `at`? The span may cross midnight (22:00–07:00); from = to, or either unset, means none. */
export function inQuietHours(prefs: Pick<NotificationPrefs, 'quietFrom' | 'quietTo' | 'timeZone'>, at: Date): boolean {
  if (!prefs.quietFrom || !prefs.quietTo) return false;
  const from = minutes(prefs.quietFrom);
  const to = minutes(prefs.quietTo);
  if (from === to) return false;
  const now = minuteOfDay(at, prefs.timeZone);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/**
 * Send this notice now? Only when the person wants this kind and it is not their quiet hours.
 * A notice held back by quiet hours is dropped, not queued: the app shows the same news when
 * opened, and a burst of stale notices at 07:00 is what makes people turn them all off.
 */
export function shouldNotify(prefs: NotificationPrefs | undefined, kind: NotificationKind, at: Date): boolean {
  const p = prefs ?? defaultNotificationPrefs();
  // The later switches are optional on the document (absent: on), so older documents stay valid.
  return (p[kind] ?? true) && !inQuietHours(p, at);
}

/** "Thu" for 2026-12-10: the weekday of a calendar day, the same wherever the reader is. */
export const weekdayOf = (day: string): string => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });

const clip = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

type Stated<D> = { doc: D; deleted: boolean } | null;

const visible = <D>(s: Stated<D>): s is { doc: D; deleted: boolean } => !!s && !s.deleted;

/** A session that became published (new, or a draft published): its client hears of it. */
export function sessionNotice(before: Stated<TrainingSession>, after: Stated<TrainingSession>): Notice | null {
  if (!visible(after) || after.doc.status !== 'published') return null;
  // Already published and still published: an edit, not news.
  if (visible(before) && before.doc.status === 'published') return null;
  const s = after.doc;
  const count = s.exercises.length;
  return {
    recipientId: s.clientId,
    kind: 'newSession',
    title: `New session from your coach: ${s.title.trim() || 'Training session'}, ${weekdayOf(s.dueDate)}`,
    body: s.notes.trim() ? clip(s.notes) : `${count} exercise${count === 1 ? '' : 's'}`,
    url: `/client/sessions/${s.id}`,
    tag: `session:${s.id}`,
  };
}

/** A client's log: its first write ("logged") and its completion tell the coach; every other edit is quiet. */
export function logNotice(before: Stated<SessionLog>, after: Stated<SessionLog>, names: { client: string; session: string }): Notice | null {
  if (!visible(after)) return null;
  const log = after.doc;
  const completedNow = !!log.completedAt && !(visible(before) && before.doc.completedAt);
  const started = !visible(before) && Object.keys(log.entries).length > 0;
  if (!completedNow && !started) return null;
  const session = names.session.trim() || 'a session';
  return {
    recipientId: log.coachId,
    kind: 'clientLogged',
    title: completedNow ? `${names.client} completed ${session}` : `${names.client} logged ${session}`,
    body: completedNow ? 'Open the log to see how it went.' : 'A workout is under way.',
    url: `/coach/clients/${log.clientId}`,
    tag: `log:${log.id}`,
  };
}

/** A new message or comment: the other side of the conversation hears of it (never its author). */
export function messageNotice(before: Stated<Message>, after: Stated<Message>, authorName: string): Notice | null {
  if (!visible(after) || visible(before)) return null;
  const m = after.doc;
  if (m.kind !== 'message' && m.kind !== 'comment') return null;
  if (m.kind === 'comment' && m.targetType === 'recommendation' && !m.body.trim()) return null;
  const toClient = m.authorRole === 'coach';
  const recipientId = toClient ? m.clientId : m.coachId;
  if (recipientId === m.authorId) return null;
  const what = m.kind === 'message' ? 'Message' : 'Comment';
  let url: string;
  if (toClient) url = m.kind === 'comment' && m.targetType === 'session' && m.targetId ? `/client/sessions/${m.targetId}` : '/client/messages';
  else url = m.kind === 'message' ? `/coach/clients/${m.clientId}/messages` : `/coach/clients/${m.clientId}`;
  return { recipientId, kind: 'messages', title: `${what} from ${authorName}`, body: clip(m.body) || 'Rated a recommendation.', url, tag: `message:${m.id}` };
}
