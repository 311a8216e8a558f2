import { describe, expect, it } from 'vitest';
import { PushJournal } from './push-journal.ts';

describe('PushJournal', () => {
  it('names, for a lost field, each push of that document with its assumed state and answer', () => {
    const journal = new PushJournal();
    const doc = (title: string) => ({ id: 'ses-1', title, fieldClocks: { title: `t-${title}` } });
    journal.record('coachA', { collection: 'sessions', how: 'delivered', rows: [{ assumedMasterState: null, newDocumentState: doc('#1') }], answer: [] });
    journal.record('coachB', { collection: 'sessions', how: 'lost', rows: [{ assumedMasterState: doc('#1'), newDocumentState: doc('#2') }], answer: [doc('#3')] });
    journal.record('coachA', { collection: 'sessions', how: 'delivered', rows: [{ assumedMasterState: null, newDocumentState: { id: 'other', title: 'x' } }], answer: [] });
    const lines = journal.lines(['lost: sessions/ses-1/title holds op #1 over the later committed op #2', 'something else']);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^diagnostic: push of ses-1: \S+ coachA delivered assumed null new .*"title":"#1".* answer accepted$/);
    expect(lines[1]).toMatch(/coachB lost assumed .*"#1".* new .*"#2".* answer .*"title":"#3"/);
    expect(journal.lines(['lost: sessions/never/notes holds …'])).toEqual(['diagnostic: push of never: never pushed']);
  });
});
