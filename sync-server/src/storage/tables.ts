import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
// The enumerations are the shared zod schemas' (written once there); imported module by module
// so drizzle-kit loads only the document schemas.
import { assignmentStatus } from '@spotter/shared/docs/assignments.ts';
import { role, weightUnit } from '@spotter/shared/docs/common.ts';
import { exerciseType, movementPattern } from '@spotter/shared/docs/exercises.ts';
import { mediaType, type MediaRef } from '@spotter/shared/docs/media.ts';
import { messageKind, messageTarget } from '@spotter/shared/docs/messages.ts';
import { noteKind } from '@spotter/shared/docs/notes.ts';
import { planStatus } from '@spotter/shared/docs/plans.ts';
import { recommendationKind, recommendationStatus } from '@spotter/shared/docs/recommendations.ts';
import { reminderAuthorRole, reminderRepeat } from '@spotter/shared/docs/reminders.ts';
import { sessionStatus } from '@spotter/shared/docs/sessions.ts';

/**
 * The relational schema. Column names in TypeScript are the document fields of the shared zod
 * schemas, so a row maps to its document by picking the schema's keys (mappers.ts). Every
 * synced table carries `seq` (server-assigned, strictly increasing across ALL tables: the
 * pull checkpoint) and `deleted` (soft delete: rows are never removed, so devices learn of
 * deletions). Nested parts of a document that always travel together (a session's
 * prescriptions, a log's entries) are JSON text: the document is the unit of sync.
 */

// Columns every synced table has. The UNIQUE on seq is also its index (pull pages by seq).
// fieldClocks: when each field was last edited (the shared `fieldClocks`), as the device sent it;
// NULL for documents written before per-field clocks or by the server.
const syncColumns = () => ({
  seq: integer('seq').notNull().unique(),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
  fieldClocks: text('field_clocks', { mode: 'json' }).$type<Record<string, string>>(),
});
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>().notNull();
const bool = (name: string) => integer(name, { mode: 'boolean' }).notNull();
const jsonValid = (name: string, column: string) => check(name, sql`json_valid(${sql.raw(column)})`);
/** A shared enumeration's values, as drizzle's `enum` option wants them (a non-empty tuple). */
const enumValues = <T extends string>(e: { options: readonly T[] }) => e.options as unknown as [T, ...T[]];
/** CHECK (column IN ('a', 'b')): the values of a shared enumeration, as SQL literals. */
const oneOf = (name: string, column: SQLiteColumn, values: readonly string[]) =>
  check(name, sql`${column} IN (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`);

/** One row: the last seq handed out. Incremented inside each write transaction. */
export const seqCounter = sqliteTable('seq_counter', {
  id: integer('id').primaryKey(),
  value: integer('value').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    role: text('role', { enum: enumValues(role) }).notNull(),
    email: text('email').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    units: text('units', { enum: enumValues(weightUnit) }).notNull(),
    isPersonalTrainer: bool('is_personal_trainer'),
    specializations: json<string[]>('specializations'),
    certifications: json<string[]>('certifications'),
    maxClients: integer('max_clients').notNull(),
    hourlyRate: real('hourly_rate'),
    bio: text('bio').notNull(),
    yearsExperience: integer('years_experience'),
    // The shared notificationPrefsSchema; NULL until the person first sets them (defaults apply).
    notifications: text('notifications', { mode: 'json' }).$type<Record<string, unknown>>(),
    // The shared readUpTo: conversations read, by the other person's id; NULL until one is read.
    readUpTo: text('read_up_to', { mode: 'json' }).$type<Record<string, string>>(),
    updatedAt: text('updated_at').notNull(),
    passwordHash: text('password_hash').notNull(),
    ...syncColumns(),
  },
  (t) => [
    oneOf('users_role_check', t.role, role.options),
    oneOf('users_units_check', t.units, weightUnit.options),
    check('users_max_clients_check', sql`${t.maxClients} >= 0`),
    jsonValid('users_specializations_json', 'specializations'),
    jsonValid('users_certifications_json', 'certifications'),
  ],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => users.id),
    coachId: text('coach_id').notNull().references(() => users.id),
    status: text('status', { enum: enumValues(assignmentStatus) }).notNull(),
    assignedBy: text('assigned_by').references(() => users.id),
    startDate: text('start_date'),
    endDate: text('end_date'),
    notes: text('notes').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('assignments_coach_idx').on(t.coachId),
    // One active assignment per client: the last line of defence behind assignmentRefusal.
    uniqueIndex('assignments_one_active_per_client').on(t.clientId).where(sql`status = 'active' AND deleted = 0`),
    oneOf('assignments_status_check', t.status, assignmentStatus.options),
  ],
);

