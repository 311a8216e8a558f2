import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { watch, watchAll } from './watch.ts';

type Docs = { toMutableJSON(): unknown }[];
const doc = (id: string) => {
  const data = { id };
  return { toMutableJSON: () => ({ ...data }), data };
};

describe('watchAll', () => {
  it('hands each query JSON copies, is ready once every query has answered, and stops them all', () => {
    const a = new Subject<Docs>();
    const b = new Subject<Docs>();
    const got: Record<string, unknown[]> = {};
    let ready = 0;
    const stop = watchAll([watch<{ id: string }>({ $: a }, (v) => (got.a = v)), watch({ $: b }, (v) => (got.b = v))], () => ready++);
    const first = doc('1');
    a.next([first]);
    a.next([first, doc('2')]);
    expect(ready).toBe(0); // b has not answered: still loading
    b.next([]);
    expect(ready).toBe(1);
    b.next([doc('3')]);
    expect(ready).toBe(1); // once
    expect(got).toEqual({ a: [{ id: '1' }, { id: '2' }], b: [{ id: '3' }] });
    expect(got.a![0]).not.toBe(first.data); // a copy, never the document itself
    stop();
    a.next([]);
    expect(got.a).toHaveLength(2);
    expect(a.observed || b.observed).toBe(false);
  });

  it('with nothing to watch is ready at once', () => {
    let ready = false;
    watchAll([], () => (ready = true));
    expect(ready).toBe(true);
  });
});
