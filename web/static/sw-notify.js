// Imported by the generated service worker (web/scripts/build-sw.ts): notifications
// (docs/DESIGN.md "Notifications"). A push from the server is shown as a notification; a tap on
// one (a push or today's reminder) focuses an open Spotter window on its page, or opens one.

// Only paths of this app: a payload can never send the tap elsewhere.
const appPath = (url) => (typeof url === 'string' && /^\/(?!\/)/.test(url) ? url : '/');

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    // Not JSON: still tell the person something arrived rather than show nothing.
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Spotter';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag: typeof data.tag === 'string' && data.tag ? data.tag : undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: appPath(data.url) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appPath(event.notification.data && event.notification.data.url);
  const done = self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((w) => 'focus' in w);
    if (!open) return self.clients.openWindow(url);
    // Focus first (allowed only while handling the tap), then move the window to the page.
    return Promise.resolve(open.focus())
      .catch(() => open)
      .then(() => open.navigate(url));
  });
  try {
    event.waitUntil(done);
  } catch {
    // Only a trusted event may extend its lifetime; the work above runs either way.
  }
});

// The browser replaced this device's subscription (expired, rotated keys): subscribe again with
// the same server key and hand it to open windows, which save it; the app also saves the current
// one whenever it opens, for when no window was open now.
self.addEventListener('pushsubscriptionchange', (event) => {
  const old = event.oldSubscription;
  const renewed = event.newSubscription
    ? Promise.resolve(event.newSubscription)
    : old && old.options && old.options.applicationServerKey
      ? self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: old.options.applicationServerKey })
      : Promise.resolve(null);
  event.waitUntil(
    renewed
      .then((sub) => {
        if (!sub) return;
        return self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
          for (const w of windows) w.postMessage({ type: 'PUSH_SUBSCRIPTION_CHANGED', subscription: sub.toJSON(), oldEndpoint: old ? old.endpoint : null });
        });
      })
      .catch(() => undefined),
  );
});
