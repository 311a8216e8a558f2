import { describe, expect, it } from 'vitest';
import { Echoes } from './echoes.ts';

type Doc = { id: string; title: string; updatedAt?: string; _rev?: string };
const doc = (title: string, extra: Partial<Doc> = {}): Doc => ({ id: 'd1', title, ...extra });

describe('Echoes: is this change my own write coming back?', () => {
  // Each row: what was sent out (in order), then what arrives (in order), and the answers.
  it.each([
    ['nothing sent: everything is news', [], ['a'], [false]],
    ['my write comes back', ['a'], ['a'], [true]],
    ['a state I never sent is news', ['a'], ['b'], [false]],
    ['each echo is taken once', ['a'], ['a', 'a'], [true, false]],
    ['echoes in order', ['a', 'b'], ['a', 'b'], [true, true]],
    ['a newer echo consumes the older ones (writes land in order)', ['a', 'b'], ['b', 'a'], [true, false]],
    ['a change from elsewhere between my echoes', ['a', 'b'], ['a', 'x', 'b'], [true, false, true]],
  ] as const)('%s', (_name, sent, arrived, answers) => {
    const echoes = new Echoes<Doc>();
    for (const t of sent) echoes.expect('d1', doc(t));
    expect(arrived.map((t) => echoes.take('d1', doc(t)))).toEqual(answers);
  });

  it('compares content: key order and RxDB bookkeeping fields do not matter', () => {
    const echoes = new Echoes<Doc>();
    echoes.expect('d1', { title: 'a', id: 'd1' });
    expect(echoes.take('d1', doc('a', { _rev: '2-abc' }))).toBe(true);
  });

  it('compares through a projection: the fields the writer wrote', () => {
    const echoes = new Echoes<Doc>((d) => ({ title: d.title }));
    echoes.expect('d1', doc('a', { updatedAt: '2026-01-01T00:00:00.000Z' }));
    expect(echoes.take('d1', doc('a', { updatedAt: '2026-01-01T00:00:05.000Z' }))).toBe(true);
  });

  it('keeps documents apart', () => {
    const echoes = new Echoes<Doc>();
    echoes.expect('d1', doc('a'));
    expect(echoes.take('d2', doc('a'))).toBe(false);
    expect(echoes.waiting('d1')).toBe(true);
    expect(echoes.waiting('d2')).toBe(false);
  });

  it('latest: only the newest recorded state can still come back', () => {
    const echoes = new Echoes<Doc>();
    echoes.expect('d1', doc('a'), { latest: true });
    echoes.expect('d1', doc('b'), { latest: true });
    expect(echoes.take('d1', doc('a'))).toBe(false);
    expect(echoes.take('d1', doc('b'))).toBe(true);
    expect(echoes.waiting('d1')).toBe(false);
  });

  it('forget: a write that failed is no longer waited for', () => {
    const echoes = new Echoes<Doc>();
    echoes.expect('d1', doc('a'));
    echoes.expect('d1', doc('b'));
    echoes.forget('d1', doc('b'));
    expect(echoes.waiting('d1')).toBe(true);
    echoes.forget('d1', doc('a'));
    expect(echoes.waiting('d1')).toBe(false);
  });

  it('drop: stop waiting whatever came back', () => {
    const echoes = new Echoes<Doc>();
    echoes.expect('d1', doc('a'));
    echoes.drop('d1');
    expect(echoes.take('d1', doc('a'))).toBe(false);
  });
});
