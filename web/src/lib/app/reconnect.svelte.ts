import { untrack } from 'svelte';

/**
 * Runs `again` each time `online()` turns true after being false (call it while a component
 * is being set up). Keyed on the change, never on "online and it failed": a request the
 * server refuses for good (an ended session) fails at once, its failure re-ran such an effect,
 * and an account page sent ~60 refused refreshes a second until it was closed
 * (e2e/live-sync.test.ts).
 */
export function onReconnect(online: () => boolean, again: () => void): void {
  let was = untrack(online);
  $effect(() => {
    const now = online();
    if (now && !was) untrack(again);
    was = now;
  });
}
