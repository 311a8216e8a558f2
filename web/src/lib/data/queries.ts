import type { Assignment, Exercise, Message, Note, Person, Plan, Recommendation, Reminder, SessionLog, TrainingSession } from '@spotter/shared';
import { map, of, type Observable } from 'rxjs';
import { dashboardInput, type DashboardInput, type FirstSync } from './dashboard-queries.ts';
import type { RefusedChange, SpotterDatabase } from './database.ts';

/** A live list: answers at once with what the device holds, then after every change. */
export type Live<T> = Observable<T[]>;

type RxQuery = { $: Observable<{ toMutableJSON(): unknown }[]> };
/** Plain JSON copies: a page can never mutate a database document by accident. */
const live = <T>(query: RxQuery): Live<T> => query.$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as T)));

/**
 * What the pages read, by name, live from the local database (offline: whatever this device
 * last synced). The server sends each device only what its user may see (shared access.ts),
 * so "every person" is the people this user may see. Each query is read against the database
 * open at the moment it is called.
 */
export function createQueries(db: () => SpotterDatabase) {
  return {
    /** Everyone this user may see. */
    people: (): Live<Person> => live(db().people.find()),
    /** One person's document (the signed-in user's own: their preferences), empty until synced. */
    person: (id: string): Live<Person> => live(db().people.find({ selector: { id } })),
    /** Every assignment this user may see (an admin: all of them). */
    assignments: (): Live<Assignment> => live(db().assignments.find()),
    assignmentsOfCoach: (coachId: string): Live<Assignment> => live(db().assignments.find({ selector: { coachId } })),
    assignmentsOfClient: (clientId: string): Live<Assignment> => live(db().assignments.find({ selector: { clientId } })),
    /** The exercise library, by name. */
    exercises: (): Live<Exercise> => live(db().exercises.find({ sort: [{ name: 'asc' }] })),

    /** A client's sessions as their viewer sees them (a coach: drafts and submitted ones included). */
    sessionsOfClient: (clientId: string): Live<TrainingSession> => live(db().sessions.find({ selector: { clientId } })),
    /** What a client trains: their published sessions. */
    publishedSessionsOfClient: (clientId: string): Live<TrainingSession> => live(db().sessions.find({ selector: { clientId, status: 'published' } })),
    /** Sessions a plan scheduled (planId set), of a coach or of a client. */
    planSessions: (owner: { coachId: string } | { clientId: string }): Live<TrainingSession> =>
      live(db().sessions.find({ selector: { ...owner, planId: { $ne: null } } })),

    /** Every log this user may see (a coach: their clients'). */
    logs: (): Live<SessionLog> => live(db().logs.find()),
    logsOfClient: (clientId: string): Live<SessionLog> => live(db().logs.find({ selector: { clientId } })),
    /**
     * A coach's inbox (docs/DESIGN.md "The coach's inbox"): every message and comment of their
     * conversations written since `since` (an instant), bounded so the count stays cheap.
     */
    inboxMessages: (coachId: string, since: string): Live<Message> => live(db().messages.find({ selector: { coachId, createdAt: { $gte: since } } })),
    /** A client's messages, comments, ratings and resource views. */
    messagesOfClient: (clientId: string): Live<Message> => live(db().messages.find({ selector: { clientId } })),
    notesOfClient: (clientId: string): Live<Note> => live(db().notes.find({ selector: { clientId } })),
    recommendationsOfClient: (clientId: string): Live<Recommendation> => live(db().recommendations.find({ selector: { clientId } })),
    plansOfClient: (clientId: string): Live<Plan> => live(db().plans.find({ selector: { clientId } })),
    plansOfCoach: (coachId: string): Live<Plan> => live(db().plans.find({ selector: { coachId } })),

    /** The reminders this user set (a device holds only its own person's). */
    reminders: (): Live<Reminder> => live(db().reminders.find()),

    /**
     * The coach dashboard's input, from bounded queries (dashboard-queries.ts): a cold start
     * reads about a thousand documents, not a large account's whole history.
     */
    dashboard: (coachId: string, today: string, sync$: Observable<FirstSync> = of({ syncing: false, recentIn: true })): Observable<DashboardInput> =>
      dashboardInput(db(), coachId, today, sync$),

    /** The writes the server refused, newest first (restore or dismiss them with the commands). */
    refusedChanges: (): Live<RefusedChange> => live(db().refused.find({ sort: [{ at: 'desc' }] })),
  };
}

export type Queries = ReturnType<typeof createQueries>;
