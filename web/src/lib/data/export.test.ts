import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocumentSchema, exportKinds, type ExportDocument } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import type { ExportFile } from './export.ts';
import { syncedCoach, TestBrowser } from './test-device.ts';

// The device's copy (offline) is written from what sync brought: in step with the server, it
// holds the same documents and the same CSV rows as the server's export.
let server: TestServer;
let device: Device;
let browser: TestBrowser;
let clientId: string;
beforeAll(async () => {
  server = await startTestServer();
  browser = new TestBrowser(server.url);
  ({ device, clientId } = await syncedCoach(server, browser));
});
afterAll(async () => {
  await device?.close();
  await server?.close();
});

const doc = async (f: ExportFile): Promise<ExportDocument> => exportDocumentSchema.parse(JSON.parse(await f.blob.text()));
const zip = async (f: ExportFile) => unzipSync(new Uint8Array(await f.blob.arrayBuffer()));
const ids = (d: ExportDocument) => Object.fromEntries(exportKinds.map((k) => [k, d[k].map((x) => x.id).sort()]));

describe("a coach's export of one client", () => {
  it('offline, is the device\'s copy and holds what the server\'s holds', async () => {
    const online = await device.dataExport.download('json', { clientId });
    const onlineZip = await zip(await device.dataExport.download('zip', { clientId }));
    expect(online.source).toBe('server');
    browser.setOnline(device, false);
    try {
      const offline = await device.dataExport.download('json', { clientId });
      expect(offline).toMatchObject({ source: 'device', fileName: expect.stringContaining('device-copy') });
      const [a, b] = [await doc(online), await doc(offline)];
      expect(b.export).toMatchObject({ source: 'device', clientId });
      expect(ids(b)).toEqual(ids(a));
      expect(b.logs.length).toBeGreaterThan(0);

      const zoff = await zip(await device.dataExport.download('zip', { clientId }));
      for (const file of ['sets.csv', 'sessions.csv', 'notes.csv', 'plans.csv', 'messages.csv']) {
        const rows = (z: Record<string, Uint8Array>) => strFromU8(z[file]!).trim().split('\n').sort();
        expect(rows(zoff), file).toEqual(rows(onlineZip));
      }
      expect(JSON.parse(strFromU8(zoff['manifest.json']!)).source).toBe('device');
    } finally {
      browser.setOnline(device, true);
    }
  });
});
