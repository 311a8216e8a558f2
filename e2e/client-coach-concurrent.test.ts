import { expect, test, type Browser, type Page } from '@playwright/test';
import { sessionLogId, setKindOf } from '@spotter/shared';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';
import { escape, eventually, exerciseItem, logExercise, pullAll, unloggedDemoSession, type Typed } from './client-helpers.ts';

// docs/DESIGN.md "One writer per document" in the browser: the coach edits a prescription and the client logs the
// same session, both offline; whichever reconnects first, nothing either typed is lost, and
// the log keeps what was prescribed when the client logged next to what is prescribed now.

async function contextPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

for (const [order, dayOffset] of [['client', 2], ['coach', 4]] as const) {
  test(`coach and client offline on one session; the ${order} reconnects first; nothing is lost`, async ({ browser, baseURL }) => {
    const client = await api.login(baseURL!, 'client@demo.test');
    const coach = await api.login(baseURL!, 'coach@demo.test');
    const session = await unloggedDemoSession(baseURL!, client.accessToken, dayOffset);
    const dueDate: string = session.dueDate;
    const library = new Map((await pullAll(baseURL!, client.accessToken, 'exercises')).map((e) => [e.id, e]));
    // The prescription both edit is a loaded lift (load × reps): a plank's sets take seconds.
    const k = session.exercises.findIndex((p: any) => setKindOf(library.get(p.exerciseId), p) === 'load');
    expect(k, 'the demo session has a loaded lift').toBeGreaterThanOrEqual(0);
    const rx0 = session.exercises[k];
    const rx1 = session.exercises[k === 0 ? 1 : 0];
    const [name0, name1] = [library.get(rx0.exerciseId)!.name as string, library.get(rx1.exerciseId)!.name as string];
    const before = { sets: rx0.sets, reps: rx0.reps, weight: rx0.weight, restSeconds: rx0.restSeconds };
    const coachTyped = { reps: '6', weight: '62.5 kg' };
    const clientTyped: Typed = { sets: '3', reps: '9', weight: '57.5', results: `Order ${order}: all sets clean`, notes: 'Grip slipped once', difficulty: '3' };

    // Both devices load while online, then lose the connection.
    const coachPage = await contextPage(browser);
    await signIn(coachPage, 'coach@demo.test');
    await coachPage.goto(`/coach/clients/${client.user.id}/builder`);
    const card = coachPage.getByRole('article', { name: new RegExp(`^Session ${escape(session.title)} due ${dueDate}`) });
    await expect(card).toBeVisible();
    const clientPage = await contextPage(browser);
    await signIn(clientPage, 'client@demo.test');
    await clientPage.goto(`/client/sessions/${session.id}`);
    await expect(exerciseItem(clientPage, name0)).toBeVisible();
    await goOffline(coachPage);
    await goOffline(clientPage);

    // The coach changes the first prescription.
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = coachPage.getByRole('article', { name: new RegExp(`^Editing session ${escape(session.title)}`) });
    const rxItem = editor.getByRole('listitem', { name: new RegExp(`^${k + 1}\\. ${escape(name0)}$`) });
    await rxItem.getByLabel('Reps').fill(coachTyped.reps);
    await rxItem.getByLabel('Weight').fill(coachTyped.weight);
    await editor.getByRole('button', { name: 'Done' }).click();

    // The client logs against the prescription it has, and comments.
    await logExercise(clientPage, name0, clientTyped);
    await logExercise(clientPage, name1);
    const thread = clientPage.getByRole('region', { name: 'Comments on this session' });
    await thread.getByLabel('Add a comment').fill(`Concurrent ${order}`);
    await thread.getByRole('button', { name: 'Post comment' }).click();

    const serverSession = async () => (await pullAll(baseURL!, coach.accessToken, 'sessions')).find((s) => s.id === session.id);
    const serverLog = async () => (await pullAll(baseURL!, coach.accessToken, 'logs')).find((l) => l.id === sessionLogId(session.id));
    const coachLanded = async () => expect((await serverSession()).exercises[k]).toMatchObject(coachTyped);
    const clientLanded = async () => {
      const log = await serverLog();
      expect(log?.entries[rx0.id]).toMatchObject({
        setsCompleted: 3, repsCompleted: 9, weightUsed: 57.5, completedAsPrescribed: false, difficulty: 3,
        results: clientTyped.results, notes: clientTyped.notes, prescribed: before,
      });
      expect(log.entries[rx1.id]).toMatchObject({ completedAsPrescribed: true, prescribed: { sets: rx1.sets, reps: rx1.reps, weight: rx1.weight } });
      const comments = (await pullAll(baseURL!, coach.accessToken, 'messages')).filter((m) => m.targetId === session.id && m.kind === 'comment');
      expect(comments.map((m) => m.body)).toContain(`Concurrent ${order}`);
    };

    // Reconnect one side, let it land, then the other.
    const [firstPage, firstLanded, secondPage] = order === 'client' ? [clientPage, clientLanded, coachPage] : [coachPage, coachLanded, clientPage];
    await goOnline(firstPage);
    await eventually(firstLanded);
    await goOnline(secondPage);
    await eventually(coachLanded);
    await eventually(clientLanded);
    // Everything else the coach had in that session is untouched.
    const finalSession = await serverSession();
    expect(finalSession.exercises.map((p: any) => p.id)).toEqual(session.exercises.map((p: any) => p.id));
    expect(finalSession.exercises[k]).toMatchObject({ sets: rx0.sets, restSeconds: rx0.restSeconds, notes: rx0.notes, exerciseId: rx0.exerciseId });

    // The client sees both what was prescribed when they logged and what is prescribed now.
    const item = exerciseItem(clientPage, name0);
    await expect(item.getByTestId('prescribed-then')).toHaveText(new RegExp(`^${rx0.sets} × ${escape(rx0.reps)}`));
    await expect(item.getByTestId('prescribed-now')).toHaveText(new RegExp(`^${rx0.sets} × 6 · 62\\.5 kg`));
    await expect(item.getByTestId('logged')).toHaveText(/^3 × 9 · 57\.5 kg/);
    // The coach's card shows the new prescription, the client's log against it, what was
    // prescribed when they logged, and the client's comment.
    const logged = card.getByTestId('logged-exercise').nth(k);
    await expect(logged.getByTestId('logged')).toHaveText(/^3 × 9 · 57\.5 kg/);
    await expect(logged.getByTestId('prescribed-then')).toHaveText(new RegExp(`^${rx0.sets} × ${escape(rx0.reps)}`));
    await expect(logged.getByTestId('prescribed-now')).toHaveText(new RegExp(`^${rx0.sets} × 6 · 62\\.5 kg`));
    await expect(logged).toContainText(clientTyped.results);
    await expect(logged).toContainText(clientTyped.notes);
    await expect(card.getByRole('region', { name: 'Comments on this session' }).getByTestId('comment')).toContainText([`Concurrent ${order}`]);
    await coachPage.context().close();
    await clientPage.context().close();
  });
}
