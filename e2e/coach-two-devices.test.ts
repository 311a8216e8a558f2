import { expect, test } from '@playwright/test';
import { api, signIn, waitForUpload } from './fixtures.ts';

// One coach, two devices, one draft (docs/DESIGN.md "The last edit of each field wins"): the
// phone's coach types the title while the laptop changes the notes, which arrive on the phone
// mid-typing. The phone's editor does not refill a form being typed in; its write then held the
// notes as the form had them, older, and stamped them as its own edit: the laptop's notes were
// gone on every device. Now only what was typed is the phone's edit.

test("a draft edited on two devices at once keeps each device's field", async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const client = await api.login(baseURL!, 'client@demo.test');
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const [phone, laptop] = await Promise.all([browser.newContext({ viewport: { width: 390, height: 844 } }), browser.newContext()].map(async (c) => (await c).newPage()));
  await Promise.all([signIn(phone, 'coach@demo.test'), signIn(laptop, 'coach@demo.test')]);
  const builder = `/coach/clients/${client.user.id}/builder`;
  await phone.goto(builder);
  await phone.getByRole('button', { name: '+ Add Session' }).click();
  const title = `E2E Both ${stamp}`;
  await phone.getByRole('article', { name: /^Draft Untitled due/ }).first().getByLabel('Title').fill(title);
  const onPhone = phone.getByRole('article', { name: new RegExp(`^Draft ${title}`) });
  await onPhone.getByLabel('Title').blur();
  await waitForUpload(phone);

  await laptop.goto(builder);
  const onLaptop = laptop.getByRole('article', { name: new RegExp(`^Draft ${title}`) });
  await expect(onLaptop).toBeVisible();

  // The phone types slowly; meanwhile the laptop writes the notes, uploaded and sent to the phone.
  const typed = ' typed slowly on the phone';
  await onPhone.getByLabel('Title').focus();
  await phone.keyboard.press('End');
  await Promise.all([
    phone.keyboard.type(typed, { delay: 200 }),
    (async () => {
      await onLaptop.getByLabel('Notes').fill('From the laptop');
      await onLaptop.getByLabel('Notes').blur();
      await waitForUpload(laptop);
    })(),
  ]);
  await onPhone.getByLabel('Title').blur();
  await waitForUpload(phone);

  // Both fields stand: on the server, on the phone (its notes refilled) and on the laptop.
  const onServer = async () => (await api.pull<{ title: string; notes: string }>(baseURL!, coach.accessToken, 'sessions')).find((s) => s.title.startsWith(title));
  await expect.poll(onServer).toMatchObject({ title: title + typed, notes: 'From the laptop' });
  await expect(onPhone.getByLabel('Notes')).toHaveValue('From the laptop');
  await expect(laptop.getByRole('article', { name: new RegExp(`^Draft ${title}${typed}`) }).getByLabel('Title')).toHaveValue(title + typed);
  await expect(laptop.getByRole('article', { name: new RegExp(`^Draft ${title}${typed}`) }).getByLabel('Notes')).toHaveValue('From the laptop');
  await phone.context().close();
  await laptop.context().close();
});