export const exercises = sqliteTable(
  'exercises',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').references(() => users.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    videoUrl: text('video_url').notNull(),
    type: text('type', { enum: enumValues(exerciseType) }).notNull(),
    pattern: text('pattern').notNull(),
    muscleGroups: json<string[]>('muscle_groups'),
    catalogueId: text('catalogue_id'),
    media: text('media', { mode: 'json' }).$type<MediaRef>(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('exercises_owner_idx').on(t.ownerId),
    oneOf('exercises_type_check', t.type, exerciseType.options),
    oneOf('exercises_pattern_check', t.pattern, movementPattern.options),
    jsonValid('exercises_muscle_groups_json', 'muscle_groups'),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    coachId: text('coach_id').notNull().references(() => users.id),
    clientId: text('client_id').notNull().references(() => users.id),
    dueDate: text('due_date').notNull(),
    title: text('title').notNull(),
    notes: text('notes').notNull(),
    exercises: json<unknown[]>('exercises'),
    status: text('status', { enum: enumValues(sessionStatus) }).notNull(),
    submittedAt: text('submitted_at'),
    rejection: text('rejection'),
    planId: text('plan_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('sessions_client_due_idx').on(t.clientId, t.dueDate),
    // The server never stores 'submitted': it answers a submit with published or draft.
    oneOf('sessions_status_check', t.status, sessionStatus.exclude(['submitted']).options),
    jsonValid('sessions_exercises_json', 'exercises'),
  ],
);

export const logs = sqliteTable(
  'logs',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().unique().references(() => sessions.id),
    clientId: text('client_id').notNull().references(() => users.id),
    coachId: text('coach_id').notNull().references(() => users.id),
    entries: json<Record<string, unknown>>('entries'),
    completedAt: text('completed_at'),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
);

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: enumValues(messageKind) }).notNull(),
    authorId: text('author_id').notNull().references(() => users.id),
    authorRole: text('author_role', { enum: enumValues(role) }).notNull(),
    coachId: text('coach_id').notNull().references(() => users.id),
    clientId: text('client_id').notNull().references(() => users.id),
    targetType: text('target_type', { enum: enumValues(messageTarget) }),
    targetId: text('target_id'),
    targetEntryId: text('target_entry_id'),
    rating: integer('rating'),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('messages_client_idx').on(t.clientId, t.createdAt),
    oneOf('messages_kind_check', t.kind, messageKind.options),
    check('messages_target_check', sql`(${t.targetType} IS NULL) = (${t.targetId} IS NULL)`),
    check('messages_rating_check', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
  ],
);

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: enumValues(noteKind) }).notNull(),
    coachId: text('coach_id').notNull().references(() => users.id),
    clientId: text('client_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    url: text('url').notNull(),
    resourceType: text('resource_type').notNull(),
    isPrivate: bool('is_private'),
    weekOf: text('week_of'),
    media: text('media', { mode: 'json' }).$type<MediaRef>(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('notes_client_idx').on(t.clientId),
    oneOf('notes_kind_check', t.kind, noteKind.options),
  ],
);

export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    coachId: text('coach_id').notNull().references(() => users.id),
    clientId: text('client_id').notNull().references(() => users.id),
    assignmentId: text('assignment_id').references(() => assignments.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    goals: text('goals').notNull(),
    durationWeeks: integer('duration_weeks').notNull(),
    startDate: text('start_date'),
    status: text('status', { enum: enumValues(planStatus) }).notNull(),
    days: json<unknown[]>('days'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('plans_client_idx').on(t.clientId),
    // One active plan per assignment (docs/DESIGN.md "Plan activation").
    uniqueIndex('plans_one_active_per_assignment').on(t.assignmentId).where(sql`status = 'active' AND deleted = 0`),
    oneOf('plans_status_check', t.status, planStatus.options),
    check('plans_duration_check', sql`${t.durationWeeks} BETWEEN 1 AND 52`),
    jsonValid('plans_days_json', 'days'),
  ],
);

