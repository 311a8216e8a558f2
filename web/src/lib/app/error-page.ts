/**
 * What the error page says (routes/+error.svelte). A page's code is loaded when it is first
 * opened; a phone that loses its connection at that moment gets a failed import, which Kit
 * reports as a bare "500 Internal Error" — a dead end for someone opening a reset link on a
 * train. Named here for what happened and what to do, in the app's own words.
 */
export interface ErrorPageText {
  title: string;
  body: string;
  /** Offer to load the page again (a connection problem can pass). */
  retry: boolean;
}

/** Kit's messages for a page module that could not be fetched, by browser. */
const FAILED_IMPORT = /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i;

export function isFailedImport(error: unknown): boolean {
  return error instanceof Error && FAILED_IMPORT.test(error.message);
}

export function errorPageText(status: number, message: string | undefined, onLine: boolean): ErrorPageText {
  if (status === 404) return { title: 'Page not found', body: 'There is no page at this address. Check the link, or go back to your home page.', retry: false };
  if (!onLine || message === OFFLINE_MESSAGE) {
    return {
      title: 'This page needs a connection',
      body: 'It could not be loaded: you are offline, or the connection dropped while it was loading. Everything already on this device still works. Try again once you are online.',
      retry: true,
    };
  }
  return { title: 'Something went wrong', body: 'This page could not be shown. Try again; what you saved on this device is kept.', retry: true };
}

/** The message hooks.client.ts gives a failed import, so the page knows it even once back online. */
export const OFFLINE_MESSAGE = 'page-code-unavailable';
