import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addDaysTo, todayLocal, type Exercise, type Note } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// docs/DESIGN.md "Media storage" on a 390 px phone: a coach with no signal attaches a photo to
// their own exercise (a file that is not a photo is refused with the reason first); it waits
// among the changes to upload with its progress bar; online, it uploads. The client sees it in
// the workout after both sync, keeps it, and sees it again offline after a reload. A resource
// may be an uploaded PDF: the client opens it in place and the opening is counted. A video
// recorded by the browser (WebM) plays for the client, is served in ranges, and is kept offline.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** A real PNG, made here: `size`×`size` pixels of one colour (8-bit RGB). */
function makePng(size: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
const png = makePng(8, [40, 120, 200]);
const sha = createHash('sha256').update(png).digest('hex');

async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 390, height: 844 });
}

test('a coach attaches a photo offline, it uploads when online, and the client sees it, offline too once kept', async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client@demo.test');
  const name = `E2E Media Squat ${Date.now().toString(36)}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'coach@demo.test');
  await page.goto('/coach/exercises');
  await goOffline(page);

  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form', { name: 'New exercise' });
  await form.getByLabel('Name').fill(name);
  // The camera input is there for phones (capture), beside "Choose a file".
  await expect(form.getByTestId('media-capture')).toHaveAttribute('capture', 'environment');
  await expect(form.getByTestId('media-capture')).toHaveAttribute('accept', 'image/*,video/*');

  // A page named like a photo is refused from its bytes, with the reason; nothing is attached.
  await form.getByTestId('media-file').setInputFiles({ name: 'squat.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><p>not a photo</p>') });
  await expect(form.getByRole('alert')).toHaveText('This file is not a photo or video Spotter can show: use JPEG, PNG or WebP photos, MP4 or WebM videos.');
  await expect(form.getByTestId('media')).toHaveCount(0);

  // The real photo: shown at once from the device's copy, offline.
  await form.getByTestId('media-file').setInputFiles({ name: 'squat.png', mimeType: 'image/png', buffer: png });
  await expect(form.getByRole('img', { name: `${name}: the coach's photo` })).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await noSidewaysScroll(page);
  await form.getByRole('button', { name: 'Create exercise' }).click();
  const card = page.getByRole('article', { name });
  await expect(card.getByRole('img', { name: `${name}: the coach's photo` })).toBeVisible();

  // Waiting: the exercise and its photo are two changes; the photo shows its progress bar.
  await expect(page.getByTestId('pending')).toHaveText('2 changes waiting to upload');
  const uploads = page.getByTestId('media-uploads');
  await expect(uploads).toContainText('Photo, 1 KB: waiting to upload');
  await expect(uploads.getByRole('progressbar', { name: 'Upload of the photo' })).toBeVisible();
  // A reload offline keeps the waiting file (it is in IndexedDB, not in memory).
  await page.reload();
  await expect(page.getByTestId('media-uploads')).toContainText('Photo, 1 KB: waiting to upload');
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await noSidewaysScroll(page);

  // Online: both upload; the server has the exercise pointing at the file, and the file.
  await goOnline(page);
  await waitForUpload(page);
  await expect(page.getByTestId('media-uploads')).toHaveCount(0);
  const exercise = (await api.pull<Exercise>(baseURL!, coach.accessToken, 'exercises')).find((e) => e.name === name)!;
  expect(exercise.media).toEqual({ id: sha, type: 'image/png', size: png.length });
  const served = await fetch(`${baseURL}/api/media/${sha}`, { headers: { authorization: `Bearer ${coach.accessToken}` } });
  expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png']);
  expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

  // The coach prescribes it to the client (through the API: the builder has its own tests).
  const sessionId = `e2e-media-${Date.now().toString(36)}`;
  const at = new Date().toISOString();
  await api.post(baseURL!, coach.accessToken, '/api/sessions', {
    id: sessionId, coachId: coach.user.id, clientId: client.user.id, dueDate: addDaysTo(todayLocal(), 1), title: 'Media day', notes: '',
    exercises: [{ id: `${sessionId}-rx`, exerciseId: exercise.id, sets: 3, reps: '8', weight: '20 kg', restSeconds: 60, notes: '' }],
    status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
  });
  await context.close();

  // The client's phone: the photo shows in the workout, is kept, and shows offline after a reload.
  const clientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await clientContext.newPage();
  await signIn(phone, 'client@demo.test');
  await phone.goto(`/client/sessions/${sessionId}`);
  const photo = phone.getByRole('img', { name: `${exercise.name}: the coach's photo` });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  await phone.getByRole('button', { name: /^Keep photo for offline/ }).click();
  await expect(phone.getByTestId('media-kept')).toHaveText('Kept on this device for offline viewing');
  expect((await new AxeBuilder({ page: phone }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await noSidewaysScroll(phone);
  await goOffline(phone);
  await phone.reload();
  await expect(phone.getByRole('img', { name: `${exercise.name}: the coach's photo` })).toBeVisible();
  expect(await phone.getByRole('img', { name: `${exercise.name}: the coach's photo` }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  await clientContext.close();
});

test('a coach shares a PDF as a resource offline; online it uploads; the client opens it in place and the opening is counted', async ({ browser, baseURL }) => {
  const client = (await api.login(baseURL!, 'client@demo.test')).user;
  const coachToken = (await api.login(baseURL!, 'coach@demo.test')).accessToken;
  const title = `E2E programme ${Date.now().toString(36)}`;
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

  const coachContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const coach = await coachContext.newPage();
  await signIn(coach, 'coach@demo.test');
  await coach.goto(`/coach/clients/${client.id}/notes`);
  await goOffline(coach);
  await coach.getByLabel('Kind').selectOption('resource');
  await coach.getByLabel('Title').fill(title);
  // A resource takes a PDF (an exercise would not).
  await coach.getByTestId('media-file').setInputFiles({ name: 'programme.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(coach.getByRole('link', { name: /^Open the PDF/ })).toBeVisible();
  await coach.getByRole('combobox', { name: 'Type' }).selectOption('pdf');
  await coach.getByRole('button', { name: 'Save' }).click();
  const shared = coach.getByTestId('note-resource').filter({ hasText: title });
  await expect(shared.getByTestId('resource-views')).toHaveText('Not opened yet');
  await expect(coach.getByTestId('media-uploads')).toContainText('PDF, 1 KB: waiting to upload');
  await goOnline(coach);
  await waitForUpload(coach);
  const note = (await api.pull<Note>(baseURL!, coachToken, 'notes')).find((n) => n.title === title)!;
  expect(note.media).toMatchObject({ type: 'application/pdf', size: pdf.length });

  const clientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await clientContext.newPage();
  await signIn(phone, 'client@demo.test');
  await phone.goto('/client/progress');
  const item = phone.getByTestId('client-note').filter({ hasText: title });
  await item.getByText('Open pdf').click();
  await expect(item.getByRole('link', { name: /^Open the PDF/ })).toBeVisible();
  expect((await new AxeBuilder({ page: phone }).withTags(AXE_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await waitForUpload(phone);
  await expect(shared.getByTestId('resource-views')).toContainText('Viewed once', { timeout: 20_000 });
  await coachContext.close();
  await clientContext.close();
});

test('a coach records a short video for an exercise; the client plays it, with ranges, and keeps it for offline', async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client@demo.test');
  const name = `E2E Media Lunge ${Date.now().toString(36)}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'coach@demo.test');
  // A real WebM, recorded here by the browser itself from a canvas (what a phone camera gives, smaller).
  const webm = Buffer.from(
    await page.evaluate(async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 32, height: 32 });
      const ctx = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm' });
      const parts: Blob[] = [];
      recorder.ondataavailable = (e) => parts.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      for (let i = 0; i < 8; i++) {
        ctx.fillStyle = `hsl(${i * 40} 80% 50%)`;
        ctx.fillRect(0, 0, 32, 32);
        await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => setTimeout(r, 60));
      }
      recorder.stop();
      await stopped;
      return [...new Uint8Array(await new Blob(parts).arrayBuffer())];
    }),
  );
  const sha = createHash('sha256').update(webm).digest('hex');
  await page.goto('/coach/exercises');
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form', { name: 'New exercise' });
  await form.getByLabel('Name').fill(name);
  await form.getByTestId('media-capture').setInputFiles({ name: 'lunge.webm', mimeType: 'video/webm', buffer: webm });
  await expect(form.getByLabel(`${name}: the coach's video`)).toBeVisible();
  await form.getByRole('button', { name: 'Create exercise' }).click();
  await waitForUpload(page);
  const exercise = (await api.pull<Exercise>(baseURL!, coach.accessToken, 'exercises')).find((e) => e.name === name)!;
  expect(exercise.media).toEqual({ id: sha, type: 'video/webm', size: webm.length });
  // What a player asks for: a range, answered 206 with the sniffed type.
  const part = await fetch(`${baseURL}/api/media/${sha}?via=exercises:${exercise.id}`, { headers: { authorization: `Bearer ${client.accessToken}`, range: 'bytes=0-3' } });
  expect([part.status, part.headers.get('content-type'), part.headers.get('content-range')]).toEqual([206, 'video/webm', `bytes 0-3/${webm.length}`]);

  const sessionId = `e2e-video-${Date.now().toString(36)}`;
  const at = new Date().toISOString();
  await api.post(baseURL!, coach.accessToken, '/api/sessions', {
    id: sessionId, coachId: coach.user.id, clientId: client.user.id, dueDate: addDaysTo(todayLocal(), 1), title: 'Video day', notes: '',
    exercises: [{ id: `${sessionId}-rx`, exerciseId: exercise.id, sets: 3, reps: '10', weight: 'bodyweight', restSeconds: 60, notes: '' }],
    status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
  });
  await context.close();

  const clientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await clientContext.newPage();
  await signIn(phone, 'client@demo.test');
  await phone.goto(`/client/sessions/${sessionId}`);
  const video = phone.getByLabel(`${name}: the coach's video`);
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await phone.getByRole('button', { name: /^Keep video for offline/ }).click();
  await expect(phone.getByTestId('media-kept')).toBeVisible();
  await goOffline(phone);
  await phone.reload();
  await expect.poll(() => phone.getByLabel(`${name}: the coach's video`).evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await clientContext.close();
});
