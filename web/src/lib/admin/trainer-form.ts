import type { Person, TrainerProfile } from '@spotter/shared';
import { DEFAULT_MAX_CLIENTS, trainerProfileSchema } from '@spotter/shared';

/** The trainer form's fields, as the inputs hold them (text), so a half-typed form is valid state. */
export interface TrainerFormValues {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  isPersonalTrainer: boolean;
  specializations: string;
  certifications: string;
  maxClients: string | number | null;
  hourlyRate: string | number | null;
  bio: string;
  yearsExperience: string | number | null;
}

export function formValues(p: Person | null): TrainerFormValues {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    email: p?.email ?? '',
    password: '',
    isPersonalTrainer: p?.isPersonalTrainer ?? true,
    specializations: p?.specializations.join(', ') ?? '',
    certifications: p?.certifications.join(', ') ?? '',
    maxClients: String(p?.maxClients ?? DEFAULT_MAX_CLIENTS),
    hourlyRate: p?.hourlyRate === null || p?.hourlyRate === undefined ? '' : String(p.hourlyRate),
    bio: p?.bio ?? '',
    yearsExperience: p?.yearsExperience === null || p?.yearsExperience === undefined ? '' : String(p.yearsExperience),
  };
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
// bind:value on <input type="number"> hands over a number (or null when emptied), not text.
const text = (s: string | number | null | undefined) => (s === null || s === undefined ? '' : String(s)).trim();
const optionalNumber = (s: string | number | null) => (text(s) === '' ? null : Number(text(s)));

/** The profile the form describes, or the first problem named by its label. */
export function profileFromForm(v: TrainerFormValues): { profile: TrainerProfile; error: null } | { profile: null; error: string } {
  const parsed = trainerProfileSchema.safeParse({
    isPersonalTrainer: v.isPersonalTrainer,
    specializations: list(v.specializations),
    certifications: list(v.certifications),
    maxClients: text(v.maxClients) === '' ? Number.NaN : Number(text(v.maxClients)),
    hourlyRate: optionalNumber(v.hourlyRate),
    bio: v.bio,
    yearsExperience: optionalNumber(v.yearsExperience),
  });
  if (parsed.success) return { profile: parsed.data, error: null };
  const labels: Record<string, string> = {
    maxClients: 'Max clients',
    hourlyRate: 'Hourly rate',
    yearsExperience: 'Years of experience',
    specializations: 'Specializations',
    certifications: 'Certifications',
    bio: 'Bio',
  };
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const wanted = issue.code === 'invalid_type' ? (issue.expected === 'int' ? 'enter a whole number' : 'enter a number') : issue.message;
  return { profile: null, error: `${labels[field] ?? field}: ${wanted}` };
}
