import { refusal as refusalOf, writeRefusal, type Assignment, type CollectionName, type Message, type Plan, type SessionLog, type TrainingSession, type Viewer } from '@spotter/shared';
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

/** The collections whose rules need other documents (access-io/facts.ts), deleted or not. */
export const needsFacts = (collection: CollectionName): collection is keyof FactsOf => collection in factsCollections;
const factsCollections: Record<keyof FactsOf, true> = { sessions: true, logs: true, messages: true, assignments: true, plans: true };

function need<T>(facts: T | undefined, collection: string): T {
  if (!facts) throw new Error(`the facts of a ${collection} write were not loaded`);
  return facts;
}

/**
 * The write rules, in order: who may write this kind of document and which fields (shared
 * writeRefusal, no other document needed), then the collection's rules over the documents it
 * refers to. A delete goes through the same rules as a live write: a deleted log under the id
 * of someone else's session would otherwise take that id for good. Pure: everything it looks
 * at is in the request and the facts.
 */
export function decideWrite(req: WriteRequest, facts: Facts): Decision {
  const { viewer, rel, collection, current, next, deleted } = req;
  const refusal = writeRefusal(viewer, collection, current?.doc ?? null, next, rel);
  if (refusal) return refuse(refusal);
  // Deleting an account locks its owner out while their assignments live on: that is a
  // deliberate flow of its own, never a sync write.
  if (deleted && collection === 'people') return refuse(refusalOf('account_not_deletable'));
  switch (collection) {
    case 'sessions':
      return decideSession(need(facts.sessions, collection), next as TrainingSession, deleted);
    case 'logs':
      return decideLog(viewer, need(facts.logs, collection).session, next as SessionLog);
    case 'messages':
      return decideMessage(need(facts.messages, collection), next as Message);
    case 'assignments':
      return decideAssignment(need(facts.assignments, collection), next as Assignment, deleted);
    case 'plans':
      return decidePlan(need(facts.plans, collection), next as Plan, deleted);
    default:
      return write(next);
  }
}
