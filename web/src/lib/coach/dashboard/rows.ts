import {
  addDaysTo,
  compliance,
  isLate,
  lastWorkout,
  logsBySession,
  nextSession,
  type Assignment,
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
  late: number;
  /** A published session is due Monday–Sunday of this week. */
  sessionThisWeek: boolean;
}

export interface RowInput {
  coachId: string;
  people: readonly Person[];
  assignments: readonly Assignment[];
  sessions: readonly TrainingSession[];
  logs: readonly SessionLog[];
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
export function clientRows({ coachId, people, assignments, sessions, logs, today }: RowInput): ClientRow[] {
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
      late: published.filter((s) => isLate(s, byLog.get(s.id), today)).length,
      sessionThisWeek: published.some((s) => s.dueDate >= monday && s.dueDate <= sunday),
    });
  }
  return rows.sort((x, y) => x.name.localeCompare(y.name) || x.clientId.localeCompare(y.clientId));
}

export type RowFilter = 'all' | 'no-session-this-week' | 'late';

export const rowFilters: { value: RowFilter; label: string }[] = [
  { value: 'all', label: 'All clients' },
  { value: 'no-session-this-week', label: 'No session this week' },
  { value: 'late', label: 'Late sessions' },
];

/** Search by name (or email), words in any order, and one filter. */
export function filterRows(rows: readonly ClientRow[], query: string, filter: RowFilter): ClientRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    const hay = `${r.name} ${r.email}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
    if (filter === 'no-session-this-week') return !r.sessionThisWeek;
    if (filter === 'late') return r.late > 0;
    return true;
  });
}
