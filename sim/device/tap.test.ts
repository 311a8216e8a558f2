import { describe, expect, it } from 'vitest';
import { Tap, type PushRecord } from './tap.ts';

// An answer to an app that was closed meanwhile reaches nobody (a closed page runs nothing):
// the oracle must count it as lost, not expect the refusal it carries in the refused-changes
// store of the app opened next (seed 1876327638, 3,000 ops: a wipe while coach2's push of
// refused writes was on the wire).
describe('the tap', () => {
  const body = JSON.stringify([{ newDocumentState: { id: 'm1', body: 'hi' } }]);
  const refused = JSON.stringify([{ id: 'm1', _deleted: true, _refusal: 'You can only message your own clients.' }]);

  function tapWithHeldAnswer() {
    let answer = () => undefined as void;
    const held = new Promise<void>((r) => (answer = r));
    const records: PushRecord[] = [];
    const base = (async () => {
      await held;
      return new Response(refused, { status: 200 });
    }) as typeof fetch;
    const tap = new Tap(base, (rec) => records.push(rec), async () => undefined);
    return { tap, records, answer };
  }

  it('reports an answer delivered to the app that is still open', async () => {
    const { tap, records, answer } = tapWithHeldAnswer();
    const call = tap.fetch('http://sim/api/sync/messages/push', { method: 'POST', body });
    answer();
    expect((await call).status).toBe(200);
    expect(records.map((r) => r.how)).toEqual(['delivered']);
  });

  it('reports an answer to a closed app as lost, and the closed app never gets it', async () => {
    const { tap, records, answer } = tapWithHeldAnswer();
    const call = tap.fetch('http://sim/api/sync/messages/push', { method: 'POST', body });
    tap.closed();
    answer();
    await expect(call).rejects.toThrow(/closed/);
    expect(records.map((r) => r.how)).toEqual(['lost']);
  });
});
