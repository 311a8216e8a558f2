import { describe, expect, it } from 'vitest';
import { shouldOfferPush, type PushFacts } from './offer.ts';

const facts = (o: Partial<PushFacts> = {}): PushFacts => ({ supported: true, permission: 'default', usefulActionDone: true, answered: false, installOfferShown: false, ...o });

describe('shouldOfferPush', () => {
  it.each([
    ['after the first useful action, with nothing else on screen', facts(), true],
    // Never on load: before the person did anything, the question has no reason.
    ['never before the first useful action', facts({ usefulActionDone: false }), false],
    ['a browser without Web Push is not asked', facts({ supported: false }), false],
    ['already allowed: nothing to ask', facts({ permission: 'granted' }), false],
    // A denied permission cannot be asked again by a page; the settings say how.
    ['already blocked: asking again does nothing', facts({ permission: 'denied' }), false],
    ['answered "Not now" on this device', facts({ answered: true }), false],
    ['one question at a time: not under the install offer', facts({ installOfferShown: true }), false],
  ])('%s', (_why, f, expected) => {
    expect(shouldOfferPush(f)).toBe(expected);
  });
});
