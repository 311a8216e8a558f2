import { describe, expect, it } from 'vitest';
import { shouldNotify, todayReminder } from './reminders.ts';
import type { SessionItem } from './types.ts';

const item = (o: Partial<SessionItem>): SessionItem => ({ id: 's1', title: 'Upper body', dueDate: '2026-11-22', exerciseCount: 4, completed: false, late: false, logged: 0, ...o });

describe('todayReminder', () => {
  it.each([
    ['nothing due today', [], null],
    ['only completed sessions', [item({ completed: true })], null],
    ['one untouched session', [item({})], { sessionId: 's1', text: 'Today: Upper body — 4 exercises.' }],
    ['one exercise', [item({ exerciseCount: 1 })], { sessionId: 's1', text: 'Today: Upper body — 1 exercise.' }],
    ['a started session', [item({ logged: 2 })], { sessionId: 's1', text: 'Today: Upper body — 2 of 4 exercises logged.' }],
    ['an untitled session', [item({ title: '  ' })], { sessionId: 's1', text: 'Today: Your session — 4 exercises.' }],
    ['two open, one done', [item({ id: 'done', completed: true }), item({ id: 'a', title: 'Legs' }), item({ id: 'b' })], { sessionId: 'a', text: 'Today: Legs (+1 more) — 4 exercises.' }],
  ])('%s', (_name, today, expected) => {
    expect(todayReminder(today)).toEqual(expected);
  });
});

describe('shouldNotify', () => {
  it.each([
    ['granted, not yet today', 'granted', '2026-11-21', true, true],
    ['already notified today', 'granted', '2026-11-22', true, false],
    ['never notified', 'granted', null, true, true],
    ['nothing left today', 'granted', null, false, false],
    ['permission not asked', 'default', null, true, false],
    ['permission denied', 'denied', null, true, false],
    ['no Notification API', 'unsupported', null, true, false],
  ] as const)('%s', (_name, permission, lastNotifiedDay, hasReminder, expected) => {
    expect(shouldNotify({ permission, lastNotifiedDay, today: '2026-11-22', hasReminder })).toBe(expected);
  });
});
