import { writeRefusal, type Assignment, type CollectionName, type Message, type Plan, type SessionLog, type TrainingSession, type Viewer } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import type { Stored } from '../storage/repository.ts';
import type { AssignmentFacts } from './assignments.ts';
import { decideAssignment } from './assignments.ts';
import { refuse, write, type Decision } from './decision.ts';
import { decideLog } from './logs.ts';
import { decideMessage, type MessageFacts } from './messages.ts';
import { decidePlan, type PlanFacts } from './plans.ts';
import type { ViewerRelations } from './relations.ts';
import { decideSession, type SessionFacts } from './sessions.ts';

/** One pushed (or REST-created) document: who writes what over what. */
export interface WriteRequest {
  viewer: Viewer;
  rel: ViewerRelations;
  collection: CollectionName;
  /** The stored state (null: new). */
  current: Stored | null;
  next: Doc;
  deleted: boolean;
}

/** What each collection's rules look at besides the request (access-io/facts.ts loads them). */
export interface FactsOf {
  sessions: SessionFacts;
  logs: { session: Stored | null };
  messages: MessageFacts;
  assignments: AssignmentFacts;
  plans: PlanFacts;
}
export type Facts = { [C in keyof FactsOf]?: FactsOf[C] };

/** The collections whose rules need other documents (access-io/facts.ts). */
export const needsFacts = (collection: CollectionName, deleted: boolean): collection is keyof FactsOf =>
  deleted ? collection === 'plans' : collection in factsCollections;
const factsCollections: Record<keyof FactsOf, true> = { sessions: true, logs: true, messages: true, assignments: true, plans: true };

function need<T>(facts: T | undefined, collection: string): T {
  if (!facts) throw new Error(`the facts of a ${collection} write were not loaded`);
  return facts;
}

/**
 * The write rules, in order: who may write this kind of document and which fields (shared
 * writeRefusal, no other document needed), then the collection's rules over the documents it
 * refers to. Pure: everything it looks at is in the request and the facts.
 */
export function decideWrite(req: WriteRequest, facts: Facts): Decision {
  const { viewer, rel, collection, current, next, deleted } = req;
  const refusal = writeRefusal(viewer, collection, current?.doc ?? null, next, rel);
  if (refusal) return refuse(refusal);
  if (deleted) {
    if (collection === 'plans') return decidePlan(need(facts.plans, collection), next as Plan, true);
    if (collection === 'assignments') return { kind: 'write', doc: next, after: [{ kind: 'bump-client', clientId: String(next.clientId), coachIds: [String(next.coachId)] }] };
    return write(next);
  }
  switch (collection) {
    case 'sessions':
      return decideSession(need(facts.sessions, collection), next as TrainingSession, false);
    case 'logs':
      return decideLog(viewer, need(facts.logs, collection).session, next as SessionLog);
    case 'messages':
      return decideMessage(need(facts.messages, collection), next as Message);
    case 'assignments':
      return decideAssignment(need(facts.assignments, collection), next as Assignment);
    case 'plans':
      return decidePlan(need(facts.plans, collection), next as Plan, false);
    default:
      return write(next);
  }
}
