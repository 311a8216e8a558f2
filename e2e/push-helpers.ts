import { expect, type BrowserContext, type Page } from '@playwright/test';

// Push in the browser tests (docs/DESIGN.md "Notifications"): a push reaches the real service
// worker through Chromium's DevTools protocol, as a push service would deliver it.

/** Delivers `payload` to the page's service worker as a push message (CDP ServiceWorker.deliverPushMessage). */
export async function deliverPush(context: BrowserContext, page: Page, baseURL: string, payload: object): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${baseURL}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: baseURL, registrationId: await registrationId, data: JSON.stringify(payload) });
  await cdp.detach();
}

/**
 * The notifications tagged `tag` the service worker is showing: title, body and the page a tap
 * opens (a client's daily reminder may be showing too: docs/DESIGN.md "Logging a workout").
 */
export const shown = (page: Page, tag: string) =>
  page.evaluate(async (t) => (await (await navigator.serviceWorker.ready).getNotifications({ tag: t })).map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url })), tag);

/**
 * A tap on the shown notification: the worker's own `notificationclick` handler runs on the
 * notification the browser holds (no DevTools command clicks a system notification).
 */
export async function tapNotification(context: BrowserContext, tag: string): Promise<void> {
  const [worker] = context.serviceWorkers();
  expect(worker).toBeDefined();
  await worker!.evaluate(async (t) => {
    // The worker's global scope (the e2e type-check knows only the DOM's).
    const sw = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean; NotificationEvent: new (type: string, init: { notification: Notification }) => Event };
    const [notification] = await sw.registration.getNotifications({ tag: t });
    if (!notification) throw new Error(`no notification tagged ${t}`);
    sw.dispatchEvent(new sw.NotificationEvent('notificationclick', { notification }));
  }, tag);
}
