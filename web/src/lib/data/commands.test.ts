import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { HybridClock, sessionLogId } from '@spotter/shared';
import { logEntry, message, plan, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { Api } from './api.ts';
import { createCommands } from './commands.ts';
import type { LocalDatabase } from './local.ts';
import { createRest } from './rest.ts';
import { memorySessionStore } from './session-store.ts';
import { createStore } from './store.ts';
import { openLocal } from './test-device.ts';

// The named commands on a real local database (RxDB on Dexie over fake-indexeddb), offline:
// the REST ones are rest.test.ts's.
let local: LocalDatabase | null = null;
afterEach(async () => {
  await local?.close();
  local = null;
});

async function commandsAs(role: 'coach' | 'client') {
  local = await openLocal();
  const db = local;
  const store = createStore(() => db.db, () => role, new HybridClock({ node: 'test' }));
  const api = new Api({ baseUrl: 'http://127.0.0.1:9', sessions: memorySessionStore(), onSignInNeeded: () => undefined });
  return { commands: createCommands(store, createRest(api)), store };
}

describe('the commands', () => {
  it('editSession writes only what the form changed from its base, over the session as stored', async () => {
    const { commands, store } = await commandsAs('coach');
    const base = await commands.saveSession(session({ id: 'ses-e', title: 'Legs', notes: '' }));
    // Another device's notes arrive while this form, filled from `base`, is typed in.
    await store.patch('sessions', 'ses-e', { notes: 'From the laptop' });
    const written = await commands.editSession(base, { ...base, title: 'Legs day' });
    expect(written).toMatchObject({ title: 'Legs day', notes: 'From the laptop' });
    expect(await store.get('sessions', 'ses-e')).toMatchObject({ title: 'Legs day', notes: 'From the laptop' });
    // The form's own change of a field wins over the stored one.
    await commands.editSession(written, { ...written, notes: 'From the phone' });
    expect(await store.get('sessions', 'ses-e')).toMatchObject({ title: 'Legs day', notes: 'From the phone' });
  });

  it('updateLog runs changes one at a time, each on the log the previous one wrote', async () => {
    const { commands, store } = await commandsAs('client');
    const id = sessionLogId('ses-1');
    const add = (key: string) => (current: ReturnType<typeof sessionLog> | null) => {
      const base = current ?? sessionLog({ entries: {} });
      return { ...base, entries: { ...base.entries, [key]: logEntry() } };
    };
    // Not awaited in between: the second change must still see the first one's entry.
    await Promise.all([commands.updateLog(id, add('rx-1')), commands.updateLog(id, add('rx-2')), commands.updateLog(id, add('rx-3'))]);
    expect(Object.keys((await store.get('logs', id))!.entries).sort()).toEqual(['rx-1', 'rx-2', 'rx-3']);
  });

  it('updateLog changes the log as stored when it writes: a write landing after its read is kept', async () => {
    // Sim seed 1156417607: a log's completion and a set's value went back to null, values no
    // operation wrote. A change was computed from the log as read, a pull wrote the other
    // device's completion before the change was stored, and the write stamped the completion's
    // field as changed (set → null) by this edit: the older value won everywhere.
    const { commands, store } = await commandsAs('client');
    const id = sessionLogId('ses-1');
    await commands.updateLog(id, () => sessionLog({ entries: {} }));
    const logs = local!.db.logs as any;
    const findByIds = logs.findByIds.bind(logs);
    let raced = false;
    // The next read of the log is answered, then the other device's completion lands (as a pull writes it).
    logs.findByIds = (ids: string[]) => {
      const query = findByIds(ids);
      return {
        exec: async () => {
          const found = await query.exec();
          if (!raced) {
            raced = true;
            await store.patch('logs', id, { completedAt: '2026-03-04T10:00:00.000Z' });
          }
          return found;
        },
      };
    };
    await commands.updateLog(id, (current) => ({ ...current!, entries: { ...current!.entries, 'rx-1': logEntry() } }));
    const stored = await store.get('logs', id);
    expect(raced).toBe(true);
    expect(stored).toMatchObject({ completedAt: '2026-03-04T10:00:00.000Z', entries: { 'rx-1': expect.anything() } });
  });

  it('a failed log change does not stop the next one', async () => {
    const { commands, store } = await commandsAs('client');
    const id = sessionLogId('ses-1');
    const failed = commands.updateLog(id, () => {
      throw new Error('typed nonsense');
    });
    const next = commands.updateLog(id, () => sessionLog());
    await expect(failed).rejects.toThrow('typed nonsense');
    await next;
    expect(await store.get('logs', id)).not.toBeNull();
  });

  it('savePlan keeps the order of the saves: the last one wins', async () => {
    const { commands, store } = await commandsAs('coach');
    await Promise.all(['one', 'two', 'three'].map((title) => commands.savePlan(plan({ title }))));
    expect((await store.get('plans', plan().id))?.title).toBe('three');
  });

  it('discardSession hides the session and saveSession brings it back', async () => {
    const { commands, store } = await commandsAs('coach');
    const s = await commands.saveSession(session({ status: 'draft' }));
    await commands.discardSession(s.id);
    expect(await store.get('sessions', s.id)).toBeNull();
    await commands.saveSession(s);
    expect(await store.get('sessions', s.id)).toMatchObject({ id: s.id, status: 'draft' });
  });

  it('refuses what the shared schema refuses, naming the field', async () => {
    const { commands } = await commandsAs('coach');
    const error = await commands.saveMessage(message({ body: 'x'.repeat(10_000) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]!.path).toEqual(['body']);
  });
});
