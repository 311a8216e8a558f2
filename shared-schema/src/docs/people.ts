import { z } from 'zod';
import { fieldClocks, id, instant, role, text, weightUnit } from './common.ts';

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
  updatedAt: instant,
  fieldClocks,
});
export type Person = z.infer<typeof personSchema>;

/** Fields a person may change on their own document; everything else is the admin's. */
export const selfEditablePersonFields = ['firstName', 'lastName', 'units', 'bio', 'updatedAt', 'fieldClocks'] as const;

export const DEFAULT_MAX_CLIENTS = 15;
