import { describe, expect, it } from 'vitest';
import { HttpError } from '../data/api.ts';
import { exportFailureText, exportSavedText } from './export-file.ts';

describe('what the person is told', () => {
  it.each([
    // Offline, the file is the device's copy, and the sentence says so.
    [{ fileName: 'spotter-export-device-copy-2026-12-07.zip', source: 'device' as const }, /copy this device holds/],
    [{ fileName: 'spotter-export-2026-12-07.zip', source: 'server' as const }, /server holds/],
  ])('%o', (file, text) => expect(exportSavedText(file)).toMatch(text));

  it.each([
    [new HttpError(404, 'No such client among the clients you can see.'), 'No such client among the clients you can see.'],
    [new HttpError(503, 'x'), /try again in a moment/],
  ])('%s', (e, text) => expect(exportFailureText(e)).toMatch(text));
});
