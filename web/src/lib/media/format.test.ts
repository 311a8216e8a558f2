import { describe, expect, it } from 'vitest';
import { fileLabel, sizeText } from './format.ts';

describe('media labels', () => {
  it.each([
    ['video/mp4', 'Video'],
    ['video/webm', 'Video'],
    ['image/png', 'Photo'],
    ['application/pdf', 'PDF'],
    ['text/plain', 'File'],
  ])('%s is a %s', (type, label) => {
    expect(fileLabel(type)).toBe(label);
  });

  it.each([
    [10, '1 KB'],
    [340 * 1024, '340 KB'],
    [1.25 * 1024 * 1024, '1.3 MB'],
    [50 * 1024 * 1024, '50.0 MB'],
  ])('%i bytes read as %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
