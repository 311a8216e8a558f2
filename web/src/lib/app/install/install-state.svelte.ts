import { installOffer, isIosSafari, type InstallOffer } from './offer.ts';

type InstallPrompt = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: string }> };

// Remembered per device (docs/DESIGN.md "Installing"): an offer the person answered stays answered.
const USEFUL_KEY = 'spotter-install-useful-action';
const ANSWERED_KEY = 'spotter-install-answered';

const read = (key: string): boolean => {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
};
const remember = (key: string): void => {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Storage refused (private mode): the offer may come back next time; nothing else depends on it.
  }
};

/**
 * The install offer of this page: what the browser gave (its prompt, standalone or not) and what
 * this device remembers, decided by offer.ts. One per page, shared by the shell's banner and the
 * account panel's "Install" button; features report their first useful action to it.
 */
class InstallState {
  #prompt = $state<InstallPrompt | null>(null);
  #useful = $state(false);
  #answered = $state(false);
  #standalone = $state(false);
  #iosSafari = false;

  get offer(): InstallOffer {
    return installOffer({
      standalone: this.#standalone,
      promptAvailable: this.#prompt !== null,
      iosSafari: this.#iosSafari,
      usefulActionDone: this.#useful,
      answered: this.#answered,
    });
  }

  /** The first useful action happened on this device (the push offer waits for it too). */
  get usefulDone(): boolean {
    return this.#useful;
  }

  /** The account panel's quiet path back to the prompt after "Not now" (still never before the useful action). */
  get canInstall(): boolean {
    return this.#prompt !== null && this.#useful && !this.#standalone;
  }

  /** Keeps Chromium's prompt for later instead of letting the browser show it on load. */
  start(): () => void {
    this.#useful = read(USEFUL_KEY);
    this.#answered = read(ANSWERED_KEY);
    const standalone = matchMedia('(display-mode: standalone)');
    this.#standalone = standalone.matches || (navigator as { standalone?: boolean }).standalone === true;
    this.#iosSafari = isIosSafari(navigator.userAgent, navigator.maxTouchPoints);
    const keep = (event: Event) => {
      event.preventDefault();
      this.#prompt = event as InstallPrompt;
    };
    const installed = () => {
      this.#prompt = null;
      this.#standalone = true;
    };
    window.addEventListener('beforeinstallprompt', keep);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener('beforeinstallprompt', keep);
      window.removeEventListener('appinstalled', installed);
    };
  }

  /** A coach's submitted session, a client's logged exercise: now installing makes sense. */
  usefulActionDone(): void {
    if (this.#useful) return;
    this.#useful = true;
    remember(USEFUL_KEY);
  }

  async install(): Promise<void> {
    const prompt = this.#prompt;
    if (!prompt) return;
    this.answer();
    await prompt.prompt();
    await prompt.userChoice;
    // A prompt can be shown once; the browser fires a new event if it may be offered again.
    this.#prompt = null;
  }

  /** "Not now" / "Got it": the offer does not come back on this device. */
  answer(): void {
    this.#answered = true;
    remember(ANSWERED_KEY);
  }

  /** The iOS hint is shown once: remembered as soon as it is on screen, kept there until dismissed. */
  hintSeen(): void {
    remember(ANSWERED_KEY);
  }
}

export const installState = new InstallState();
