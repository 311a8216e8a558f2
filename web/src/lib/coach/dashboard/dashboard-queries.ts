import {
  addDaysTo,
  COMPLIANCE_DROP_DAYS,
  COMPLIANCE_WINDOW_DAYS,
  ENGAGEMENT_WINDOW_DAYS,
  LATE_WINDOW_DAYS,
  lastWorkout,
  sessionLogId,
  type Assignment,
  type Message,
  type Person,
  type SessionLog,
  type TrainingSession,
} from '@spotter/shared';
import { combineLatest, distinctUntilChanged, map, Observable, of, shareReplay, startWith, switchMap, take, type OperatorFunction } from 'rxjs';
import type { SpotterDatabase } from '../../data/database.ts';

/**
 * How far back the dashboard reads: the longest window any of its numbers looks at —
 * compliance 14 days ago looks back 30 more days; engagement 28; late 30.
 */
export const HISTORY_DAYS = Math.max(COMPLIANCE_WINDOW_DAYS + COMPLIANCE_DROP_DAYS, ENGAGEMENT_WINDOW_DAYS, LATE_WINDOW_DAYS);

export interface DashboardInput {
  people: Person[];
  assignments: Assignment[];
  /** Published sessions due in the window or later, plus every draft and submitted session. */
  sessions: TrainingSession[];
  /** The logs of those sessions, plus every log of a client with no activity on them (for "last workout"). */
  logs: SessionLog[];
  /** Messages and comments of the engagement window. */
  messages: Message[];
}

type Docs = { toMutableJSON(): unknown }[];
const json = <T>(docs: Iterable<{ toMutableJSON(): unknown }>): T[] => [...docs].map((d) => d.toMutableJSON() as T);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
// Several pipelines below read the same answer: compute it once.
const shared = <T>() => shareReplay<T>({ bufferSize: 1, refCount: true });
const live = <T>(query: { $: Observable<Docs> }): Observable<T[]> => query.$.pipe(map((docs) => json<T>(docs)));

/**
 * The dashboard's numbers from bounded, indexed queries (issue 7: a cold start read all ~12,000
 * sessions and logs of a large account). Every query below was checked with RxDB's query plan
 * (`selectorSatisfiedByIndex`, `sortSatisfiedByIndex`; dashboard-queries.test.ts asserts it):
 *  - published sessions due since `today - HISTORY_DAYS`: a range of the [status, dueDate]
 *    index, in index order. Future sessions are all read: they are what the coach scheduled
 *    ahead (weeks, not years), and "next session" must be the real next one.
 *  - drafts and submitted sessions: two equality ranges of the same index (one `$in` over
 *    both would scan every published session in between: 'draft' < 'published' < 'submitted').
 *  - the logs of those sessions by primary key (a log's id derives from its session's).
 *  - "last workout" of a client with no activity on those logs (never trained, or not for
 *    weeks): all that client's logs through the [clientId] index — few by definition.
 *    An active client's last workout is the latest activity on a session due in the window
 *    or later: logging a session due months ago today would not show (an edge we accept).
 *  - messages: one [clientId, createdAt] range per client (a selector on createdAt alone
 *    cannot use that index and reads every message).
 * Exported so the test checks each one's query plan.
 */
export function dashboardQueries(coachId: string, today: string) {
  const since = addDaysTo(today, -HISTORY_DAYS);
  // A message's day is its author's calendar day; one more day covers any time zone.
  const messagesSince = `${addDaysTo(today, -(ENGAGEMENT_WINDOW_DAYS + 1))}T00:00:00.000Z`;
  return {
    assignments: { selector: { coachId } },
    published: { selector: { status: 'published', dueDate: { $gte: since } }, sort: [{ status: 'asc' }, { dueDate: 'asc' }] },
    drafts: { selector: { status: 'draft' } },
    submitted: { selector: { status: 'submitted' } },
    clientLogs: (clientId: string) => ({ selector: { clientId } }),
    messages: (clientId: string) => ({ selector: { clientId, createdAt: { $gte: messagesSince } } }),
  } as const;
}

