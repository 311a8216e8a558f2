/**
 * When Spotter offers to be installed (docs/DESIGN.md "Installing"): never on load, only once the
 * person has done something worth coming back for on this device (a coach's first submitted
 * session, a client's first logged exercise). Chromium browsers hand us a prompt to show;
 * iOS Safari has none, so it gets a one-time "Share → Add to Home Screen" hint instead.
 * Pure: the shell (install-state.svelte.ts) feeds it what the browser and this device know.
 */
export interface InstallFacts {
  /** Running as the installed app (display-mode standalone): nothing to offer. */
  standalone: boolean;
  /** The browser handed over its install prompt (Chromium's `beforeinstallprompt`). */
  promptAvailable: boolean;
  /** iOS Safari: installable only by hand, through the Share menu. */
  iosSafari: boolean;
  /** The first useful action happened on this device. */
  usefulActionDone: boolean;
  /** The person answered the offer ("Not now", or the iOS hint was seen once). */
  answered: boolean;
}

export type InstallOffer = 'none' | 'prompt' | 'ios-hint';

export function installOffer(f: InstallFacts): InstallOffer {
  if (f.standalone || !f.usefulActionDone || f.answered) return 'none';
  if (f.promptAvailable) return 'prompt';
  if (f.iosSafari) return 'ios-hint';
  return 'none';
}

/**
 * Safari on an iPhone, iPod or iPad (iPadOS says "Macintosh" but has a touch screen). Other
 * browsers on iOS say CriOS/FxiOS/EdgiOS: their menus differ, so the hint would mislead there.
 */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return ios && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\//.test(userAgent);
}
