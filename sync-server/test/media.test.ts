import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, type Exercise, type MediaRef } from '@spotter/shared';
import { exercise, note, prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, push, type Who } from './wire.ts';

/**
 * docs/DESIGN.md "Media storage": uploads by content hash, type from the bytes, the size limit,
 * truncated and duplicate uploads, ranges, and who may read a file — against a real server on
 * a real database, as an attacker would try it.
 */
let s: TestServer;
let small: TestServer;
let coach: Who, coach2: Who, client: Who, client2: Who, smallCoach: Who;

// A real 1×1 PNG, a minimal MP4 (an ftyp box) and a PDF: what the sniffer reads is real.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const mp4 = Buffer.concat([Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f326d703431', 'hex'), Buffer.alloc(300, 7)]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  [s, small] = await Promise.all([startTestServer(), startTestServer({ mediaMaxBytes: 1024 })]);
  const who = async (server: TestServer, email: string) => {
    const l = await server.login(email);
    return { token: l.accessToken, id: l.user.id };
  };
  [coach, coach2, client, client2] = await Promise.all(['coach', 'coach2', 'client', 'client2'].map((n) => who(s, `${n}@demo.test`)));
  smallCoach = await who(small, 'coach@demo.test');
});
afterAll(async () => {
  await Promise.all([s?.close(), small?.close()]);
});

async function upload(who: Who, body: Buffer, id = sha(body), server = s, type = 'application/octet-stream') {
  const res = await fetch(`${server.url}/api/media/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${who.token}`, 'content-type': type }, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as MediaRef & { code?: string; message?: string } };
}