/**
 * `syncing$`: the device's first sync is running. Then the rows do not wait for the history
 * queries: every query waits its turn behind the sync's large IndexedDB writes, and a coach
 * should see their clients (names, the progress bar) within a second or two, with numbers
 * filling in as history arrives (the page says so). And the idle-client fallback waits for
 * the end of the sync: during it every client looks idle, and reading each one's whole log
 * history again on every pulled page is the work the window exists to avoid.
 */
export function dashboardInput(db: SpotterDatabase, coachId: string, today: string, syncing$: Observable<boolean> = of(false)): Observable<DashboardInput> {
  const q = dashboardQueries(coachId, today);
  const syncing = syncing$.pipe(distinctUntilChanged(), shared());
  // While syncing, a list starts empty instead of holding back the whole table.
  const early = <T>(list$: Observable<T[]>): Observable<T[]> =>
    syncing.pipe(
      take(1),
      switchMap((now) => (now ? list$.pipe(startWith([] as T[])) : list$)),
    );
  const people$ = live<Person>(db.people.find());
  const assignments$ = live<Assignment>(db.assignments.find(q.assignments));
  const clientIds$ = assignments$.pipe(
    map((list) => [...new Set(list.filter((a) => a.status !== 'completed').map((a) => a.clientId))].sort()),
    distinctUntilChanged(sameList),
    shared(),
  );
  const published$ = live<TrainingSession>(db.sessions.find(q.published as any)).pipe(shared());
  const unsent$ = combineLatest([
    live<TrainingSession>(db.sessions.find(q.drafts)),
    live<TrainingSession>(db.sessions.find(q.submitted)),
  ]).pipe(map(([a, b]) => [...a, ...b]));
  const windowLogs$ = published$.pipe(
    map((list) => list.map((s) => sessionLogId(s.id))),
    distinctUntilChanged(sameList),
    switchMap((ids) => db.logs.findByIds([...ids]).$),
    map((found) => json<SessionLog>(found.values())),
    shared(),
  );
  const idleLogs$ = combineLatest([clientIds$, windowLogs$, syncing]).pipe(
    map(([ids, logs, busy]) => (busy ? [] : ids.filter((id) => lastWorkout(logs.filter((l) => l.clientId === id)) === null))),
    distinctUntilChanged(sameList),
    switchMap((idle) => (idle.length ? combineLatest(idle.map((clientId) => live<SessionLog>(db.logs.find(q.clientLogs(clientId))))) : of([]))),
    map((lists) => lists.flat()),
  );
  const logs$ = combineLatest([windowLogs$, idleLogs$]).pipe(map(([recent, idle]) => [...new Map([...recent, ...idle].map((l) => [l.id, l])).values()]));
  const messages$ = clientIds$.pipe(
    switchMap((ids) => (ids.length ? combineLatest(ids.map((clientId) => live<Message>(db.messages.find(q.messages(clientId))))) : of([]))),
    map((lists) => lists.flat()),
  );
  return combineLatest({
    people: people$,
    assignments: assignments$,
    sessions: early(combineLatest([published$, unsent$]).pipe(map(([a, b]) => [...a, ...b]))),
    logs: early(logs$),
    messages: early(messages$),
  });
}

/**
 * While `busy()` (a first sync landing thousands of documents a second), lets through at most
 * one value per `ms` — always the latest, so nothing is lost, only intermediate states are
 * skipped. Otherwise every value passes at once.
 */
export function coalesceWhile<T>(busy: () => boolean, ms: number): OperatorFunction<T, T> {
  return (source) =>
    new Observable<T>((out) => {
      let last = -Infinity;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let latest: { value: T } | null = null;
      const emit = (value: T) => {
        last = Date.now();
        latest = null;
        out.next(value);
      };
      const sub = source.subscribe({
        next(value) {
          if (!busy() || Date.now() - last >= ms) {
            if (timer) clearTimeout(timer);
            timer = null;
            return emit(value);
          }
          latest = { value };
          timer ??= setTimeout(() => {
            timer = null;
            if (latest) emit(latest.value);
          }, ms - (Date.now() - last));
        },
        error: (e) => out.error(e),
        complete: () => out.complete(),
      });
      return () => {
        sub.unsubscribe();
        if (timer) clearTimeout(timer);
      };
    });
}
