import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { watch, watchAll } from './watch.ts';

// The copies themselves are the queries' (queries.test.ts: a page never holds a database document).
describe('watchAll', () => {
  it('hands each query its answers, is ready once every query has answered, and stops them all', () => {
    const a = new Subject<{ id: string }[]>();
    const b = new Subject<{ id: string }[]>();
    const got: Record<string, unknown[]> = {};
    let ready = 0;
    const stop = watchAll([watch(a, (v) => (got.a = v)), watch(b, (v) => (got.b = v))], () => ready++);
    a.next([{ id: '1' }]);
    a.next([{ id: '1' }, { id: '2' }]);
    expect(ready).toBe(0); // b has not answered: still loading
    b.next([]);
    expect(ready).toBe(1);
    b.next([{ id: '3' }]);
    expect(ready).toBe(1); // once
    expect(got).toEqual({ a: [{ id: '1' }, { id: '2' }], b: [{ id: '3' }] });
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
