import { describe, expect, it } from 'vitest';
import { embedUrl, mediaAuthorOf, mediaIdsOf, mediaRefusal, sizeLimitText, sniffMediaType } from './media.ts';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffMediaType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0]), 'video/mp4'],
    ['an iPhone .mov (QuickTime ftyp): browsers play it as mp4', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/mp4'],
    ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    // Refused: what a browser could run or mis-render if it were served as a photo.
    ['Matroska that is not WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88], 'matroska'), null],
    ['HTML', bytes('<!doctype html>'), null],
    ['SVG', bytes('<svg xmlns='), null],
    ['a GIF', bytes('GIF89a'), null],
    ['a RIFF that is not WebP (a WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), null],
    ['too few bytes to tell', bytes([0xff, 0xd8]), null],
    ['nothing', bytes(), null],
  ])('%s', (_what, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });
});

describe('mediaRefusal', () => {
  const MB = 1024 * 1024;
  it.each([
    // An empty file is nothing to show: first, whatever its kind.
    [0, 'image/png', 'exercise', 'media_empty'],
    // Over the limit is refused before the kind matters (the server stops reading there).
    [50 * MB + 1, 'video/mp4', 'exercise', 'media_too_large'],
    [50 * MB + 1, null, 'exercise', 'media_too_large'],
    [50 * MB, 'video/mp4', 'exercise', null],
    // An exercise shows photos and videos; a resource also PDFs.
    [1000, 'application/pdf', 'exercise', 'media_type_exercise'],
    [1000, 'application/pdf', 'resource', null],
    [1000, null, 'exercise', 'media_type_exercise'],
    [1000, null, 'resource', 'media_type_resource'],
    [1000, 'image/webp', 'exercise', null],
  ] as const)('%i bytes of %s for an %s → %s', (size, type, use, code) => {
    expect(mediaRefusal(size, type, use)?.code ?? null).toBe(code);
  });

  it('says the limit as people read it', () => {
    expect(mediaRefusal(60 * MB, 'video/mp4')?.message).toBe('This file is larger than 50 MB; record a shorter video or pick a smaller file.');
    expect(sizeLimitText(1024)).toBe('1 KB');
  });
});

describe('what a document holds', () => {
  const ref = (c: string) => ({ id: c.repeat(64), type: 'image/png', size: 1 });
  it.each([
    ['exercises', { ownerId: 'c1', media: ref('a') }, ['a'.repeat(64)], 'c1'],
    ['exercises', { ownerId: null, media: null }, [], null],
    ['notes', { coachId: 'c1', media: ref('b') }, ['b'.repeat(64)], 'c1'],
    ['sessions', { coachId: 'c2', exercises: [{ media: ref('c') }, {}, { media: null }, { media: ref('d') }] }, ['c'.repeat(64), 'd'.repeat(64)], 'c2'],
    // Logs and messages carry no media: nothing is served through them.
    ['logs', { coachId: 'c1', media: ref('e') }, [], null],
  ])('%s %j', (collection, doc, ids, author) => {
    expect(mediaIdsOf(collection, doc)).toEqual(ids);
    expect(mediaAuthorOf(collection, doc)).toBe(author);
  });
});

describe('embedUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    // Anything else stays a plain link: no id, another site, an id with characters a URL could be built from.
    ['https://www.youtube.com/results?search_query=squat', null],
    ['https://example.com/watch?v=dQw4w9WgXcQ', null],
    ['https://youtu.be/abc"onload', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('%s → %s', (link, expected) => {
    expect(embedUrl(link)).toBe(expected);
  });
});
