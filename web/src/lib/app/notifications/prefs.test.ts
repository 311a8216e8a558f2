import { describe, expect, it } from 'vitest';
import { defaultNotificationPrefs } from '@spotter/shared';
import { changedPrefs, kindsFor } from './prefs.ts';

describe('kindsFor', () => {
  it.each([
    ['coach', ['clientLogged', 'messages', 'clientAlerts']],
    ['client', ['newSession', 'messages', 'reminders']],
    // Admins are told of nothing: no switches to show.
    ['admin', []],
  ] as const)('%s', (role, kinds) => {
    expect(kindsFor(role).map((k) => k.kind)).toEqual(kinds);
  });
});

describe('changedPrefs', () => {
  it.each([
    ['a first change starts from the defaults', undefined, { messages: false }, { ...defaultNotificationPrefs('Europe/Berlin'), messages: false }],
    ['the device\'s zone replaces the stored one', { ...defaultNotificationPrefs('UTC') }, { quietFrom: '22:00' }, { ...defaultNotificationPrefs('Europe/Berlin'), quietFrom: '22:00' }],
    // A cleared time input gives '': stored as no quiet hours, not as an invalid time.
    ['a cleared time is none', { ...defaultNotificationPrefs('UTC'), quietFrom: '22:00', quietTo: '07:00' }, { quietTo: '' }, { ...defaultNotificationPrefs('Europe/Berlin'), quietFrom: '22:00', quietTo: null }],
  ])('%s', (_why, current, change, expected) => {
    expect(changedPrefs(current, change, 'Europe/Berlin')).toEqual(expected);
  });
});
