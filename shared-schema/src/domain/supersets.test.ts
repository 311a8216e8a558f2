import { describe, expect, it } from 'vitest';
import { afterSet, blocksOf, linkWithNext, nextStep, setRounds, unlinkFromNext } from './supersets.ts';

interface R { id: string; sets: number; restSeconds: number; group?: string | null }
const rx = (id: string, group: string | null = null, sets = 3, restSeconds = 90): R => ({ id, sets, restSeconds, group });
/** "a b[g] c[g] d" → the prescriptions; sets and rest default to 3 and 90. */
const parse = (s: string): R[] => s.split(' ').map((t) => { const m = /^(\w+)(?:\[(\w+)\])?$/.exec(t)!; return rx(m[1]!, m[2] ?? null); });
const show = (ps: R[]) => ps.map((p) => (p.group ? `${p.id}[${p.group}]` : p.id)).join(' ');
const labels = (ps: R[]) => blocksOf(ps).map((b) => b.items.map((i) => i.label).join('+')).join(' ');

describe('blocksOf: consecutive prescriptions of one group are one block', () => {
  it.each([
    ['a b c', 'A B C'],
    ['a b[g] c[g] d', 'A B1+B2 C'],
    ['a[g] b[g] c[g]', 'A1+A2+A3'],
    ['a[g] b[g] c[h] d[h]', 'A1+A2 B1+B2'],
    ['a[g] b c[g]', 'A B C'], // split by a move: a group of one is a single exercise
    ['a[g] b', 'A B'], // its partner removed
    ['a[g] b[g] c d[g]', 'A1+A2 B C'],
  ])('%s → %s', (s, want) => {
    expect(labels(parse(s))).toBe(want);
  });
  it('letters go on past Z', () => {
    expect(blocksOf(Array.from({ length: 28 }, (_, i) => rx(`e${i}`))).map((b) => b.letter).slice(24)).toEqual(['Y', 'Z', 'AA', 'AB']);
  });
  it("a group's rounds are its members' most sets", () => {
    expect(blocksOf([rx('a', 'g', 3), rx('b', 'g', 4)])[0]!.rounds).toBe(4);
  });
});

describe('linkWithNext and unlinkFromNext', () => {
  it.each([
    ['link two singles', 'a b c', 'link', 0, 'a[n] b[n] c'],
    ['a third joins the group', 'a[g] b[g] c', 'link', 1, 'a[g] b[g] c[g]'],
    ['a single joins the group after it', 'a b[g] c[g]', 'link', 0, 'a[n] b[n] c[n]'],
    ['two groups merge', 'a[g] b[g] c[h] d[h]', 'link', 1, 'a[g] b[g] c[g] d[g]'],
    ['no next: nothing changes', 'a b', 'link', 1, 'a b'],
    ['unlink a pair: two singles', 'a[g] b[g]', 'unlink', 0, 'a b'],
    ['unlink the last of three', 'a[g] b[g] c[g]', 'unlink', 1, 'a[g] b[g] c'],
    ['unlink the first of three: the rest stays a group', 'a[g] b[g] c[g]', 'unlink', 0, 'a b[n] c[n]'],
    ['unlink in the middle of four: two groups', 'a[g] b[g] c[g] d[g]', 'unlink', 1, 'a[g] b[g] c[n] d[n]'],
    ['not linked: nothing changes', 'a b[g] c[g]', 'unlink', 0, 'a b[g] c[g]'],
  ] as const)('%s: %s', (_, s, op, i, want) => {
    const f = op === 'link' ? linkWithNext : unlinkFromNext;
    expect(show(f(parse(s), i, 'n'))).toBe(want);
  });
  it('linking gives every member the rounds of the first', () => {
    expect(linkWithNext([rx('a', null, 4), rx('b', null, 2)], 0, 'n').map((p) => p.sets)).toEqual([4, 4]);
  });
  it('setRounds sets every member of the block, nothing else', () => {
    expect(setRounds([rx('a', 'g'), rx('b', 'g'), rx('c')], 1, 5).map((p) => p.sets)).toEqual([5, 5, 3]);
  });
});

describe('the walk through a group: round by round, each member in order', () => {
  const group = blocksOf([rx('a', 'g', 2, 60), rx('b', 'g', 2, 120)])[0]!;
  const uneven = blocksOf([rx('a', 'g', 3), rx('b', 'g', 1)])[0]!;
  const single = blocksOf([rx('s', null, 2, 75)])[0]!;
  const counts = (c: Record<string, number>) => (id: string) => c[id] ?? 0;
  it.each([
    ['nothing done: A1 round 1', group, {}, { prescriptionId: 'a', round: 1 }],
    ['A1 done: A2 round 1', group, { a: 1 }, { prescriptionId: 'b', round: 1 }],
    ['round 1 done: A1 round 2', group, { a: 1, b: 1 }, { prescriptionId: 'a', round: 2 }],
    ['all done: finished', group, { a: 2, b: 2 }, null],
    ['a member with fewer sets is passed over', uneven, { a: 1, b: 1 }, { prescriptionId: 'a', round: 2 }],
    ['extra sets of one member do not skip the other', group, { a: 2 }, { prescriptionId: 'b', round: 1 }],
  ])('%s', (_, block, done, want) => {
    expect(nextStep(block, counts(done))).toEqual(want);
  });
  it.each([
    ['mid-round: no rest, on to A2', group, {}, 'a', { next: { prescriptionId: 'b', round: 1 }, restSeconds: 0 }],
    ["end of a round: the group's longest rest", group, { a: 1 }, 'b', { next: { prescriptionId: 'a', round: 2 }, restSeconds: 120 }],
    ['the last set: no rest', group, { a: 2, b: 1 }, 'b', { next: null, restSeconds: 0 }],
    ['a single exercise rests its own rest', single, {}, 's', { next: { prescriptionId: 's', round: 2 }, restSeconds: 75 }],
  ])('%s', (_, block, done, id, want) => {
    expect(afterSet(block, counts(done), id)).toEqual(want);
  });
});
