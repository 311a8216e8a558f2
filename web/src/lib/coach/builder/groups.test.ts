import { describe, expect, it } from 'vitest';
import type { PrescriptionForm } from '../form.ts';
import { formLabels, linkForm, roundsForm, unlinkForm } from './groups.ts';

const f = (id: string, sets = '3', group: string | null = null): PrescriptionForm => ({ id, exerciseId: `ex-${id}`, sets, reps: '10', weight: '', rest: '90', notes: '', group });

describe('grouping in the builder form', () => {
  it('links, labels A1/A2, takes the first member\'s sets as rounds, and unlinks', () => {
    const linked = linkForm([f('a', '4'), f('b', '2'), f('c')], 0, 'g1');
    expect(linked.map((p) => [p.group, p.sets])).toEqual([['g1', '4'], ['g1', '4'], [null, '3']]);
    expect([...formLabels(linked).values()].map((l) => l.label)).toEqual(['A1', 'A2', 'B']);
    expect(formLabels(linked).get('a')).toMatchObject({ letter: 'A', size: 2, linkedToNext: true, rounds: 4, first: true });
    expect(unlinkForm(linked, 0, 'g2').map((p) => p.group)).toEqual([null, null, null]);
  });
  it('typing one member\'s sets sets the rounds of the whole group', () => {
    const items = [f('a', '3', 'g'), f('b', '5', 'g'), f('c', '2')];
    expect(roundsForm(items, 1).map((p) => p.sets)).toEqual(['5', '5', '2']);
  });
  it('leaves text it cannot read as typed (the field shows its own error)', () => {
    const items = [f('a', 'x', 'g'), f('b', '3', 'g')];
    expect(roundsForm(items, 0)).toEqual(items);
  });
});