async function read(who: Who, id: string, via?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/api/media/${id}${via ? `?via=${encodeURIComponent(via)}` : ''}`, { headers: { authorization: `Bearer ${who.token}`, ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString()) as { code?: string } };
}

const ownExercise = async (owner: Who, id: string, media: MediaRef | null) => {
  const doc: Exercise = exercise({ id, ownerId: owner.id, name: `Own ${id}`, videoUrl: '', media, updatedAt: now() });
  expect(await push(s, owner.token, 'exercises', [{ doc }])).toEqual([]);
  return doc;
};

const mediaFiles = (server: TestServer) => {
  const root = join(dirname(server.dbPath), 'media');
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk(join(d, e.name)) : found.push(join(d, e.name).slice(root.length + 1)));
  };
  try {
    walk(root);
  } catch {
    // no folder yet: no files
  }
  return found;
};

describe('uploading', () => {
  it('stores a photo by its hash and gives the coach the bytes back, whole and by range', async () => {
    const up = await upload(coach, png, undefined, s, 'text/html');
    expect(up).toEqual({ status: 201, body: { id: sha(png), type: 'image/png', size: png.length } });
    const whole = await read(coach, sha(png));
    expect(whole.status).toBe(200);
    expect(whole.bytes.equals(png)).toBe(true);
    // The type is the sniffed one, not what the upload declared.
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers ranges of a video as a player asks for them, and 416 past its end', async () => {
    const ref = (await upload(coach, mp4)).body;
    expect(ref.type).toBe('video/mp4');
    const part = await read(coach, ref.id, undefined, { range: 'bytes=4-11' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${mp4.length}`);
    expect(part.bytes.toString()).toBe('ftypisom');
    const open = await read(coach, ref.id, undefined, { range: 'bytes=300-' });
    expect(open.status).toBe(206);
    expect(open.bytes.equals(mp4.subarray(300))).toBe(true);
    const past = await read(coach, ref.id, undefined, { range: `bytes=${mp4.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${mp4.length}`);
  });

  it.each([
    ['an HTML page sent as a photo', Buffer.from('<!doctype html><script>alert(1)</script>'), 415, 'media_type_resource'],
    ['an SVG (scripts inside)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'media_type_resource'],
    ['a Matroska file that is not WebM', Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('\x42\x82\x88matroska')]), 415, 'media_type_resource'],
  ])('refuses %s, and keeps nothing', async (_what, body, status, code) => {
    const up = await upload(coach, body);
    expect([up.status, up.body.code]).toEqual([status, code]);
    expect(up.body.message).toMatch(/\.$/);
    expect((await read(coach, sha(body))).status).toBe(404);
  });

  it('refuses bytes that are not the file the address names', async () => {
    const up = await upload(coach, png, sha(pdf));
    expect([up.status, up.body.code]).toEqual([400, 'media_hash_mismatch']);
    expect((await read(coach, sha(pdf))).status).toBe(404);
  });

  it('refuses a file over the limit, declared or not, and keeps nothing of it', async () => {
    const big = Buffer.concat([png, Buffer.alloc(2000)]);
    const declared = await upload(smallCoach, big, undefined, small);
    expect([declared.status, declared.body.code]).toEqual([413, 'media_too_large']);
    expect(declared.body.message).toBe('This file is larger than 1 KB; record a shorter video or pick a smaller file.');
    // A body without a length (streamed in chunks) is cut off once it passes the limit.
    const chunks = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(big.subarray(0, 800))); c.enqueue(new Uint8Array(big.subarray(800))); c.close(); } });
    const res = await fetch(`${small.url}/api/media/${sha(big)}`, { method: 'PUT', headers: { authorization: `Bearer ${smallCoach.token}`, 'content-type': 'application/octet-stream' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(mediaFiles(small).filter((f) => !f.startsWith('.incoming/'))).toEqual([]);
    expect(mediaFiles(small)).toEqual([]);
    // Within the limit the same server takes it.
    expect((await upload(smallCoach, png, undefined, small)).status).toBe(201);
  });

  it('refuses a declared length over 50 MB before reading the body', async () => {
    const res = await rawPut(s, coach, sha(png), 60 * 1024 * 1024, png);
    expect(res).toMatch(/^HTTP\/1\.1 413/);
  });

  it('keeps nothing of an upload cut off midway, and takes the whole file afterwards', async () => {
    const body = Buffer.concat([mp4, Buffer.alloc(4000, 1)]);
    await rawPut(s, coach, sha(body), body.length, body.subarray(0, 1000), { cut: true });
    // The server notices the cut connection on its own; give it the turn to clean up.
    await expect.poll(() => mediaFiles(s).filter((f) => f.startsWith('.incoming/')), { timeout: 5000 }).toEqual([]);
    expect((await read(coach, sha(body))).status).toBe(404);
    expect((await upload(coach, body)).status).toBe(201);
  });

  it('stores one file when the same upload arrives twice at once', async () => {
    const body = Buffer.concat([pdf, Buffer.from('duplicate')]);
    const answers = await Promise.all([upload(coach, body), upload(coach, body), upload(coach2, body)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(mediaFiles(s).filter((f) => f.endsWith(sha(body)))).toHaveLength(1);
    expect(mediaFiles(s).filter((f) => f.startsWith('.incoming/'))).toEqual([]);
  });

  it('is for coaches only', async () => {
    const up = await upload(client, png);
    expect([up.status, up.body.code]).toEqual([403, 'media_coach_only']);
  });

  it.each([
    ['a path in the id', '..%2F..%2Fspotter.db'],
    ['upper-case hex', sha(png).toUpperCase()],
    ['a short id', 'abc'],
  ])('refuses %s as a bad request', async (_what, id) => {
    expect((await upload(coach, png, id)).status).toBe(400);
    expect((await read(coach, id)).status).toBe(400);
  });
});

describe('who may read a file', () => {
  it("a client reads their coach's exercise photo through the exercise; nobody else does", async () => {
    const ref = (await upload(coach, png)).body;
    const ex = await ownExercise(coach, 'media-ex-1', ref);
    expect((await read(client, ref.id, `exercises:${ex.id}`)).status).toBe(200);
    // Without naming the document, or through one that does not hold it: nothing.
    expect((await read(client, ref.id)).status).toBe(404);
    expect((await read(client2, ref.id, `exercises:${ex.id}`)).status).toBe(404);
    expect((await read(coach2, ref.id, `exercises:${ex.id}`)).status).toBe(404);
    expect((await read(coach2, ref.id)).status).toBe(404);
  });

  it("a coach who puts another coach's hash on their own exercise gets nothing, nor do their clients", async () => {
    const secret = Buffer.concat([png, Buffer.from('coach one only')]);
    const ref = (await upload(coach, secret)).body;
    const stolen = await ownExercise(coach2, 'media-ex-stolen', ref);
    for (const who of [coach2, client2]) {
      const res = await read(who, ref.id, `exercises:${stolen.id}`);
      expect(res.status).toBe(404);
      expect(res.bytes.includes(Buffer.from('coach one only'))).toBe(false);
    }
  });

  it("a client reads a prescription's video through their own published session, and another client does not", async () => {
    const ref = (await upload(coach, mp4)).body;
    const ex = await ownExercise(coach, 'media-ex-2', null);
    const doc = session({ id: 'media-ses-1', coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 2), status: 'submitted', submittedAt: now(), exercises: [prescription({ id: 'media-rx-1', exerciseId: ex.id, media: ref })], createdAt: now(), updatedAt: now() });
    const answer = await push(s, coach.token, 'sessions', [{ doc }]);
    expect(answer.map((a) => a.status)).toEqual(['published']);
    const seen = await read(client, ref.id, `sessions:${doc.id}`, { range: 'bytes=0-7' });
    expect([seen.status, seen.headers.get('content-type')]).toEqual([206, 'video/mp4']);
    expect((await read(client2, ref.id, `sessions:${doc.id}`)).status).toBe(404);
    expect((await read(coach2, ref.id, `sessions:${doc.id}`)).status).toBe(404);
  });

  it('a client opens an uploaded resource (a PDF) shared with them, not a private note holding it', async () => {
    const ref = (await upload(coach, pdf)).body;
    expect(ref.type).toBe('application/pdf');
    const shared = note({ id: 'media-res-1', kind: 'resource', coachId: coach.id, clientId: client.id, title: 'Programme', url: '', resourceType: 'pdf', isPrivate: false, media: ref, createdAt: now(), updatedAt: now() });
    const hidden = note({ id: 'media-note-1', kind: 'note', coachId: coach.id, clientId: client.id, isPrivate: true, media: ref, createdAt: now(), updatedAt: now() });
    expect(await push(s, coach.token, 'notes', [{ doc: shared }, { doc: hidden }])).toEqual([]);
    const res = await read(client, ref.id, `notes:${shared.id}`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await read(client, ref.id, `notes:${hidden.id}`)).status).toBe(404);
    expect((await read(client2, ref.id, `notes:${shared.id}`)).status).toBe(404);
  });

  it('says "still on its way" to a client who sees the exercise before the file arrived, then serves it', async () => {
    const later = Buffer.concat([png, Buffer.from('uploaded later')]);
    const ref: MediaRef = { id: sha(later), type: 'image/png', size: later.length };
    const ex = await ownExercise(coach, 'media-ex-3', ref);
    const before = await read(client, ref.id, `exercises:${ex.id}`);
    expect([before.status, before.json().code]).toEqual([404, 'media_pending']);
    expect((await upload(coach, later)).status).toBe(201);
    expect((await read(client, ref.id, `exercises:${ex.id}`)).status).toBe(200);
  });

  it.each([
    ['a collection that holds no media', 'logs:x'],
    ['a path in the document id', 'exercises:../../x'],
    ['no id', 'exercises:'],
  ])('refuses a via naming %s', async (_what, via) => {
    expect((await read(client, sha(png), via)).status).toBe(400);
  });

  it('refuses a reader who is not signed in', async () => {
    const res = await fetch(`${s.url}/api/media/${sha(png)}`);
    expect(res.status).toBe(401);
  });
});

/** A PUT over a raw socket: a declared length the body does not match, or a connection cut midway. */
function rawPut(server: TestServer, who: Who, id: string, length: number, body: Buffer, opts: { cut?: boolean } = {}): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`PUT /api/media/${id} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${who.token}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`);
      socket.write(body, () => {
        if (opts.cut) setTimeout(() => socket.destroy(), 50);
      });
    });
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    if (!opts.cut) setTimeout(() => socket.end(), 2000);
  });
}
