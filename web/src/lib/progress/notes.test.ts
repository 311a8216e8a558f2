import { exercise, logEntry, message, note, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { messageSchema, writeRefusal } from '@spotter/shared';
import { describe, expect, it } from 'vitest';
import { draftWeeklySummary, newNote, newView, notesOfKind, viewsByResource, viewsText, visibleToClient } from './notes.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;

describe('visibleToClient', () => {
  it.each([
    ['note', true, false],
    ['note', false, true],
    ['summary', false, true],
    ['resource', false, true],
  ] as const)('%s private=%s → %s', (kind, isPrivate, want) => expect(visibleToClient({ kind, isPrivate })).toBe(want));
});

describe('newNote', () => {
  const owner = { coachId: 'coach-1', clientId: 'client-1' };
  const fields = { title: ' T ', body: ' B ', url: 'https://example.com/v', resourceType: 'video', isPrivate: true, weekOf: '2026-03-09' };
  it.each([
    ['note', true, '', null],
    ['resource', false, 'https://example.com/v', null],
    ['summary', false, '', '2026-03-09'],
  ] as const)('%s: private %s, url %s, weekOf %s', (kind, isPrivate, url, weekOf) => {
    const n = newNote('n1', owner, { kind, ...fields }, at('2026-03-12'));
    expect([n.title, n.isPrivate, n.url, n.weekOf]).toEqual(['T', isPrivate, url, weekOf]);
  });
});

describe('notesOfKind', () => {
  it('sorts summaries by week, others newest first', () => {
    const notes = [
      note({ id: 'a', kind: 'summary', weekOf: '2026-03-02', createdAt: at('2026-03-10') }),
      note({ id: 'b', kind: 'summary', weekOf: '2026-03-09', createdAt: at('2026-03-09') }),
      note({ id: 'c', kind: 'note', createdAt: at('2026-03-01') }),
      note({ id: 'd', kind: 'note', createdAt: at('2026-03-05') }),
    ];
    expect(notesOfKind(notes, 'summary').map((n) => n.id)).toEqual(['b', 'a']);
    expect(notesOfKind(notes, 'note').map((n) => n.id)).toEqual(['d', 'c']);
  });
});

describe('draftWeeklySummary', () => {
  const data = {
    sessions: [session({ id: 's1', dueDate: '2026-03-02' }), session({ id: 's2', dueDate: '2026-03-09' }), session({ id: 's3', dueDate: '2026-03-11' })],
    logs: [
      sessionLog({ sessionId: 's1', completedAt: at('2026-03-02'), entries: { a: logEntry({ exerciseId: 'bench', weightUsed: 60, loggedAt: at('2026-03-02') }) } }),
      sessionLog({ sessionId: 's2', completedAt: at('2026-03-10'), entries: { a: logEntry({ exerciseId: 'bench', weightUsed: 70, notes: 'Felt strong', loggedAt: at('2026-03-10') }) } }),
    ],
    exercises: [exercise({ id: 'bench', name: 'Bench Press' })],
    units: 'kg' as const,
    today: '2026-03-13',
  };
  it('states the week’s numbers, records and the client’s notes', () => {
    expect(draftWeeklySummary('2026-03-09', data)).toEqual({
      title: 'Week of 2026-03-09',
      body: [
        'Sessions: 1 of 2 completed (0 on time).',
        'Volume: 2100 kg over 1 exercise.',
        'New personal records: Bench Press 3 × 10 @ 70 kg.',
        'Your notes: “Felt strong”',
      ].join('\n'),
    });
  });
  it('says so when nothing was due', () => {
    expect(draftWeeklySummary('2026-02-23', data).body).toBe('No sessions were due this week.\nVolume: 0 kg over 0 exercises.\nNo new personal records this week.');
  });
});

describe('resource views', () => {
  const resource = note({ id: 'res-1', kind: 'resource', isPrivate: false, url: 'https://example.test/v' });
  const view = (id: string, targetId: string, at: string) => newView(id, { ...resource, id: targetId }, at);

  it('a new view is a valid message the client may write', () => {
    const v = newView('v-1', resource, '2026-03-02T10:00:00.000Z');
    expect(messageSchema.parse(v)).toEqual(v);
    const rel = { clientIds: new Set<string>(), coachIds: new Set([resource.coachId]) };
    expect(writeRefusal({ id: resource.clientId, role: 'client' }, 'messages', null, v, rel)).toBeNull();
  });

  it.each([
    ['nothing opened', [], 'res-1', undefined, 'Not opened yet'],
    ['one opening', [view('a', 'res-1', '2026-03-02T10:00:00.000Z')], 'res-1', { count: 1, lastAt: '2026-03-02T10:00:00.000Z' }, 'Viewed once'],
    [
      'three openings, the latest whatever the order, other resources apart',
      [view('a', 'res-1', '2026-03-05T10:00:00.000Z'), view('b', 'res-2', '2026-03-09T10:00:00.000Z'), view('c', 'res-1', '2026-03-01T10:00:00.000Z'), view('d', 'res-1', '2026-03-03T10:00:00.000Z')],
      'res-1',
      { count: 3, lastAt: '2026-03-05T10:00:00.000Z' },
      'Viewed 3 times',
    ],
    [
      'messages and comments are not views',
      [message({ id: 'm' }), message({ id: 'c', kind: 'comment', targetType: 'session', targetId: 'res-1' })],
      'res-1',
      undefined,
      'Not opened yet',
    ],
  ])('%s', (_why, messages, id, expected, text) => {
    const views = viewsByResource(messages).get(id);
    expect(views).toEqual(expected);
    expect(viewsText(views)).toBe(text);
  });
});
