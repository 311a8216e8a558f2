import { describe, expect, it } from 'vitest';
import { parseRest } from './rest-timer.ts';

// The running rest is kept on the device across pages and reloads (rest-store.svelte.ts);
// what is read back must be a rest, and a current one.
const NOW = 10_000_000;
const rest = { label: 'Squat', seconds: 90, startedAt: NOW - 30_000, href: '/client/sessions/s1', alerted: false };

describe('parseRest', () => {
  it.each<[string, string | null, unknown]>([
    ['a running rest', JSON.stringify(rest), rest],
    ['one whose end was announced', JSON.stringify({ ...rest, alerted: true }), { ...rest, alerted: true }],
    ['one that ended five minutes ago (still shown as over)', JSON.stringify({ ...rest, startedAt: NOW - 90_000 - 5 * 60_000 }), { ...rest, startedAt: NOW - 90_000 - 5 * 60_000 }],
    ['one that ended long ago', JSON.stringify({ ...rest, startedAt: NOW - 90_000 - 11 * 60_000 }), null],
    ['nothing stored', null, null],
    ['not JSON', '{oops', null],
    ['no seconds', JSON.stringify({ ...rest, seconds: 'ninety' }), null],
    ['a link off the site', JSON.stringify({ ...rest, href: 'https://evil.example/' }), null],
  ])('%s', (_what, text, expected) => expect(parseRest(text, NOW)).toEqual(expected));
});
