import { describe, expect, it } from 'vitest';
import { errorPageText, isFailedImport, OFFLINE_MESSAGE } from './error-page.ts';

describe('what the error page says', () => {
  it.each([
    ['a missing page, online', 404, 'Not Found', true, 'Page not found', false],
    ['a missing page, offline: still "not found"', 404, 'Not Found', false, 'Page not found', false],
    ['a page whose code could not be fetched, offline', 500, 'Internal Error', false, 'This page needs a connection', true],
    ['the same failed import, back online by the time it renders', 500, OFFLINE_MESSAGE, true, 'This page needs a connection', true],
    ['any other failure, online', 500, 'Internal Error', true, 'Something went wrong', true],
  ])('%s', (_, status, message, onLine, title, retry) => {
    expect(errorPageText(status, message, onLine)).toMatchObject({ title, retry });
  });

  it.each([
    ['Chromium', new TypeError('Failed to fetch dynamically imported module: http://x/_app/immutable/nodes/27.js'), true],
    ['Safari', new TypeError('Importing a module script failed.'), true],
    ['Firefox', new TypeError('error loading dynamically imported module: http://x/a.js'), true],
    ['a bug in a page', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['not an error at all', 'Failed to fetch dynamically imported module', false],
  ])('recognises a failed page import (%s)', (_, error, failed) => {
    expect(isFailedImport(error)).toBe(failed);
  });
});
