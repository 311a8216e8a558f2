import {
  addDaysTo,
  DASHBOARD_HISTORY_DAYS,
  ENGAGEMENT_WINDOW_DAYS,
  lastWorkout,
  sessionLogId,
  type Assignment,
  type Message,
  type Person,
  type SessionLog,
  type TrainingSession,
} from '@spotter/shared';
import { combineLatest, defer, distinctUntilChanged, exhaustMap, map, Observable, of, shareReplay, startWith, switchMap, take, timer, type OperatorFunction } from 'rxjs';

/** Where the device's first sync is: running or not, and whether the recent weeks are in yet. */
export interface FirstSync {
  syncing: boolean;
  recentIn: boolean;
}
import type { SpotterDatabase } from './database.ts';

/**
 * How far back the dashboard reads (shared, because a device's first sync brings these weeks
 * first: shared `RECENT_FIRST_DAYS`).
 */
export const HISTORY_DAYS = DASHBOARD_HISTORY_DAYS;

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
 * The dashboard's numbers from bounded, indexed queries (bench/README.md: a cold start read all ~12,000
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

/** While a first sync runs, the history is re-read this often instead of live (see `dashboardInput`). */
export const SYNC_POLL_MS = 2000;

type Query = { $: Observable<unknown>; exec(): Promise<unknown> };
/** How a query is followed: live (`$`, re-answered on every change) or read once (`exec`). */
type Watch = <T>(query: Query) => Observable<T[]>;
const values = <T>(answer: unknown): T[] =>
  json<T>(answer instanceof Map ? answer.values() : (answer as Iterable<{ toMutableJSON(): unknown }>));
const liveWatch: Watch = <T>(query: Query) => query.$.pipe(map((a) => values<T>(a)));
const onceWatch: Watch = <T>(query: Query) => defer(() => query.exec()).pipe(map((a) => values<T>(a)));

type History = Pick<DashboardInput, 'sessions' | 'logs' | 'messages'>;
const NO_HISTORY: History = { sessions: [], logs: [], messages: [] };

/**
 * `sync$`: the device's first sync. While it runs
 *  - the rows do not wait for the history: they show as soon as people and assignments are in
 *    (a second or two), with the numbers filling in as history arrives (the page says so);
 *  - the history is read once every SYNC_POLL_MS instead of live: a live query is re-answered
 *    after every pulled page of 1000 documents, and those ~35 reads queue in IndexedDB
 *    between the sync's own writes (measured: the first sync took 14–18 s on the exercise
 *    library page and 23 s on the dashboard with live history queries);
 *  - it is read again at once when the recent weeks are in (the sync brings them first): from
 *    then on the numbers are right, while older history still downloads;
 *  - the idle-client fallback waits for the end: during the sync every client looks idle.
 * When the sync ends the history queries go live.
 */
export function dashboardInput(
  db: SpotterDatabase,
  coachId: string,
  today: string,
  sync$: Observable<FirstSync> = of({ syncing: false, recentIn: true }),
  pollMs = SYNC_POLL_MS,
): Observable<DashboardInput> {
  const syncing$ = sync$.pipe(map((s) => s.syncing));
  const q = dashboardQueries(coachId, today);
  const people$ = live<Person>(db.people.find());
  const assignments$ = live<Assignment>(db.assignments.find(q.assignments)).pipe(shared());
  const clientIds$ = assignments$.pipe(
    map((list) => [...new Set(list.filter((a) => a.status !== 'completed').map((a) => a.clientId))].sort()),
    distinctUntilChanged(sameList),
    shared(),
  );
  const history$ = sync$.pipe(
    // 'live', or the polling phase: a new phase restarts the polling, so it reads at once.
    map((s) => (s.syncing ? (s.recentIn ? 'poll, recent in' : 'poll') : 'live')),
    distinctUntilChanged(),
    switchMap((mode) =>
      mode !== 'live'
        ? timer(0, pollMs).pipe(exhaustMap(() => history(db, q, clientIds$.pipe(take(1)), onceWatch, false)))
        : history(db, q, clientIds$, liveWatch, true),
    ),
  );
  // Syncing when the page opens: the rows show without history first.
  const historyOrEmpty$ = syncing$.pipe(
    take(1),
    switchMap((busy) => (busy ? history$.pipe(startWith(NO_HISTORY)) : history$)),
  );
  return combineLatest([people$, assignments$, historyOrEmpty$]).pipe(map(([people, assignments, h]) => ({ people, assignments, ...h })));
}

function history(db: SpotterDatabase, q: ReturnType<typeof dashboardQueries>, clientIds$: Observable<readonly string[]>, watch: Watch, idleFallback: boolean): Observable<History> {
  const published$ = watch<TrainingSession>(db.sessions.find(q.published as any)).pipe(shared());
  const unsent$ = combineLatest([watch<TrainingSession>(db.sessions.find(q.drafts)), watch<TrainingSession>(db.sessions.find(q.submitted))]).pipe(
    map(([a, b]) => [...a, ...b]),
  );
  const windowLogs$ = published$.pipe(
    map((list) => list.map((s) => sessionLogId(s.id))),
    distinctUntilChanged(sameList),
    switchMap((ids) => watch<SessionLog>(db.logs.findByIds([...ids]) as Query)),
    shared(),
  );
  const idleLogs$ = !idleFallback
    ? of([])
    : combineLatest([clientIds$, windowLogs$]).pipe(
        map(([ids, logs]) => ids.filter((id) => lastWorkout(logs.filter((l) => l.clientId === id)) === null)),
        distinctUntilChanged(sameList),
        switchMap((idle) => (idle.length ? combineLatest(idle.map((clientId) => watch<SessionLog>(db.logs.find(q.clientLogs(clientId))))) : of([]))),
        map((lists) => lists.flat()),
      );
  const logs$ = combineLatest([windowLogs$, idleLogs$]).pipe(map(([recent, idle]) => [...new Map([...recent, ...idle].map((l) => [l.id, l])).values()]));
  const messages$ = clientIds$.pipe(
    switchMap((ids) => (ids.length ? combineLatest(ids.map((clientId) => watch<Message>(db.messages.find(q.messages(clientId))))) : of([]))),
    map((lists) => lists.flat()),
  );
  return combineLatest({ sessions: combineLatest([published$, unsent$]).pipe(map(([a, b]) => [...a, ...b])), logs: logs$, messages: messages$ });
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
