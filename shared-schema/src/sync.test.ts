import { describe, expect, it } from 'vitest';
import { expandPushAnswer, type PushAnswer } from './sync.ts';

const sent = (id: string, o: Record<string, unknown> = {}) => ({ newDocumentState: { id, status: 'submitted', rejection: null, title: `t-${id}`, _deleted: false, ...o } });
const rows = [sent('a'), sent('b', { rejection: 'The due date has passed.' }), sent('c')];

describe('expandPushAnswer: the compact push answer back to RxDB conflicts', () => {
  it.each<[string, PushAnswer, unknown[]]>([
    ['no answer', [], []],
    [
      'full documents pass through unchanged (a conflict, a refusal)',
      [{ id: 'a', status: 'published', rejection: null, title: 'server', _deleted: false }, { id: 'c', status: 'draft', _deleted: true, _refusal: 'no' }],
      [{ id: 'a', status: 'published', rejection: null, title: 'server', _deleted: false }, { id: 'c', status: 'draft', _deleted: true, _refusal: 'no' }],
    ],
    [
      'a patch is applied to the state this device sent',
      [{ id: 'a', _patch: { status: 'published' } }],
      [{ id: 'a', status: 'published', rejection: null, title: 't-a', _deleted: false }],
    ],
    [
      'a patch may set a field to null (a rejection cleared)',
      [{ id: 'b', _patch: { status: 'published', rejection: null } }],
      [{ id: 'b', status: 'published', rejection: null, title: 't-b', _deleted: false }],
    ],
    [
      'mixed, in the order answered',
      [{ id: 'c', _patch: { status: 'published' } }, { id: 'a', status: 'draft', rejection: 'why', title: 't-a', _deleted: false, _refusal: 'why' }],
      [{ id: 'c', status: 'published', rejection: null, title: 't-c', _deleted: false }, { id: 'a', status: 'draft', rejection: 'why', title: 't-a', _deleted: false, _refusal: 'why' }],
    ],
  ])('%s', (_name, answer, expected) => {
    expect(expandPushAnswer(rows, answer)).toEqual(expected);
  });

  it('never changes the rows that were sent', () => {
    const before = structuredClone(rows);
    expandPushAnswer(rows, [{ id: 'a', _patch: { status: 'published' } }]);
    expect(rows).toEqual(before);
  });

  it('refuses a patch for a document this push did not send (it could not be rebuilt)', () => {
    expect(() => expandPushAnswer(rows, [{ id: 'zzz', _patch: { status: 'published' } }])).toThrow(/zzz/);
  });
});
