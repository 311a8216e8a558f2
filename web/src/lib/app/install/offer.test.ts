import { describe, expect, it } from 'vitest';
import { installOffer, isIosSafari, type InstallFacts } from './offer.ts';

const facts = (over: Partial<InstallFacts>): InstallFacts => ({
  standalone: false, promptAvailable: false, iosSafari: false, usefulActionDone: false, answered: false, ...over,
});

describe('install offer', () => {
  it.each([
    ['on load, prompt kept', facts({ promptAvailable: true }), 'none'],
    ['after the first useful action, prompt kept', facts({ promptAvailable: true, usefulActionDone: true }), 'prompt'],
    ['useful action but the browser gave no prompt', facts({ usefulActionDone: true }), 'none'],
    ['answered "Not now"', facts({ promptAvailable: true, usefulActionDone: true, answered: true }), 'none'],
    ['already the installed app', facts({ standalone: true, promptAvailable: true, usefulActionDone: true }), 'none'],
    ['iOS Safari on load', facts({ iosSafari: true }), 'none'],
    ['iOS Safari after the useful action', facts({ iosSafari: true, usefulActionDone: true }), 'ios-hint'],
    ['iOS Safari, hint already seen', facts({ iosSafari: true, usefulActionDone: true, answered: true }), 'none'],
    ['iOS home-screen app', facts({ iosSafari: true, usefulActionDone: true, standalone: true }), 'none'],
  ] as const)('%s → %s', (_, f, offer) => {
    expect(installOffer(f)).toBe(offer);
  });

  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
  const ipadOS = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
  const chromeIos = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1';
  const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
  it.each([
    ['iPhone Safari', iphone, 5, true],
    ['iPadOS Safari (desktop user agent, touch screen)', ipadOS, 5, true],
    ['Mac Safari (no touch)', ipadOS, 0, false],
    ['Chrome on iPhone', chromeIos, 5, false],
    ['Chrome on Android', android, 5, false],
  ])('%s is iOS Safari: %s', (_, ua, touch, expected) => {
    expect(isIosSafari(ua, touch)).toBe(expected);
  });
});
