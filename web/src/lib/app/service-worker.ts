/**
 * Registers the workbox service worker and reports when a new version is waiting, so the shell
 * can offer "Reload" instead of swapping code under the user's feet. Reloading loses nothing:
 * every change is already in IndexedDB.
 */
export function registerServiceWorker(onUpdateReady: (activate: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void navigator.serviceWorker.register('/sw.js').then((registration) => {
    const offer = (worker: ServiceWorker) =>
      onUpdateReady(() => {
        let reloaded = false;
        const reload = () => {
          if (reloaded) return;
          reloaded = true;
          location.reload();
        };
        // The newest waiting worker: a later deploy may have replaced the one first offered.
        // None waiting: it was already activated (by another tab of the app), so this page only
        // needs to load the new version.
        const next = registration.waiting ?? (worker.state === 'installed' ? worker : null);
        if (!next) return reload();
        navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
        next.addEventListener('statechange', () => next.state === 'activated' && reload());
        next.postMessage({ type: 'SKIP_WAITING' });
        // An event can be missed (the worker activated between the check and the listeners, or
        // the browser coalesced the change): the registration's active worker tells the truth.
        let ticks = 0;
        const poll = setInterval(() => {
          if (registration.active === next || next.state === 'activated' || next.state === 'redundant') {
            clearInterval(poll);
            reload();
            return;
          }
          // Still waiting after 2 s: ask again (skipWaiting is idempotent; a message to a worker
          // being started or stopped by the browser can be dropped).
          if (++ticks % 8 === 0) (registration.waiting ?? next).postMessage({ type: 'SKIP_WAITING' });
        }, 250);
      });
    // Only an update has a controller already; the first install needs no prompt.
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const incoming = registration.installing;
      incoming?.addEventListener('statechange', () => {
        if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
      });
    });
    // A long-lived installed app should still notice deploys.
    setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
  });
}
