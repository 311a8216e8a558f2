import { person } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { formValues, profileFromForm } from './trainer-form.ts';

const base = formValues(null);

describe('profileFromForm', () => {
  it('parses lists and numbers', () => {
    expect(profileFromForm({ ...base, specializations: 'Strength, , Mobility ', certifications: 'NASM-CPT,CSCS', hourlyRate: '65.5', yearsExperience: '7' })).toEqual({
      error: null,
      profile: { isPersonalTrainer: true, specializations: ['Strength', 'Mobility'], certifications: ['NASM-CPT', 'CSCS'], maxClients: 15, hourlyRate: 65.5, bio: '', yearsExperience: 7 },
    });
  });

  it('takes the numbers that number inputs bind (and null when emptied)', () => {
    expect(profileFromForm({ ...base, maxClients: 1, hourlyRate: 55, yearsExperience: null }).profile).toMatchObject({ maxClients: 1, hourlyRate: 55, yearsExperience: null });
    expect(profileFromForm({ ...base, maxClients: null }).error).toBe('Max clients: enter a number');
  });

  it.each([
    ['max clients not a number', { maxClients: 'x' }, 'Max clients: enter a number'],
    ['negative rate', { hourlyRate: '-1' }, 'Hourly rate: Too small: expected number to be >=0'],
    ['fractional years', { yearsExperience: '2.5' }, 'Years of experience: enter a whole number'],
  ])('%s', (_n, patch, error) => {
    expect(profileFromForm({ ...base, ...patch }).error).toBe(error);
  });

  it('round-trips an existing trainer', () => {
    const t = person({ role: 'coach', specializations: ['Strength'], certifications: ['CSCS'], maxClients: 12, hourlyRate: 80, yearsExperience: 10, bio: 'Hi' });
    const { profile } = profileFromForm(formValues(t));
    expect(profile).toEqual({ isPersonalTrainer: false, specializations: ['Strength'], certifications: ['CSCS'], maxClients: 12, hourlyRate: 80, bio: 'Hi', yearsExperience: 10 });
  });
});
