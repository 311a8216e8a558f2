import {
  addDaysTo,
  compliance,
  complianceDrop,
  engagement,
  lastWorkout,
  logsBySession,
  nextSession,
  recentLateCount,
  LATE_WINDOW_DAYS,
  type Assignment,
  type EngagementParts,
  type Message,
  type Person,
  type SessionLog,
  type TrainingSession,
} from '@spotter/shared';

/** One row of the coach's client table: plain data, computed from the local database. */
export interface ClientRow {
  clientId: string;
  name: string;
  email: string;
  status: Assignment['status'];
  /** ISO instant of the latest completion or logged exercise, or null. */
  lastWorkout: string | null;
  /** Whole percent over the last 30 days, or null when nothing was due. */
  compliance: number | null;
  complianceDue: number;
  nextSession: { id: string; dueDate: string; title: string } | null;
  /** Sessions in this coach's queue for the client (drafts, waiting or refused). */
  drafts: number;
  /** Published sessions due in the last LATE_WINDOW_DAYS days and not complete (shared `recentLateCount`). */
  late: number;
  /** A published session is due Monday–Sunday of this week. */
  sessionThisWeek: boolean;
  /** Engagement score 0–100 (shared `engagement`, ENGAGEMENT_FORMULA) and what it is made of. */
  engagement: number;
  engagementParts: EngagementParts;
  /** Compliance 14 days ago and now; `dropped` when it fell by 20 points or more. */
  complianceDrop: { before: number | null; now: number | null; dropped: boolean };
}

export interface RowInput {
  coachId: string;
  people: readonly Person[];
  assignments: readonly Assignment[];
  sessions: readonly TrainingSession[];
  logs: readonly SessionLog[];
  /** Messages and comments (the client's count towards engagement). */
  messages?: readonly Message[];
  today: string;
}

/** Monday of the week containing `day` (ISO weeks: coaches plan Monday to Sunday). */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDaysTo(day, -((dow + 6) % 7));
}

/**
 * The coach's clients (active and paused assignments — completed ones are past clients),
 * with the dashboard's numbers from the shared domain rules, so the table, the server's
 * REST answer and the tests agree by construction.
 */
export function clientRows({ coachId, people, assignments, sessions, logs, messages = [], today }: RowInput): ClientRow[] {
  const byPerson = new Map(people.map((p) => [p.id, p]));
  const byLog = logsBySession(logs);
  const monday = mondayOf(today);
  const sunday = addDaysTo(monday, 6);
  const rows: ClientRow[] = [];
  const seen = new Set<string>();
  for (const a of assignments) {
    if (a.coachId !== coachId || a.status === 'completed' || seen.has(a.clientId)) continue;
    seen.add(a.clientId);
    const person = byPerson.get(a.clientId);
    const own = sessions.filter((s) => s.clientId === a.clientId);
    const published = own.filter((s) => s.status === 'published');
    const ownLogs = logs.filter((l) => l.clientId === a.clientId);
    const c = compliance(published, byLog, today);
    const next = nextSession(published, byLog, today);
    const e = engagement(a.clientId, published, ownLogs, messages, today);
    rows.push({
      clientId: a.clientId,
      name: person ? `${person.firstName} ${person.lastName}`.trim() : 'Client (not synced yet)',
      email: person?.email ?? '',
      status: a.status,
      lastWorkout: lastWorkout(ownLogs),
      compliance: c.percent,
      complianceDue: c.due,
      nextSession: next ? { id: next.id, dueDate: next.dueDate, title: next.title } : null,
      drafts: own.filter((s) => s.status !== 'published' && s.coachId === coachId).length,
      late: recentLateCount(published, byLog, today),
      sessionThisWeek: published.some((s) => s.dueDate >= monday && s.dueDate <= sunday),
      engagement: e.score,
      engagementParts: e.parts,
      complianceDrop: complianceDrop(published, byLog, today),
    });
  }
  return rows.sort((x, y) => x.name.localeCompare(y.name) || x.clientId.localeCompare(y.clientId));
}

export type RowFilter = 'all' | 'no-session-this-week' | 'late' | 'low-engagement' | 'compliance-drop';

/** Below this score a client is worth a check-in (under half of what an on-track client scores). */
export const LOW_ENGAGEMENT = 40;

export const rowFilters: { value: RowFilter; label: string }[] = [
  { value: 'all', label: 'All clients' },
  { value: 'no-session-this-week', label: 'No session this week' },
  { value: 'late', label: `Late sessions (last ${LATE_WINDOW_DAYS} days)` },
  { value: 'low-engagement', label: `Low engagement (under ${LOW_ENGAGEMENT})` },
  { value: 'compliance-drop', label: 'Compliance dropped' },
];

export type RowSort = 'name' | 'engagement' | 'compliance' | 'last-workout';

export const rowSorts: { value: RowSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'engagement', label: 'Engagement, lowest first' },
  { value: 'compliance', label: 'Compliance, lowest first' },
  { value: 'last-workout', label: 'Last workout, longest ago first' },
];

// "Lowest first" everywhere: the dashboard is for spotting who needs attention. Unknowns (no
// compliance yet, never trained) go first too — they need attention as well — and ties keep
// name order, so the table never shuffles between renders.
const byName = (a: ClientRow, b: ClientRow) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId);
const nullsFirst = <T>(x: T | null, y: T | null, cmp: (x: T, y: T) => number) => (x === null ? (y === null ? 0 : -1) : y === null ? 1 : cmp(x, y));
const comparators: Record<RowSort, (a: ClientRow, b: ClientRow) => number> = {
  name: byName,
  engagement: (a, b) => a.engagement - b.engagement || byName(a, b),
  compliance: (a, b) => nullsFirst(a.compliance, b.compliance, (x, y) => x - y) || byName(a, b),
  'last-workout': (a, b) => nullsFirst(a.lastWorkout, b.lastWorkout, (x, y) => x.localeCompare(y)) || byName(a, b),
};

export function sortRows(rows: readonly ClientRow[], sort: RowSort): ClientRow[] {
  return [...rows].sort(comparators[sort]);
}

/** Search by name (or email), words in any order, and one filter. */
export function filterRows(rows: readonly ClientRow[], query: string, filter: RowFilter): ClientRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    const hay = `${r.name} ${r.email}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
    if (filter === 'no-session-this-week') return !r.sessionThisWeek;
    if (filter === 'late') return r.late > 0;
    if (filter === 'low-engagement') return r.engagement < LOW_ENGAGEMENT;
    if (filter === 'compliance-drop') return r.complianceDrop.dropped;
    return true;
  });
}
