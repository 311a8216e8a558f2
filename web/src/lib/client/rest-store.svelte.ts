import { parseRest, type Rest } from './rest-timer.ts';

const KEY = 'spotter-rest';

/**
 * The one running rest of this device (docs/DESIGN.md "Logging a workout"). Kept in
 * localStorage, so leaving the workout page, reloading or locking the phone does not lose it:
 * the countdown is computed from the instant the set was done, whatever ran meanwhile.
 */
class RestStore {
  current = $state<Rest | null>(null);

  constructor() {
    if (typeof localStorage !== 'undefined') this.current = parseRest(localStorage.getItem(KEY), Date.now());
    // Another tab started or ended a rest.
    if (typeof window !== 'undefined') window.addEventListener('storage', (e) => e.key === KEY && (this.current = parseRest(e.newValue, Date.now())));
  }

  #save(rest: Rest | null) {
    this.current = rest;
    if (typeof localStorage === 'undefined') return;
    if (rest) localStorage.setItem(KEY, JSON.stringify(rest));
    else localStorage.removeItem(KEY);
  }

  start(label: string, seconds: number, href: string) {
    this.#save({ label, seconds, startedAt: Date.now(), href, alerted: false });
  }

  /** The end was announced: never again for this rest. */
  alerted() {
    if (this.current) this.#save({ ...this.current, alerted: true });
  }

  stop() {
    this.#save(null);
  }
}

export const rest = new RestStore();

/**
 * Vibration and, when the person allowed notifications, a notification through the service
 * worker (the only kind a phone shows). Offline works: nothing here uses the network.
 */
export async function announceRestOver(label: string): Promise<void> {
  navigator.vibrate?.([200, 100, 200]);
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.showNotification('Rest over', { body: `Next set: ${label}`, tag: 'spotter-rest' });
}
