import { describe, expect, it } from 'vitest';
import type { Prescription } from '../docs/sessions.ts';
import { prescription } from '../fixtures.ts';
import { publishRefusal, type PublishContext } from './publish.ts';

const TODAY = '2026-03-10';
const LIBRARY = new Set(['ex-bench', 'ex-squat']);
const ctx = (o: Partial<PublishContext> = {}): PublishContext => ({ today: TODAY, clientAssigned: true, exerciseExists: (id) => LIBRARY.has(id), ...o });
const rx = (o: Partial<Prescription> = {}) => prescription(o);

const ASSIGN = 'This client is no longer assigned to you.';
const PAST = 'The due date 2026-03-09 has passed; pick today or a later day.';
const EMPTY = 'Add at least one exercise before submitting.';
const MISSING = 'An exercise in this session is no longer in the library.';
const TWICE = 'The same prescription appears twice.';
const REPS = 'Every exercise needs reps (e.g. 10, 8-12, AMRAP).';

describe('publishRefusal', () => {
  const cases: [string, string, Prescription[], Partial<PublishContext>, string | null][] = [
    ['a valid session due tomorrow', '2026-03-11', [rx()], {}, null],
    ['due today still counts as the future', TODAY, [rx()], {}, null],
    ['several distinct prescriptions of the same exercise', TODAY, [rx({ id: 'a' }), rx({ id: 'b' })], {}, null],
    ['client not assigned', '2026-03-11', [rx()], { clientAssigned: false }, ASSIGN],
    ['due yesterday', '2026-03-09', [rx()], {}, PAST],
    ['no exercises', TODAY, [], {}, EMPTY],
    ['an exercise gone from the library', TODAY, [rx({ id: 'a' }), rx({ id: 'b', exerciseId: 'ex-deleted' })], {}, MISSING],
    ['the same prescription twice', TODAY, [rx({ id: 'a' }), rx({ id: 'a' })], {}, TWICE],
    ['blank reps', TODAY, [rx({ reps: '   ' })], {}, REPS],
    // The order the rules fire in: the first failing rule is the reason the coach sees.
    ['assignment before date', '2026-03-09', [], { clientAssigned: false }, ASSIGN],
    ['date before emptiness', '2026-03-09', [], {}, PAST],
    ['date before missing exercises', '2026-03-09', [rx({ exerciseId: 'ex-deleted' })], {}, PAST],
    ['missing exercise before duplicates, wherever it is', TODAY, [rx({ id: 'a' }), rx({ id: 'a' }), rx({ id: 'b', exerciseId: 'ex-deleted' })], {}, MISSING],
    ['missing exercise before blank reps', TODAY, [rx({ id: 'a', reps: ' ' }), rx({ id: 'b', exerciseId: 'ex-deleted' })], {}, MISSING],
    ['duplicates and blank reps: the first in session order', TODAY, [rx({ id: 'a', reps: ' ' }), rx({ id: 'a' })], {}, REPS],
    ['duplicates and blank reps: the first in session order (reversed)', TODAY, [rx({ id: 'a' }), rx({ id: 'a', reps: ' ' })], {}, TWICE],
  ];
  it.each(cases)('%s', (_why, dueDate, exercises, c, expected) => {
    expect(publishRefusal({ dueDate, exercises }, ctx(c))?.message ?? null).toBe(expected);
  });
});
