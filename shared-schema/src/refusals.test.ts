import { describe, expect, it } from 'vitest';
import { refusal, refusalCodes, refusalCodeSchema, type RefusalCode } from './refusals.ts';

// Sample parameters for the sentences that name something.
const params: Partial<Record<RefusalCode, object>> = {
  role_cannot_write: { role: 'client', collection: 'sessions' },
  field_fixed: { field: 'clientId' },
  admin_only_field: { field: 'maxClients' },
  due_date_passed: { dueDate: '2026-03-01' },
  log_id: { id: 'log.ses-1' },
  comment_target_hidden: { targetType: 'session' },
  rating_id: { id: 'rating.rec-1' },
  trainer_at_capacity: { taken: 2, max: 2 },
  selection_over_capacity: { trainer: 'Jo Coach', free: 1, taken: 2, max: 3, selected: 2 },
  coach_at_capacity: { active: 2, max: 2 },
  coach_full_with_invites: { active: 2, open: 1, max: 3 },
  plan_start_fixed: { startDate: '2026-03-02' },
  plan_ended: { end: '2026-03-01' },
  media_too_large: { limit: '50 MB' },
  import_exercise_hidden: { id: 'ex-1' },
  plan_session_refused: { title: 'Week 1 · Monday', reason: 'Every exercise needs reps (e.g. 10, 8-12, AMRAP).' },
};

describe('refusal codes', () => {
  it.each(refusalCodes)('%s: a whole sentence for a person, with a stable code', (code) => {
    const r = (refusal as (c: RefusalCode, p?: object) => { code: string; message: string })(code, params[code]);
    expect(r.code).toBe(code);
    expect(refusalCodeSchema.parse(code)).toBe(code);
    expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(r.message).toMatch(/^[A-Z0-9]/);
    expect(r.message).toMatch(/[.]$/);
    expect(r.message).not.toMatch(/undefined|\[object/);
  });

  it('fills the sentence with what it names', () => {
    expect(refusal('trainer_at_capacity', { taken: 1, max: 1 })).toEqual({ code: 'trainer_at_capacity', message: 'This trainer is at capacity (1/1).' });
  });
});
