import { collectionNames, collections, rxSchemaFor, withSetSummaries, type CollectionName, type DocOf, type SessionUser } from '@spotter/shared';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { conflictHandler } from './conflicts.ts';
import type { Echoes } from './echoes.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * How a document stored under an older SCHEMA_VERSION becomes a current one, per version
 * reached. A device that held data (and unsynced changes) under the old schema keeps it: RxDB
 * migrates the documents and its replication bookkeeping when the collection opens.
 * 1: messages gained the kind 'view' and the target 'resource' (resource views); the
 *    enums only widened, so every stored document is already valid.
 */
const migrationStrategies: Record<number, (doc: any) => any> = {
  1: (doc) => doc,
  // 2: every document gained the optional fieldClocks
  //    (docs/DESIGN.md "The last edit of each field wins"). A stored document has none and stays valid: its fields merge by updatedAt until
  //    they are next edited.
  2: (doc) => doc,
  // 3: a log entry holds its sets (docs/DESIGN.md "Sets"). A stored entry gets an empty
  //    record, as the server's migration gives it (drizzle/0008_log_sets.sql), so the
  //    device's copy and the server's stay equal; its summary numbers still stand for it.
  3: (doc) => (doc && typeof doc.entries === 'object' && doc.entries !== null ? { ...doc, entries: withEmptySets(doc.entries) } : doc),
  // 4: an exercise's optional catalogueId (docs/DESIGN.md "Exercise catalogue") and a
  //    prescription's optional group (docs/DESIGN.md "Supersets and circuits"). Both are
  //    optional, so every stored document is already valid.
  4: (doc) => doc,
  // 5: a person gained the optional `notifications` and `readUpTo` (docs/DESIGN.md "Notifications",
  //    "The coach's inbox"). A stored person has neither and stays valid: the defaults apply.
  5: (doc) => doc,
  // 6: a new collection (reminders), a person's optional `reminders` and `clientAlerts` switches,
  //    and the messages' coachId + createdAt index (the coach's inbox). Nothing stored changes
  //    shape; RxDB rebuilds the messages' indexes as it migrates them.
  6: (doc) => doc,
  // 7: an exercise's, a prescription's and a resource's optional `media`
  //    (docs/DESIGN.md "Media storage"). Optional: every stored document is already valid.
  7: (doc) => doc,
};

function withEmptySets(entries: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, e && typeof e === 'object' && !('sets' in e) ? { ...e, sets: {} } : e]));
}

/**
 * A write the server refused, kept on this device with the reason so the UI can list it and
 * restore it (docs/DESIGN.md "Refused writes").
 * Device-local: never replicated.
 */
export interface RefusedChange {
  id: string;
  /** Not `collection`: that name is taken by RxDocument's own getter (RxDB cannot build the document). */
  collectionName: CollectionName;
  docId: string;
  reason: string;
  attempted: Record<string, unknown>;
  at: string;
}

const refusedSchema = {
  title: 'refused',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    collectionName: { type: 'string', maxLength: 40 },
    docId: { type: 'string', maxLength: 64 },
    reason: { type: 'string' },
    attempted: { type: 'object' },
    at: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'collectionName', 'docId', 'reason', 'attempted', 'at'],
  additionalProperties: false,
  indexes: ['at'],
} as const;

/**
 * May this role write the collection (shared `collections[name].writers`)? No role (not signed
 * in yet): every collection replicates both ways, as before roles existed.
 */
export const canWrite = (name: CollectionName, role: SessionUser['role'] | undefined): boolean =>
  !role || (collections[name].writers as readonly string[]).includes(role);

export type SyncedCollections = { [C in CollectionName]: RxCollection<DocOf<C>> };
export type SpotterCollections = SyncedCollections & { refused: RxCollection<RefusedChange> };
export type SpotterDatabase = RxDatabase<SpotterCollections>;

/**
 * Opens (or creates) the device database: the nine synced collections derived from the shared
 * zod schemas (ten with `refused`, under RxDB's 13-per-realm limit: one device per realm).
 */
export async function openDatabase(opts: {
  name: string;
  storage: RxStorage<any, any>;
  multiInstance: boolean;
  serverWins: Record<CollectionName, Echoes>;
}): Promise<SpotterDatabase> {
  const db = await createRxDatabase<SpotterCollections>({
    name: opts.name,
    storage: opts.storage,
    multiInstance: opts.multiInstance,
    localDocuments: true,
    // Do not let a second open tab of the same realm fail; RxDB shares the instance.
    closeDuplicates: true,
  });
  const specs: Record<string, { schema: any; conflictHandler?: any; migrationStrategies?: any }> = { refused: { schema: refusedSchema } };
  for (const name of collectionNames) {
    // A merged log's summary numbers are derived again from its merged sets (docs/DESIGN.md "Sets").
    const afterMerge = name === 'logs' ? (doc: any) => withSetSummaries(doc) : undefined;
    specs[name] = { schema: rxSchemaFor(name), conflictHandler: conflictHandler(opts.serverWins[name], afterMerge), migrationStrategies };
  }
  await db.addCollections(specs);
  return db;
}
