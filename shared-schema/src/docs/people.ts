import { z } from 'zod';
import { fieldClocks, id, instant, role, text, weightUnit } from './common.ts';

/** A time of day, HH:MM on a 24-hour clock. */
export const timeOfDay = z.string().length(5).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
/** An IANA time zone name ("Europe/Berlin", "UTC"); an unknown one is read as UTC. */
export const timeZoneName = z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'expected a time zone name such as Europe/Berlin');

/**
 * A person's notification preferences: one switch per kind of event they can be told of, and
 * quiet hours (from–to, may cross midnight; both null: none) in `timeZone`.
 */
export const notificationPrefsSchema = z.strictObject({
  /** Client: a session published for them. */
  newSession: z.boolean(),
  /** Both: a message or comment from the other side. */
  messages: z.boolean(),
  /** Coach: a client logged or completed a session. */
  clientLogged: z.boolean(),
  /** Client: reminders their coach or they scheduled (docs/DESIGN.md "Reminders"). Absent: on. */
  reminders: z.boolean().optional(),
  /** Coach: a client missed a session, a client's compliance dropped. Absent: on. */
  clientAlerts: z.boolean().optional(),
  quietFrom: timeOfDay.nullable(),
  quietTo: timeOfDay.nullable(),
  timeZone: timeZoneName,
});
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;

/**
 * A person: coach, client or admin. Coaches carry a trainer profile (docs/DESIGN.md "Trainer profiles").
 * Written by admins (roster, trainer profiles) and by the person for their own
 * display fields; never created through sync (accounts need a password: REST only).
 */
export const personSchema = z.strictObject({
  id,
  role,
  email: z.email().max(200),
  firstName: text(80).min(1),
  lastName: text(80),
  units: weightUnit,
  // Trainer profile; ignored for non-coaches.
  isPersonalTrainer: z.boolean(),
  specializations: z.array(text(60)).max(20),
  certifications: z.array(text(80)).max(20),
  maxClients: z.number().int().min(0).max(500),
  hourlyRate: z.number().min(0).max(100000).nullable(),
  bio: text(2000),
  yearsExperience: z.number().int().min(0).max(80).nullable(),
  /**
   * Which push notifications this person wants, and their quiet hours in their own time zone
   * (docs/DESIGN.md "Notifications"). Absent until the person first changes them: the
   * defaults (`defaultNotificationPrefs`) then apply.
   */
  notifications: notificationPrefsSchema.optional(),
  /**
   * How far each conversation has been read: the other person's id → the creation instant of
   * the newest message or comment read in it (docs/DESIGN.md "The coach's inbox"). A record, so
   * two devices marking different conversations read offline both keep theirs.
   */
  readUpTo: z.record(id, instant).optional(),
  updatedAt: instant,
  fieldClocks,
});
export type Person = z.infer<typeof personSchema>;

/** Fields a person may change on their own document; everything else is the admin's. */
export const selfEditablePersonFields = ['firstName', 'lastName', 'units', 'notifications', 'readUpTo', 'bio', 'updatedAt', 'fieldClocks'] as const;

export const DEFAULT_MAX_CLIENTS = 15;
