import { z } from 'zod';

/**
 * Every reason the server (or a device's own check before sending) refuses a write: a stable
 * code, and the sentence a person is shown. Both sides build refusals here and nowhere else:
 * the server answers with the code and its sentence (a push answer's `_refusalCode` and
 * `_refusal`, a REST error's `code` and `message`), and the web app shows the sentence.
 * Sentences are whole sentences, addressed to the person, ending with a full stop.
 */
const sentences = {
  // Who may write what (access.ts writeRefusal).
  role_cannot_write: (p: { role: string; collection: string }) => `A ${p.role} cannot change ${p.collection}.`,
  field_fixed: (p: { field: string }) => `The field ${p.field} cannot be changed once it is set.`,
  account_not_via_sync: () => 'Accounts are created through the sign-up API, not through sync.',
  account_not_deletable: () => 'An account cannot be deleted through sync.',
  profile_not_yours: () => 'You can only change your own profile.',
  admin_only_field: (p: { field: string }) => `Only an admin can change ${p.field}.`,
  library_only: () => "An admin edits the shared library, not a coach's own exercises.",
  exercise_not_yours: () => 'You can only change your own exercises.',
  log_not_yours: () => 'You can only log your own sessions.',
  not_yourself: () => 'You can only write as yourself.',
  system_message: () => 'System messages are written by the server.',
  rating_only_client: () => 'Only the client rates a recommendation.',
  view_only_client: () => "Only a client's openings of a resource are counted.",
  message_not_your_client: () => 'You can only message your own clients.',
  message_not_your_coach: () => 'You can only message your own coach.',
  client_not_assigned: () => 'This client is no longer assigned to you.',
  // A message's shape (access.ts messageShapeRefusal).
  view_needs_resource: () => 'A view is of a resource.',
  view_carries_nothing: () => 'A view carries no text or rating.',
  resource_only_viewed: () => 'Only a view is about a resource.',
  target_only_comments: () => 'Only comments have a target.',
  message_empty: () => 'A message needs some text.',
  comment_needs_target: () => 'A comment needs what it is about.',
  entry_comment_only_logs: () => "Only a log's exercise entries take a comment of their own.",
  rating_required: () => 'Feedback on a recommendation needs a rating (1-5).',
  rating_only_recommendations: () => 'Only a recommendation is rated.',
  // Reminders (access.ts writeRefusal, domain/reminders.ts reminderShapeRefusal).
  reminder_not_yours: () => 'You can only set reminders for yourself.',
  reminder_once_date: () => 'A one-off reminder needs its day.',
  reminder_weekly_days: () => 'Pick the days of the week this reminder comes on.',
  reminder_session_plain: () => 'A session reminder comes with the sessions: it takes no day of its own.',
  // Publishing a session (domain/publish.ts).
  due_date_passed: (p: { dueDate: string }) => `The due date ${p.dueDate} has passed; pick today or a later day.`,
  no_exercises: () => 'Add at least one exercise before submitting.',
  exercise_not_in_library: () => 'An exercise in this session is no longer in the library.',
  prescription_repeated: () => 'The same prescription appears twice.',
  reps_missing: () => 'Every exercise needs reps (e.g. 10, 8-12, AMRAP).',
  session_withdrawn: () => 'This session was withdrawn when its plan ended or was replaced. Duplicate it to keep it.',
  session_exists: () => 'A session with this id already exists.',
  // Logs, comments, views and ratings against the documents they refer to (sync-server access/).
  session_not_yours: () => 'This session is not one of your published sessions.',
  log_id: (p: { id: string }) => `A session's log has the id ${p.id}.`,
  log_coach: () => "A log's coach is its session's coach.",
  comment_target_hidden: (p: { targetType: string }) => `You can only comment on a ${p.targetType} you can see.`,
  entry_not_prescribed: () => 'That exercise is not part of this session.',
  resource_not_shared: () => 'You can only open a resource your coach shared with you.',
  rating_not_allowed: () => 'You can only rate a recommendation your coach approved for you.',
  rating_id: (p: { id: string }) => `A rating of this recommendation has the id ${p.id}.`,
  // Assignments and clients (domain/assignments.ts, domain/bulk-assignment.ts).
  coach_not_trainer: () => 'The coach of an assignment must be a trainer.',
  client_not_client: () => 'The client of an assignment must be a client.',
  client_has_trainer: () => 'This client already has an active trainer; end that assignment first.',
  trainer_at_capacity: (p: { taken: number; max: number }) => `This trainer is at capacity (${p.taken}/${p.max}).`,
  no_clients_selected: () => 'Select at least one client.',
  no_trainer_chosen: () => 'Choose a trainer.',
  client_selected_twice: () => 'A client is selected twice.',
  selection_over_capacity: (p: { trainer: string; free: number; taken: number; max: number; selected: number }) =>
    `${p.trainer} is at capacity: room for ${p.free} more client${p.free === 1 ? '' : 's'} (${p.taken}/${p.max}), ${p.selected} selected.`,
  coach_only_adds_clients: () => 'Only coaches add clients here; admins assign them.',
  coach_only_creates_sessions: () => 'Only coaches create sessions.',
  email_taken: () => 'An account with this email already exists.',
  coach_at_capacity: (p: { active: number; max: number }) => `You are at capacity (${p.active}/${p.max} clients).`,
  // Invitations (sync-server access/invites.ts).
  coach_only_invites_clients: () => 'Only a coach invites clients; an admin invites trainers.',
  admin_only_invites_trainers: () => 'Only an admin invites trainers.',
  invite_open: () => 'This person already has an open invitation from you: resend it instead.',
  coach_full_with_invites: (p: { active: number; open: number; max: number }) =>
    `You are at capacity: ${p.active} client${p.active === 1 ? '' : 's'} and ${p.open} open invitation${p.open === 1 ? '' : 's'} fill your ${p.max} places. Cancel an invitation or ask an admin for more room.`,
  // Deleting an account (sync-server access/deletion.ts).
  deletion_self_client_only: () => 'Only a client deletes their own account here; an admin deletes trainers and admins.',
  deletion_admin_only: () => "Only an admin deletes someone else's account.",
  deletion_not_admins: () => 'An admin account cannot be deleted here.',
  deletion_pending: () => 'This account is already being deleted; cancel the deletion first to ask again.',
  deletion_none: () => 'There is no deletion of this account waiting to be cancelled.',
  deletion_not_yours_to_cancel: () => 'An admin asked for this deletion: only an admin can cancel it.',
  account_deleted: () => 'This account was deleted. Its data is gone from Spotter and from this device.',
  // Plans (sync-server access/plans.ts).
  plan_start_fixed: (p: { startDate: string }) =>
    `This plan is active since ${p.startDate}: its start date cannot change (its sessions are scheduled from it). Archive it and activate a copy to start again.`,
  plan_ended: (p: { end: string }) => `This plan ended on ${p.end}; pick a later start date.`,
  plan_empty: () => 'This plan has no exercises to schedule.',
  plan_session_refused: (p: { title: string; reason: string }) => `${p.title}: ${p.reason}`,
  // The database's own constraints (a storage ConstraintViolation).
  reference_missing: () => 'This refers to something that does not exist.',
  conflicts_with_other: () => 'This conflicts with another document (for example a second active plan or trainer).',
  // A coach's own media (domain/media.ts, sync-server media/). The file stays on the device.
  media_empty: () => 'This file is empty; pick another one.',
  media_too_large: (p: { limit: string }) => `This file is larger than ${p.limit}; record a shorter video or pick a smaller file.`,
  media_type_exercise: () => 'This file is not a photo or video Spotter can show: use JPEG, PNG or WebP photos, MP4 or WebM videos.',
  media_type_resource: () => 'This file is not one Spotter can share: use a PDF, JPEG, PNG or WebP photo, or an MP4 or WebM video.',
  media_truncated: () => 'The upload stopped before the whole file arrived; it will be sent again.',
  media_hash_mismatch: () => 'The file arrived different from what your device sent; it will be sent again.',
  media_coach_only: () => 'Only coaches upload photos, videos and files.',
  media_not_found: () => 'There is no such file among those you can see.',
  media_pending: () => "This file is still on its way from your coach's device.",
  // Importing a workout history (sync-server import/).
  import_not_yours: () => 'You can import history only for yourself or, as a coach, for your own clients.',
  import_needs_coach: () => 'Importing history needs a coach: the workouts become sessions of your coach.',
  import_exercise_hidden: (p: { id: string }) => `The exercise ${p.id} is not in the library you can see; map that name again or create it.`,
  // Pushing a document that exists but is not the pusher's to see.
  not_found: () => 'There is no such document among yours.',
} satisfies Record<string, (p: never) => string>;

export type RefusalCode = keyof typeof sentences;
export const refusalCodes = Object.keys(sentences) as [RefusalCode, ...RefusalCode[]];
export const refusalCodeSchema = z.enum(refusalCodes);

/** A refused write: its code and the sentence shown for it. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

type Params<C extends RefusalCode> = Parameters<(typeof sentences)[C]>;

/** The refusal `code` with its sentence (the parameters the sentence names, when it has any). */
export function refusal<C extends RefusalCode>(code: C, ...params: Params<C>): Refusal {
  return { code, message: (sentences[code] as (...p: unknown[]) => string)(...params) };
}