export const recommendations = sqliteTable(
  'recommendations',
  {
    id: text('id').primaryKey(),
    coachId: text('coach_id').notNull().references(() => users.id),
    clientId: text('client_id').notNull().references(() => users.id),
    kind: text('kind', { enum: enumValues(recommendationKind) }).notNull(),
    priority: integer('priority').notNull(),
    pattern: text('pattern'),
    exerciseId: text('exercise_id'),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: enumValues(recommendationStatus) }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('recommendations_client_idx').on(t.clientId),
    check('recommendations_priority_check', sql`${t.priority} BETWEEN 1 AND 3`),
    oneOf('recommendations_status_check', t.status, recommendationStatus.options),
  ],
);

/**
 * Reminders a coach schedules for a client (or all their clients: client_id NULL), or a client
 * for themselves (docs/DESIGN.md "Reminders"). The scheduler's jobs (scheduled_jobs) follow them.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id').notNull().references(() => users.id),
    authorRole: text('author_role', { enum: enumValues(reminderAuthorRole) }).notNull(),
    clientId: text('client_id').references(() => users.id),
    message: text('message').notNull(),
    repeat: text('repeat', { enum: enumValues(reminderRepeat) }).notNull(),
    date: text('date'),
    weekdays: json<number[]>('weekdays'),
    time: text('time').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...syncColumns(),
  },
  (t) => [
    index('reminders_author_idx').on(t.authorId),
    oneOf('reminders_author_role_check', t.authorRole, reminderAuthorRole.options),
    oneOf('reminders_repeat_check', t.repeat, reminderRepeat.options),
    jsonValid('reminders_weekdays_json', 'weekdays'),
  ],
);

/**
 * One signed-in device: a sign-in starts a family, every refresh adds a token to it. Access
 * tokens carry the family id (`sid`), so ending the family (sign-out, a refresh token reused
 * after its successor) refuses its access tokens at once, not when they expire (SECURITY.md).
 */
export const tokenFamilies = sqliteTable(
  'token_families',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    // The hash of the newest refresh token issued in the family: the only one its device can
    // hold, unless that token's answer was lost (then the device holds the one before).
    currentHash: text('current_hash').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
    // What the person sees in their list of signed-in devices ("Chrome on Android"), from the
    // sign-in's User-Agent; and when the device last refreshed its tokens. NULL before both existed.
    deviceLabel: text('device_label'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('token_families_user_idx').on(t.userId)],
);

/** Refresh tokens, stored as sha256 hashes; rotated on every refresh, revoked on logout. */
export const refreshTokens = sqliteTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    // Set when the token was spent by a refresh (not by sign-out). A token spent this way
    // still works for a short grace window, so two tabs refreshing at once, or a refresh
    // whose answer was lost to a dropped connection, do not sign the user out.
    rotatedAt: text('rotated_at'),
    // The hash of the token the last refresh issued for this one. A refresh whose answer was
    // lost and whose device then stayed offline past the grace window still works while that
    // successor has never been used: the device cannot have it (found by the sync simulation).
    replacedBy: text('replaced_by'),
    createdAt: text('created_at').notNull(),
    // Null only for tokens issued before families existed: those are refused.
    familyId: text('family_id').references(() => tokenFamilies.id),
  },
  (t) => [index('refresh_tokens_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters (failed sign-ins per account and per IP). In the database rather than
 * in one process's memory, so several server instances share them
 * (docs/DESIGN.md "Growing past one machine").
 */
export const rateCounters = sqliteTable('rate_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartMs: integer('window_start_ms').notNull(),
});

/**
 * Server-wide settings that must survive restarts and be the same on every instance: the VAPID
 * key pair push services know this server by (docs/DESIGN.md "Notifications").
 */
export const serverSettings = sqliteTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Where each signed-in device of a person is reached by Web Push. The endpoint is the push
 * service's URL for one browser; `familyId` is the device's sign-in (token family): once it
 * ends (sign-out), the subscription is dropped instead of notifying a signed-out device.
 */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    endpoint: text('endpoint').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    familyId: text('family_id').references(() => tokenFamilies.id),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('push_subscriptions_user_idx').on(t.userId)],
);

