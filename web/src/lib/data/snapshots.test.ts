import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { offlineDevice } from './test-device.ts';

const isRows = (v: unknown): v is { rows: string[] } => typeof v === 'object' && v !== null && Array.isArray((v as { rows?: unknown }).rows);

describe('snapshots: a page\'s last answer on the device', () => {
  it('a saved snapshot is there at the next start, and one the page does not accept is not', async () => {
    const idb = new IDBFactory();
    let device = await offlineDevice('snap-a', idb);
    try {
      expect(await device.snapshots.load('dashboard', isRows)).toBeNull();
      await device.snapshots.save('dashboard', { rows: ['Ana', 'Ben'] });
      await device.snapshots.save('other', 'not rows');
    } finally {
      await device.close();
    }
    device = await offlineDevice('snap-a', idb);
    try {
      expect(await device.snapshots.load('dashboard', isRows)).toEqual({ rows: ['Ana', 'Ben'] });
      expect(await device.snapshots.load('other', isRows)).toBeNull();
    } finally {
      await device.close();
    }
  });

  it('signing out removes it with the rest of the person\'s data', async () => {
    const device = await offlineDevice('snap-b');
    try {
      await device.snapshots.save('dashboard', { rows: ['Ana'] });
      expect((await device.signOut({ force: true })).signedOut).toBe(true);
      expect(await device.snapshots.load('dashboard', isRows)).toBeNull();
    } finally {
      await device.close();
    }
  });
});
