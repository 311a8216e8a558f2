import { describe, expect, it } from 'vitest';
import { conflictHandler } from './conflicts.ts';
import { Echoes } from './echoes.ts';

const base = {
  id: 's1',
  title: 'Legs',
  notes: '',
  dueDate: '2030-01-02',
  status: 'draft',
  submittedAt: null,
  rejection: null,
  updatedAt: '2030-01-01T00:00:00.000Z',
  _deleted: false,
};

describe('conflict handler', () => {
  it('keeps both devices’ edits when they touched different fields', async () => {
    const handler = conflictHandler(new Echoes());
    const real = { ...base, title: 'Leg day', updatedAt: '2030-01-01T00:01:00.000Z' };
    const local = { ...base, notes: 'go heavy', updatedAt: '2030-01-01T00:02:00.000Z' };
    const out = await handler.resolve({ assumedMasterState: base, realMasterState: real, newDocumentState: local } as any, 'test');
    expect(out).toMatchObject({ title: 'Leg day', notes: 'go heavy', updatedAt: local.updatedAt });
  });

  it('lets the server win for a refused id, once', async () => {
    const real = { ...base, title: 'Server' };
    const wins = new Echoes();
    wins.expect('s1', real);
    const handler = conflictHandler(wins);
    const local = { ...base, notes: 'mine', updatedAt: '2030-01-01T00:02:00.000Z' };
    const out = await handler.resolve({ assumedMasterState: base, realMasterState: real, newDocumentState: local } as any, 'test');
    expect(out).toEqual(real);
    expect(wins.waiting('s1')).toBe(false);
  });

  it('lets the server win only with the state it answered: another one is merged', async () => {
    const wins = new Echoes();
    wins.expect('s1', { ...base, title: 'Server' });
    const handler = conflictHandler(wins);
    const real = { ...base, title: 'Edited since', updatedAt: '2030-01-01T00:01:00.000Z' };
    const local = { ...base, notes: 'mine', updatedAt: '2030-01-01T00:02:00.000Z' };
    const out = await handler.resolve({ assumedMasterState: base, realMasterState: real, newDocumentState: local } as any, 'test');
    expect(out).toMatchObject({ title: 'Edited since', notes: 'mine' });
  });

  it('treats key order as irrelevant when comparing', () => {
    const handler = conflictHandler(new Echoes());
    expect(handler.isEqual({ a: 1, b: [1, { c: 2 }] } as any, { b: [1, { c: 2 }], a: 1 } as any, 'test')).toBe(true);
    expect(handler.isEqual({ a: 1 } as any, { a: 2 } as any, 'test')).toBe(false);
  });

  it('resolves a delete against an edit by the later change', async () => {
    const handler = conflictHandler(new Echoes());
    const real = { ...base, title: 'edited', updatedAt: '2030-01-01T00:01:00.000Z' };
    const local = { ...base, _deleted: true, updatedAt: '2030-01-01T00:03:00.000Z' };
    const out = await handler.resolve({ assumedMasterState: base, realMasterState: real, newDocumentState: local } as any, 'test');
    expect(out._deleted).toBe(true);
  });

  it('brings a deleted document back with the fields the deleting device changed first', async () => {
    // Seen in the sync simulation: device B renames a draft then discards it; device A, offline,
    // edits the notes later. A's edit wins over the delete, and B's title must survive it.
    const handler = conflictHandler(new Echoes());
    const real = { ...base, title: 'renamed', _deleted: true, updatedAt: '2030-01-01T00:01:00.000Z' };
    const local = { ...base, notes: 'later edit', updatedAt: '2030-01-01T00:03:00.000Z' };
    const out = await handler.resolve({ assumedMasterState: base, realMasterState: real, newDocumentState: local } as any, 'test');
    expect(out).toMatchObject({ title: 'renamed', notes: 'later edit', _deleted: false, updatedAt: local.updatedAt });
  });
});