/**
 * Invitations by email (docs/DESIGN.md "Invitations and passwords"): a coach's to a client, an
 * admin's to a trainer (`profile`: the trainer profile the admin filled in). The link's secret
 * is stored only as a sha256 hash; a resend replaces it (the old link stops working). Open
 * while neither accepted nor cancelled; its link works until `expiresAt`.
 */
export const invites = sqliteTable(
  'invites',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    role: text('role', { enum: enumValues(role) }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    invitedBy: text('invited_by').notNull().references(() => users.id),
    profile: text('profile', { mode: 'json' }).$type<Record<string, unknown>>(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    acceptedAt: text('accepted_at'),
    cancelledAt: text('cancelled_at'),
    // The account the invitation created.
    userId: text('user_id').references(() => users.id),
  },
  (t) => [
    index('invites_invited_by_idx').on(t.invitedBy),
    index('invites_email_idx').on(t.email),
    oneOf('invites_role_check', t.role, ['client', 'coach']),
  ],
);

/**
 * Single-use links of an existing account: a password reset, or confirming a new email
 * (`newEmail`). Stored as a sha256 hash of the secret; `usedAt` is set by the one request that
 * claims it (a conditional update), so a link works once even when opened twice at once.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: ['reset', 'email'] }).notNull(),
    userId: text('user_id').notNull().references(() => users.id),
    newEmail: text('new_email'),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId), oneOf('account_tokens_purpose_check', t.purpose, ['reset', 'email'])],
);

/** What a scheduled job does (scheduler/jobs.ts; an account deletion: accounts/deletion.service.ts). */
export const jobKinds = ['reminder', 'missedSession', 'complianceDrop', 'accountDeletion'] as const;

/**
 * The scheduler's jobs (docs/DESIGN.md "The scheduler"): one row per thing that is due at a
 * time — a reminder for one client, the check whether a session was missed, a client's daily
 * compliance check. In the database, so a restart forgets nothing and every instance sees the
 * same jobs. An instance takes a due job by moving `claimed_until` (a lease) from the past into
 * the future in one UPDATE: on both stores only one UPDATE can see it in the past.
 */
export const scheduledJobs = sqliteTable(
  'scheduled_jobs',
  {
    // kind:ref[:person], so planning the same job twice meets one row.
    id: text('id').primaryKey(),
    kind: text('kind', { enum: jobKinds }).notNull(),
    // The reminder, session or client the job is about.
    refId: text('ref_id').notNull(),
    // Whose clock plans it (the client).
    personId: text('person_id').notNull(),
    // What its due time was computed from (reminders.ts planKeyOf): planned again when it changes.
    planKey: text('plan_key').notNull(),
    // Milliseconds since the epoch, UTC.
    dueAt: integer('due_at').notNull(),
    claimedUntil: integer('claimed_until').notNull().default(0),
    claimToken: text('claim_token'),
    // What the job remembers between runs (a client already flagged for a compliance drop).
    state: text('state', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('scheduled_jobs_due_idx').on(t.dueAt), index('scheduled_jobs_ref_idx').on(t.refId), oneOf('scheduled_jobs_kind_check', t.kind, jobKinds)],
);

/**
 * Who uploaded which file (docs/DESIGN.md "Media storage"). The bytes are stored once by their
 * SHA-256 (media/storage.ts); a row per uploader, because a file is served through a document
 * only when that document's author uploaded it: a coach who learns another coach's hash and
 * puts it on their own exercise gets nothing. `key` is `ownerId:id` (one row per pair, so two
 * uploads of the same file at once leave one).
 */
export const media = sqliteTable(
  'media',
  {
    key: text('key').primaryKey(),
    id: text('id').notNull(),
    ownerId: text('owner_id').notNull().references(() => users.id),
    type: text('type', { enum: enumValues(mediaType) }).notNull(),
    size: integer('size').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('media_id_idx').on(t.id), oneOf('media_type_check', t.type, mediaType.options)],
);

/** Synced tables by collection name (people are the users table). */
export const syncedTables = { people: users, assignments, exercises, sessions, logs, messages, notes, plans, recommendations, reminders } as const;
